# yekuo publish (docs/publishing.md): the site through the real binary (tests/cli/publish_checks.py)
# and in a real browser (tests/browser/browser_checks.py, Debian's chromium, headless). The browser
# tests exit 77 (skipped) only when chromium is not installed; .ci/run installs it.
yekuo_scenario_tests(cli.publish publish_checks.py site bad-file replace refuse names english)

foreach(scenario plan index evaluation assessment orders escaping links)
  yekuo_python_test(browser.${scenario} "${CMAKE_CURRENT_SOURCE_DIR}/browser/browser_checks.py"
                    ${YEKUO_BIN} "${PROJECT_SOURCE_DIR}" "${CMAKE_CURRENT_BINARY_DIR}/browser-work" ${scenario})
  # Chromium is heavy: one browser test at a time even under ctest -j, each bounded.
  set_tests_properties(browser.${scenario} PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 900 RESOURCE_LOCK chromium
                                                      LABELS browser)
endforeach()
