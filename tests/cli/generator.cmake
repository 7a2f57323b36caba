# The benchmark portfolio generator (benchmarks/, built with -DYEKUO_BUILD_BENCHMARKS=ON):
# the same seed writes the same files, a different seed different ones, every valid file it
# writes passes `yekuo check` and every file it breaks on purpose fails it with exit 2.
if(YEKUO_BUILD_BENCHMARKS)
  set(YEKUO_GEN_BIN $<TARGET_FILE:yekuo_gen_portfolio>)
  set(YEKUO_GEN_SCRIPT "${PROJECT_SOURCE_DIR}/benchmarks/check_generator.cmake")
  add_test(NAME cli.generator.deterministic
           COMMAND ${CMAKE_COMMAND} -DGEN=${YEKUO_GEN_BIN} -DWORK=${CMAKE_CURRENT_BINARY_DIR}/generator-det
                   -DMODE=deterministic -P ${YEKUO_GEN_SCRIPT})
  add_test(NAME cli.generator.check
           COMMAND ${CMAKE_COMMAND} -DGEN=${YEKUO_GEN_BIN} -DYEKUO=${YEKUO_BIN}
                   -DWORK=${CMAKE_CURRENT_BINARY_DIR}/generator-check -DMODE=check -P ${YEKUO_GEN_SCRIPT})
endif()
