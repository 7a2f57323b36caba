# yekuo check through the real binary: directories, summaries, quiet mode, the organization
# calendar, missing paths. Per-fixture checks are in error_fixtures.cmake.
set(YEKUO_FIXTURE_DIR "${CMAKE_CURRENT_SOURCE_DIR}/fixtures")

add_test(NAME cli.check.valid_dir COMMAND ${YEKUO_BIN} check "${YEKUO_FIXTURE_DIR}/valid")
set_tests_properties(cli.check.valid_dir PROPERTIES
  PASS_REGULAR_EXPRESSION "3 files checked: 3 ok, 0 with errors, 1 warning\n")

add_test(NAME cli.check.errors_dir COMMAND ${YEKUO_BIN} check "${YEKUO_FIXTURE_DIR}/errors")
set_tests_properties(cli.check.errors_dir PROPERTIES WILL_FAIL TRUE)
add_test(NAME cli.check.errors_dir_summary COMMAND ${YEKUO_BIN} check "${YEKUO_FIXTURE_DIR}/errors")
set_tests_properties(cli.check.errors_dir_summary PROPERTIES
  PASS_REGULAR_EXPRESSION "[0-9]+ files checked: 0 ok, [0-9]+ with errors")

# One bad file does not stop the others: the valid ones are still reported ok.
add_test(NAME cli.check.mixed COMMAND ${YEKUO_BIN} check "${YEKUO_FIXTURE_DIR}/errors/cycle.toml"
  "${YEKUO_FIXTURE_DIR}/valid/minimal.toml")
set_tests_properties(cli.check.mixed PROPERTIES
  PASS_REGULAR_EXPRESSION "minimal.toml: ok\n.*2 files checked: 1 ok, 1 with errors, 0 warnings")

add_test(NAME cli.check.missing_path COMMAND ${YEKUO_BIN} check "${YEKUO_FIXTURE_DIR}/no-such-file.toml")
set_tests_properties(cli.check.missing_path PROPERTIES WILL_FAIL TRUE)
add_test(NAME cli.check.missing_path_message COMMAND ${YEKUO_BIN} check "${YEKUO_FIXTURE_DIR}/no-such-file.toml")
set_tests_properties(cli.check.missing_path_message PROPERTIES
  PASS_REGULAR_EXPRESSION "no-such-file.toml: no such file or directory")

add_test(NAME cli.check.quiet COMMAND ${YEKUO_BIN} check -q "${YEKUO_FIXTURE_DIR}/valid/minimal.toml")
set_tests_properties(cli.check.quiet PROPERTIES PASS_REGULAR_EXPRESSION "^$")

add_test(NAME cli.check.no_args COMMAND ${YEKUO_BIN} check)
set_tests_properties(cli.check.no_args PROPERTIES WILL_FAIL TRUE)

# The organization's calendar vouches for 2027: no provisional warning.
add_test(NAME cli.check.org_calendar COMMAND ${YEKUO_BIN} check
  --calendar "${YEKUO_FIXTURE_DIR}/calendar/org-2027.toml" "${YEKUO_FIXTURE_DIR}/valid/provisional_2027.toml")
set_tests_properties(cli.check.org_calendar PROPERTIES
  PASS_REGULAR_EXPRESSION "1 file checked: 1 ok, 0 with errors, 0 warnings"
  FAIL_REGULAR_EXPRESSION "provisional-calendar")
add_test(NAME cli.check.org_calendar_env COMMAND ${CMAKE_COMMAND} -E env
  "YEKUO_CALENDAR=${YEKUO_FIXTURE_DIR}/calendar/org-2027.toml"
  ${YEKUO_BIN} check "${YEKUO_FIXTURE_DIR}/valid/provisional_2027.toml")
set_tests_properties(cli.check.org_calendar_env PROPERTIES
  PASS_REGULAR_EXPRESSION "1 file checked: 1 ok, 0 with errors, 0 warnings"
  FAIL_REGULAR_EXPRESSION "provisional-calendar")

add_test(NAME cli.check.bad_calendar COMMAND ${YEKUO_BIN} check
  --calendar "${YEKUO_FIXTURE_DIR}/calendar/bad-calendar.toml" "${YEKUO_FIXTURE_DIR}/valid/minimal.toml")
set_tests_properties(cli.check.bad_calendar PROPERTIES WILL_FAIL TRUE)
add_test(NAME cli.check.bad_calendar_message COMMAND ${YEKUO_BIN} check
  --calendar "${YEKUO_FIXTURE_DIR}/calendar/bad-calendar.toml" "${YEKUO_FIXTURE_DIR}/valid/minimal.toml")
set_tests_properties(cli.check.bad_calendar_message PROPERTIES
  PASS_REGULAR_EXPRESSION "bad-calendar.toml:3:1: error: unknown key \"holiday\" in \\[calendar\\] \\(did you mean \"holidays\"\\?\\) \\[unknown-key\\]")

add_test(NAME cli.check.directory_as_file COMMAND ${YEKUO_BIN} check "${YEKUO_FIXTURE_DIR}/calendar/")
set_tests_properties(cli.check.directory_as_file PROPERTIES WILL_FAIL TRUE)

# The JSON Schemas for editors parse as JSON.
foreach(schema project calendar)
  add_test(NAME schema.${schema}_json COMMAND ${CMAKE_COMMAND}
    -DFILE=${PROJECT_SOURCE_DIR}/schemas/${schema}.schema.json -P "${CMAKE_CURRENT_SOURCE_DIR}/cli/scripts/json_valid.cmake")
endforeach()
