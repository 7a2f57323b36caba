# yekuo import through the real binary: ledgers (台账) in, order files out (scenarios in import_checks.py).
yekuo_scenario_tests(cli.import import_checks.py good-and-bad existing chinese-headers example refused)
