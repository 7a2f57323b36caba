# Fails when FILE is not valid JSON or lacks a draft-07 "$schema" (cmake -DFILE=... -P json_valid.cmake).
file(READ "${FILE}" text)
string(JSON draft ERROR_VARIABLE err GET "${text}" "$schema")
if(err OR NOT draft STREQUAL "http://json-schema.org/draft-07/schema#")
  message(FATAL_ERROR "${FILE}: not a draft-07 JSON Schema: ${err}")
endif()
