# Issue 15 (promised time limits, owners, portfolio figures, follow-up, the escalation ladder,
# rulings) through the real binary on real files (tests/cli/issue15_checks.py).
find_package(Python3 COMPONENTS Interpreter REQUIRED)
foreach(scenario finish-within owner summary follow-up inspection escalation ruling)
  add_test(NAME cli.issue15.${scenario}
           COMMAND Python3::Interpreter "${CMAKE_CURRENT_SOURCE_DIR}/cli/issue15_checks.py"
                   ${YEKUO_BIN} "${PROJECT_SOURCE_DIR}" "${CMAKE_CURRENT_BINARY_DIR}/issue15-work" ${scenario})
endforeach()
