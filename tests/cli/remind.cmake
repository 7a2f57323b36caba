# yekuo remind on examples/portfolio as of Thu 2026-06-18 (scenarios in remind_checks.py; the
# hand-checked facts are in evaluate_checks.py, which also checks remind's exit codes and JSON).
yekuo_scenario_tests(cli.remind remind_checks.py table weekend nothing)
