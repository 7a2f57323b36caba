# yekuo record: the record is inserted as TOML and every other byte stays; a bad record leaves the file
# byte-identical (docs/tracking.md#recording-progress-yekuo-record), through the real binary
# (tests/cli/record_checks.py).
yekuo_scenario_tests(cli.record record_checks.py progress delay revisit refused readonly)
