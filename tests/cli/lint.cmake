# Includes stay in the house order (.clang-format, scripts/include-order.py): every C++ file of the
# library, the CLI, the tests, the benchmarks and the fuzzers.
file(GLOB_RECURSE YEKUO_CXX_FILES CONFIGURE_DEPENDS
     "${PROJECT_SOURCE_DIR}/lib/*.cpp" "${PROJECT_SOURCE_DIR}/lib/*.hpp" "${PROJECT_SOURCE_DIR}/cli/*.cpp"
     "${PROJECT_SOURCE_DIR}/cli/*.hpp" "${PROJECT_SOURCE_DIR}/tests/*.cpp" "${PROJECT_SOURCE_DIR}/tests/*.hpp"
     "${PROJECT_SOURCE_DIR}/benchmarks/*.cpp" "${PROJECT_SOURCE_DIR}/fuzz/*.cpp" "${PROJECT_SOURCE_DIR}/fuzz/*.hpp")
yekuo_python_test(lint.include-order "${PROJECT_SOURCE_DIR}/scripts/include-order.py" --check ${YEKUO_CXX_FILES})
