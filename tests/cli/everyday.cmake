# Everyday use (issue 13) through the real binary: `CMD orders/*.toml` with the baselines the glob
# names, for every portfolio command; a baseline of another order; the organization calendar on
# every command that shows dates; what changed since the confirmation; the 35 kV template; texts.
# Scenarios in everyday_checks.py.
find_package(Python3 COMPONENTS Interpreter REQUIRED)
foreach(scenario glob-check glob-evaluate glob-remind glob-assess glob-publish baseline-mismatch baseline-skipped
                 calendar-option calendar-changed templates texts assess-report)
  add_test(NAME cli.everyday.${scenario}
           COMMAND Python3::Interpreter "${CMAKE_CURRENT_SOURCE_DIR}/cli/everyday_checks.py"
                   ${YEKUO_BIN} "${PROJECT_SOURCE_DIR}" "${CMAKE_CURRENT_BINARY_DIR}/everyday-work" ${scenario})
endforeach()
