# yekuo new through the real binary (scenarios in new_checks.py).
yekuo_scenario_tests(cli.new new_checks.py list list_en unknown_template files)
