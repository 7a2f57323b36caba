# yekuo export: the portfolio as CSV files, as a SQLite database and as a workbook, bad inputs, and the
# destinations it refuses to replace, through the real binary (tests/cli/export_checks.py).
yekuo_scenario_tests(cli.export export_checks.py csv sqlite xlsx bad-input refused)
