# --as-of reproduces a past week and re-confirmation cannot erase an overrun (docs/tracking.md,
# docs/baseline.md), and remind warns of provisional years, through the real binary
# (tests/cli/history_checks.py).
yekuo_scenario_tests(cli.history history_checks.py past-week reconfirm provisional)
