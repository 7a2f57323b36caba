# yekuo new through the real binary. Included by tests/CMakeLists.txt it adds the tests; run as
# `cmake -DYEKUO_BIN=... -DWORK=... -P new.cmake` it is the scenario script of cli.new.files.
if(NOT CMAKE_SCRIPT_MODE_FILE)
  add_test(NAME cli.new.list COMMAND ${YEKUO_BIN} new --list)
  set_tests_properties(cli.new.list PROPERTIES PASS_REGULAR_EXPRESSION "10kv .*10kv-ordinary .*110kv .*受理后 190 个工作日")
  add_test(NAME cli.new.list_en COMMAND ${YEKUO_BIN} new --list --lang en)
  set_tests_properties(cli.new.list_en PROPERTIES PASS_REGULAR_EXPRESSION "110kv +110 kV with grid-side works")
  add_test(NAME cli.new.unknown_template COMMAND ${YEKUO_BIN} new unused.toml --template 220kv)
  set_tests_properties(cli.new.unknown_template PROPERTIES WILL_FAIL TRUE)
  add_test(NAME cli.new.files
           COMMAND ${CMAKE_COMMAND} -DYEKUO_BIN=${YEKUO_BIN} -DWORK=${CMAKE_CURRENT_BINARY_DIR}/cli-new
                   -P ${CMAKE_CURRENT_LIST_FILE})
  return()
endif()

# ---- script mode
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(f "${WORK}/WX-T-1.toml")

# Runs yekuo with the given arguments and checks its exit code.
function(yekuo expected_rc)
  execute_process(COMMAND "${YEKUO_BIN}" ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL expected_rc)
    message(FATAL_ERROR "yekuo ${ARGN}: exit ${rc}, expected ${expected_rc}\nstdout: ${out}\nstderr: ${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
  set(err "${err}" PARENT_SCOPE)
endfunction()

function(expect_in file text)
  file(READ "${file}" content)
  string(FIND "${content}" "${text}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${file} does not contain: ${text}\n---\n${content}")
  endif()
endfunction()

# 1. A new 110 kV order; the target defaults to 190 working days after acceptance. 2010-01-11 +
#    185 working days = Mon 2010-10-11 (reference §2.3), +5 more with no holiday = Mon 2010-10-18.
yekuo(0 new "${f}" --template 110kv --applied 2010-01-11 --customer "某电子有限公司" --manager "王工")
if(NOT out MATCHES "22 个环节" OR NOT out MATCHES "yekuo plan .*WX-T-1.toml")
  message(FATAL_ERROR "unexpected summary: ${out}")
endif()
expect_in("${f}" "id = \"WX-T-1\"\n")
expect_in("${f}" "name = \"某电子有限公司110千伏新装\"\n")
expect_in("${f}" "customer_manager = \"王工\"\n")
expect_in("${f}" "applied = 2010-01-11 ")
expect_in("${f}" "target = 2010-10-18 ")
expect_in("${f}" "capacity_kva = 48000\n")

# 2. The file exists: refused with exit 2, and it is left as it was.
file(READ "${f}" before)
yekuo(2 new "${f}" --template 10kv --customer "另一个客户")
if(NOT err MATCHES "already exists.*--force")
  message(FATAL_ERROR "unexpected refusal message: ${err}")
endif()
file(READ "${f}" after)
if(NOT before STREQUAL after)
  message(FATAL_ERROR "${f} changed although new refused to overwrite it")
endif()

# 3. --force replaces it (atomically: no temporary file is left behind).
yekuo(0 new "${f}" --template 10kv --force --id "HZ-1" --customer "另一个客户" --applied 2026-03-11
      --target 2026-07-15 --capacity 5000 --voltage 20 --lang en)
if(NOT out MATCHES "11 stages, applied 2026-03-11, target 2026-07-15\n")
  message(FATAL_ERROR "unexpected summary: ${out}")
endif()
expect_in("${f}" "id = \"HZ-1\"\n")
expect_in("${f}" "name = \"另一个客户20千伏新装\"\n")
expect_in("${f}" "voltage_kv = 20\n")
expect_in("${f}" "capacity_kva = 5000\n")
file(GLOB left "${WORK}/*")
list(LENGTH left n)
if(NOT n EQUAL 1)
  message(FATAL_ERROR "expected only ${f} in ${WORK}, found: ${left}")
endif()

# 4. Quotes, backslashes and newlines in a name stay inside the TOML string.
yekuo(0 new "${WORK}/hostile.toml" --template 10kv-ordinary --applied 2026-03-11
      --name "a\"b\\c\nevil = 1" --manager "x\\")
expect_in("${WORK}/hostile.toml" "name = \"a\\\"b\\\\c\\nevil = 1\"\n")
expect_in("${WORK}/hostile.toml" "customer_manager = \"x\\\\\"\n")
file(STRINGS "${WORK}/hostile.toml" evil REGEX "^evil")
if(evil)
  message(FATAL_ERROR "a value escaped its string: ${evil}")
endif()

# 5. Bad invocations are exit 2 and write nothing.
yekuo(2 new "${WORK}/b1.toml" --template 10kv --capacity many)
yekuo(2 new "${WORK}/b2.toml" --template 10kv --applied 2010-05-31 --target 2010-01-11)
yekuo(2 new "${WORK}/b3.toml")
yekuo(2 new "${WORK}/b4.toml" --template 10kv --applied 2010-02-30)
yekuo(2 new "${WORK}/no-such-dir/b5.toml" --template 10kv)
yekuo(2 new "${WORK}" --template 10kv)
foreach(b b1 b2 b3 b4)
  if(EXISTS "${WORK}/${b}.toml")
    message(FATAL_ERROR "${b}.toml was written by a failing invocation")
  endif()
endforeach()
message(STATUS "cli.new.files: all checks passed")
