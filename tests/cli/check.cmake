# yekuo check through the real binary: directories, summaries, quiet mode, the organization
# calendar, missing paths (scenarios in check_checks.py). Per-fixture checks are in error_fixtures.cmake.
yekuo_scenario_tests(cli.check check_checks.py valid_dir errors_dir errors_dir_summary mixed missing_path
                     missing_path_message quiet no_args org_calendar org_calendar_env bad_calendar
                     bad_calendar_message directory_as_file)
