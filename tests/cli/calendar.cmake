# yekuo calendar through the real binary (scenarios in calendar_checks.py).
yekuo_scenario_tests(cli.calendar calendar_checks.py add add_negative between year provisional bad_date out_of_range)
