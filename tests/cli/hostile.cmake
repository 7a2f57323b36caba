# Hostile and broken input, output escaping and failed writes through the real binary
# (scenarios in hostile_checks.py; docs/security.md). Big inputs are generated in the build tree.
if(YEKUO_SANITIZE OR YEKUO_FUZZ)
  set(YEKUO_HOSTILE_SANITIZED 1)
else()
  set(YEKUO_HOSTILE_SANITIZED 0)
endif()
foreach(scenario empty-and-garbage big-files deep-nesting many-stages cycle far-dates huge-numbers bad-utf8
                 unreadable symlinks special-files html-escape csv-neutralize write-failures single-writer)
  yekuo_python_test(cli.hostile.${scenario} "${CMAKE_CURRENT_SOURCE_DIR}/cli/hostile_checks.py"
                    ${YEKUO_BIN} "${PROJECT_SOURCE_DIR}" "${CMAKE_CURRENT_BINARY_DIR}/hostile-work" ${scenario}
                    ${YEKUO_HOSTILE_SANITIZED})
  set_tests_properties(cli.hostile.${scenario} PROPERTIES TIMEOUT 900 LABELS hostile)
endforeach()
# The big generated inputs use memory and disk: never two of them at once.
set_tests_properties(cli.hostile.big-files cli.hostile.many-stages PROPERTIES RESOURCE_LOCK yekuo_big_inputs)

# Small inputs that once crashed or misbehaved, with their expected diagnostics (# EXPECT: lines,
# checked by fixture_checks.py as in error_fixtures.cmake).
file(GLOB YEKUO_HOSTILE_FIXTURES CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/fixtures/hostile/*.toml")
foreach(fixture IN LISTS YEKUO_HOSTILE_FIXTURES)
  get_filename_component(fixture_name "${fixture}" NAME_WE)
  yekuo_python_test(cli.hostile.fixture.${fixture_name} "${CMAKE_CURRENT_SOURCE_DIR}/cli/fixture_checks.py"
                    ${YEKUO_BIN} "${fixture}")
endforeach()
# When no directory lets uid 65534 run a copy of the binary (all temporary directories noexec),
# the permission-denied half of `unreadable` cannot run: CTest shows it as skipped, never failed.
set_tests_properties(cli.hostile.unreadable PROPERTIES SKIP_REGULAR_EXPRESSION "SKIPPED the permission-denied path")

# The same scenarios from a checkout inside a directory `nobody` cannot enter (a 0700 directory,
# like /root): a test that switches users must bring what it needs, wherever the checkout is.
yekuo_python_test(cli.hostile.private-checkout "${CMAKE_CURRENT_SOURCE_DIR}/cli/private_checkout.py"
                  ${YEKUO_BIN} "${PROJECT_SOURCE_DIR}" "${CMAKE_CURRENT_BINARY_DIR}/private-checkout-work"
                  ${YEKUO_HOSTILE_SANITIZED})
set_tests_properties(cli.hostile.private-checkout PROPERTIES TIMEOUT 900 LABELS hostile
                     SKIP_REGULAR_EXPRESSION "SKIPPED: the permission-denied path")
