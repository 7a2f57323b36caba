# yekuo plan --portfolio (planning against the department load) on examples/capacity as of Mon
# 2026-04-13 (scenarios and the hand-checked dates in plan_capacity_checks.py).
yekuo_scenario_tests(cli.plan_capacity plan_capacity_checks.py example over-capacity confirm bad-input)
