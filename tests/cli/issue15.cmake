# Issue 15 (promised time limits, owners, portfolio figures, follow-up, the escalation ladder,
# rulings) through the real binary on real files (tests/cli/issue15_checks.py).
yekuo_scenario_tests(cli.issue15 issue15_checks.py finish-within owner summary follow-up inspection escalation ruling)
