# yekuo evaluate on examples/portfolio as of Thu 2026-06-18 (scenarios and the hand-checked facts in
# evaluate_checks.py).
yekuo_scenario_tests(cli.evaluate evaluate_checks.py exit_codes bad_file json table no_baseline_warning html bad_as_of)
