# yekuo assess through the real binary on examples/assessed. The figures are checked in
# tests/cli/assess_checks.py (derivations in docs/assessment.md).
set(YEKUO_ASSESSED "${PROJECT_SOURCE_DIR}/examples/assessed")
yekuo_scenario_tests(cli.assess assess_checks.py figures)

add_test(NAME cli.assess.table COMMAND ${YEKUO_BIN} assess ${YEKUO_ASSESSED} --as-of 2026-06-30)
set_tests_properties(cli.assess.table PROPERTIES PASS_REGULAR_EXPRESSION
  "建议考核 客户服务中心：超期 2 个工作日.*运维检修部 +\\| +3 \\| +2 \\| +1 \\| +6 .*超过一个月未回访.*尚未接电跳过 1 个")
add_test(NAME cli.assess.english COMMAND ${YEKUO_BIN} assess ${YEKUO_ASSESSED} --as-of 2026-06-30 --lang en --format md)
set_tests_properties(cli.assess.english PROPERTIES PASS_REGULAR_EXPRESSION
  "reported 2010-04-12, after the deadline: not excluded.*assess 运维检修部: 6 working days over")
add_test(NAME cli.assess.html COMMAND ${YEKUO_BIN} assess ${YEKUO_ASSESSED} --as-of 2026-06-30 --format html)
set_tests_properties(cli.assess.html PROPERTIES PASS_REGULAR_EXPRESSION "<svg.*<svg.*<svg")
add_test(NAME cli.assess.csv COMMAND ${YEKUO_BIN} assess ${YEKUO_ASSESSED} --as-of 2026-06-30 --format csv)
set_tests_properties(cli.assess.csv PROPERTIES PASS_REGULAR_EXPRESSION "WX-2010-0301")
add_test(NAME cli.assess.bad_date COMMAND ${YEKUO_BIN} assess ${YEKUO_ASSESSED} --from 2010-02-30)
set_tests_properties(cli.assess.bad_date PROPERTIES WILL_FAIL TRUE)
add_test(NAME cli.assess.reversed_period COMMAND ${YEKUO_BIN} assess ${YEKUO_ASSESSED} --from 2010-06-01 --to 2010-05-01)
set_tests_properties(cli.assess.reversed_period PROPERTIES WILL_FAIL TRUE)
add_test(NAME cli.assess.missing_input COMMAND ${YEKUO_BIN} assess "${YEKUO_ASSESSED}/no-such-file.toml")
set_tests_properties(cli.assess.missing_input PROPERTIES WILL_FAIL TRUE)
# The organization calendar applies to assess as to evaluate: $YEKUO_CALENDAR is read (a missing
# file stops the run, naming it) and an empty value means none.
add_test(NAME cli.assess.env_calendar
         COMMAND ${CMAKE_COMMAND} -E env YEKUO_CALENDAR=${CMAKE_CURRENT_BINARY_DIR}/no-such-calendar.toml
                 ${YEKUO_BIN} assess ${YEKUO_ASSESSED} --as-of 2026-06-30)
set_tests_properties(cli.assess.env_calendar PROPERTIES WILL_FAIL TRUE)
add_test(NAME cli.assess.env_calendar_named
         COMMAND ${CMAKE_COMMAND} -E env YEKUO_CALENDAR=${CMAKE_CURRENT_BINARY_DIR}/no-such-calendar.toml
                 ${YEKUO_BIN} assess ${YEKUO_ASSESSED} --as-of 2026-06-30)
set_tests_properties(cli.assess.env_calendar_named PROPERTIES PASS_REGULAR_EXPRESSION "no-such-calendar.toml")
add_test(NAME cli.assess.env_calendar_empty
         COMMAND ${CMAKE_COMMAND} -E env YEKUO_CALENDAR= ${YEKUO_BIN} assess ${YEKUO_ASSESSED} --as-of 2026-06-30)
