# Everyday use (issue 13) through the real binary: `CMD orders/*.toml` with the baselines the glob
# names, for every portfolio command; a baseline of another order; the organization calendar on
# every command that shows dates; what changed since the confirmation; the 35 kV template; texts.
# Scenarios in everyday_checks.py.
yekuo_scenario_tests(cli.everyday everyday_checks.py glob-check glob-evaluate glob-remind glob-assess glob-publish
                     baseline-mismatch baseline-skipped calendar-option calendar-changed templates texts assess-report)
