# yekuo plan through the real binary (scenarios in plan_checks.py).
yekuo_scenario_tests(cli.plan plan_checks.py reference-json infeasible formats confirm bad-input provisional calendar-days)

# Regression: compression with calendar-day stages must fall back, never abort (exit 3, not 1).
add_test(NAME cli.plan.compression_calendar_days_regression
         COMMAND ${YEKUO_BIN} plan "${PROJECT_SOURCE_DIR}/tests/fixtures/plans/compress-calendar-days-infeasible.toml" --format json)
set_tests_properties(cli.plan.compression_calendar_days_regression PROPERTIES
  PASS_REGULAR_EXPRESSION "\"meets_target\": true" WILL_FAIL FALSE)
