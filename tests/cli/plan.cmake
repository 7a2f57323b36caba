# yekuo plan through the real binary (scenarios in plan_checks.py).
yekuo_scenario_tests(cli.plan plan_checks.py reference-json infeasible formats confirm bad-input provisional calendar-days
                     compression_calendar_days_regression)
