# One test per fixture in tests/fixtures/errors and tests/fixtures/valid: the real binary runs
# `yekuo check` on it and tests/cli/fixture_checks.py compares the diagnostics with the fixture's
# `# EXPECT:` lines.
file(GLOB YEKUO_FIXTURES CONFIGURE_DEPENDS
  "${CMAKE_CURRENT_SOURCE_DIR}/fixtures/errors/*.toml"
  "${CMAKE_CURRENT_SOURCE_DIR}/fixtures/valid/*.toml")
foreach(fixture IN LISTS YEKUO_FIXTURES)
  get_filename_component(fixture_name "${fixture}" NAME_WE)
  get_filename_component(fixture_dir "${fixture}" DIRECTORY)
  get_filename_component(fixture_kind "${fixture_dir}" NAME)
  yekuo_python_test(cli.check.${fixture_kind}.${fixture_name} "${CMAKE_CURRENT_SOURCE_DIR}/cli/fixture_checks.py"
                    ${YEKUO_BIN} "${fixture}")
endforeach()
