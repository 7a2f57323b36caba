# The portfolio pipeline and the one output path through the real binary: unusable inputs with one
# code in every portfolio command, --format/--lang the same everywhere (tests/cli/pipeline_checks.py).
yekuo_python_test(cli.pipeline "${CMAKE_CURRENT_SOURCE_DIR}/cli/pipeline_checks.py"
                  ${YEKUO_BIN} "${PROJECT_SOURCE_DIR}" "${CMAKE_CURRENT_BINARY_DIR}/pipeline-work")
