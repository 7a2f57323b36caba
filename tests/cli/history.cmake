# --as-of reproduces a past week and re-confirmation cannot erase an overrun (docs/tracking.md,
# docs/baseline.md), and remind warns of provisional years, through the real binary
# (tests/cli/history_checks.py).
find_package(Python3 COMPONENTS Interpreter REQUIRED)
foreach(scenario past-week reconfirm provisional)
  add_test(NAME cli.history.${scenario}
           COMMAND Python3::Interpreter "${CMAKE_CURRENT_SOURCE_DIR}/cli/history_checks.py"
                   ${YEKUO_BIN} "${PROJECT_SOURCE_DIR}" "${CMAKE_CURRENT_BINARY_DIR}/history-work" ${scenario})
endforeach()
