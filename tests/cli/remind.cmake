# yekuo remind on examples/portfolio as of Thu 2026-06-18 (see evaluate.cmake for the hand-checked
# facts; its script mode also checks remind's exit codes and JSON).
add_test(NAME cli.remind.table COMMAND ${YEKUO_BIN} remind ${PROJECT_SOURCE_DIR}/examples/portfolio --as-of 2026-06-18)
# 发展策划部 first (SPEC order), then 基建部; the due-soon deadline is the Monday after the holiday.
set_tests_properties(cli.remind.table PROPERTIES PASS_REGULAR_EXPRESSION
  "发展策划部.*SZ-2026-0163 \\| 供电方案答复 \\| 2026-06-22 周一 \\| 即将到期.*基建部.*SZ-2026-0157 \\| 配套工程设计 \\| 2026-06-15 周一 \\| 已超期 \\| 超期 3 个工作日")
# On Fri 06-12 grid_design's deadline (Mon 06-15) is the next working day: due soon.
add_test(NAME cli.remind.weekend COMMAND ${YEKUO_BIN} remind ${PROJECT_SOURCE_DIR}/examples/portfolio/sz-2026-0157.toml --as-of 2026-06-12 --lang en)
set_tests_properties(cli.remind.weekend PROPERTIES PASS_REGULAR_EXPRESSION "SZ-2026-0157 \\| 配套工程设计 \\| 2026-06-15 Mon \\| due soon")
add_test(NAME cli.remind.nothing COMMAND ${YEKUO_BIN} remind ${PROJECT_SOURCE_DIR}/examples/portfolio/sz-2026-0142.toml --as-of 2026-06-18 --lang en --fail-on-overdue)
set_tests_properties(cli.remind.nothing PROPERTIES PASS_REGULAR_EXPRESSION "Nothing to chase today")
