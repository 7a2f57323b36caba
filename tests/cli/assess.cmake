# yekuo assess through the real binary on examples/assessed (scenarios in assess_checks.py; the
# figures are derived by hand in docs/assessment.md).
yekuo_scenario_tests(cli.assess assess_checks.py figures table english html csv bad_date reversed_period
                     missing_input env_calendar env_calendar_named env_calendar_empty)
