# --format xlsx of plan, evaluate and assess, read back with python3-openpyxl; refused on a terminal
# (tests/cli/xlsx_checks.py).
yekuo_scenario_tests(cli.xlsx xlsx_checks.py plan evaluate assess terminal many-orders many-sheets)
