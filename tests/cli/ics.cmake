# `plan` and `remind --format ics` (docs/output-formats.md#icalendar-ics): the events against the JSON
# reports' dates, the alarm on the working day before across a holiday, stable UIDs, refused elsewhere
# (tests/cli/ics_checks.py).
yekuo_scenario_tests(cli.ics ics_checks.py plan remind refused)
