# yekuo plan through the real binary (scenarios in plan_checks.py).
find_package(Python3 COMPONENTS Interpreter REQUIRED)
foreach(scenario reference-json infeasible formats confirm bad-input provisional)
  add_test(NAME cli.plan.${scenario}
           COMMAND Python3::Interpreter "${CMAKE_CURRENT_SOURCE_DIR}/cli/plan_checks.py"
                   ${YEKUO_BIN} "${PROJECT_SOURCE_DIR}" "${CMAKE_CURRENT_BINARY_DIR}/plan-work" ${scenario})
endforeach()
