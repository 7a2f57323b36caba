# `yekuo load` (docs/capacity.md): the load rule recomputed from other reports, every format, the
# organization file's [[department]] tables, bad inputs, evaluate's capacity note (tests/cli/load_checks.py).
yekuo_scenario_tests(cli.load load_checks.py rule formats org bad evaluate walkthrough)
