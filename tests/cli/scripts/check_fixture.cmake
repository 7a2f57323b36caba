# Runs `yekuo check FIXTURE` with the real binary and compares the diagnostics with the
# fixture's own expectations (TaskJuggler MARK style):
#   # EXPECT: error LINE:COL CODE      one diagnostic "FIXTURE:LINE:COL: error: ... [CODE]"
#   # EXPECT: warning LINE:COL CODE    the same for a warning
#   # EXPECT-TEXT: some text           the output contains this text
# Every expected diagnostic must be reported (in one run) and no unexpected error may appear.
# Exit code: 2 when an error is expected, 0 otherwise.
#
# cmake -DYEKUO_BIN=... -DFIXTURE=... [-DCALENDAR=...] -P check_fixture.cmake
cmake_minimum_required(VERSION 3.25)
foreach(var YEKUO_BIN FIXTURE)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "${var} is not set")
  endif()
endforeach()

get_filename_component(dir "${FIXTURE}" DIRECTORY)
get_filename_component(name "${FIXTURE}" NAME)
set(args check "${name}")
if(DEFINED CALENDAR)
  list(APPEND args --calendar "${CALENDAR}")
endif()
# Run from the fixture's directory so that the printed path is just the file name.
execute_process(COMMAND "${YEKUO_BIN}" ${args}
  WORKING_DIRECTORY "${dir}"
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(all "${out}${err}")

# Expectations. file(STRINGS) also works on fixtures that hold binary garbage.
file(STRINGS "${FIXTURE}" expect_lines REGEX "^# EXPECT: ")
file(STRINGS "${FIXTURE}" text_lines REGEX "^# EXPECT-TEXT: ")

# Diagnostic header lines of this file, with ';' and brackets masked so that they survive
# as list elements (an unbalanced '[' would glue list elements together).
string(REPLACE ";" "<semicolon>" masked "${all}")
string(REPLACE "[" "<lb>" masked "${masked}")
string(REPLACE "]" "<rb>" masked "${masked}")
string(REPLACE "\n" ";" output_lines "${masked}")
set(diag_lines "")
foreach(line IN LISTS output_lines)
  if(line MATCHES "^[^ ]+:[0-9]+:[0-9]+: (error|warning): .*<lb>[a-z0-9-]+<rb>$")
    list(APPEND diag_lines "${line}")
  endif()
endforeach()

set(failures "")
set(expected_errors 0)
foreach(e IN LISTS expect_lines)
  if(NOT e MATCHES "^# EXPECT: (error|warning) ([0-9]+):([0-9]+) ([a-z0-9-]+)$")
    string(APPEND failures "  malformed expectation: ${e}\n")
    continue()
  endif()
  set(sev "${CMAKE_MATCH_1}")
  set(prefix "${name}:${CMAKE_MATCH_2}:${CMAKE_MATCH_3}: ${sev}: ")
  set(suffix "<lb>${CMAKE_MATCH_4}<rb>")
  if(sev STREQUAL "error")
    math(EXPR expected_errors "${expected_errors} + 1")
  endif()
  # Each expectation consumes one matching diagnostic.
  set(found -1)
  set(i 0)
  foreach(d IN LISTS diag_lines)
    string(FIND "${d}" "${prefix}" p)
    string(FIND "${d}" "${suffix}" s REVERSE)
    if(p EQUAL 0 AND s GREATER 0)
      set(found ${i})
      break()
    endif()
    math(EXPR i "${i} + 1")
  endforeach()
  if(found EQUAL -1)
    string(APPEND failures "  missing: ${prefix}... [${CMAKE_MATCH_4}]\n")
  else()
    list(REMOVE_AT diag_lines ${found})
  endif()
endforeach()

foreach(d IN LISTS diag_lines)
  if(d MATCHES ": error: ")
    string(REPLACE "<semicolon>" ";" d "${d}")
    string(REPLACE "<lb>" "[" d "${d}")
    string(REPLACE "<rb>" "]" d "${d}")
    string(APPEND failures "  unexpected: ${d}\n")
  endif()
endforeach()

foreach(t IN LISTS text_lines)
  string(REGEX REPLACE "^# EXPECT-TEXT: " "" t "${t}")
  string(FIND "${all}" "${t}" p)
  if(p EQUAL -1)
    string(APPEND failures "  text not found: ${t}\n")
  endif()
endforeach()

if(expected_errors GREATER 0)
  set(want_rc 2)
else()
  set(want_rc 0)
endif()
if(NOT rc EQUAL want_rc)
  string(APPEND failures "  exit code ${rc}, expected ${want_rc}\n")
endif()
if(NOT expect_lines AND NOT text_lines)
  string(APPEND failures "  the fixture has no # EXPECT: or # EXPECT-TEXT: line\n")
endif()

if(failures)
  message(FATAL_ERROR "${FIXTURE}:\n${failures}--- output ---\n${all}")
endif()
