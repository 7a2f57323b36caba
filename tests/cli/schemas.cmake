# The JSON contracts (SPEC §4) checked against schemas/*.schema.json with Debian's
# python3-jsonschema (scripts/install-deps.sh installs it), through the real binary on the
# shipped examples; and every shipped project file and template against project.schema.json.
# Debian's interpreter (yekuo_python_test) on purpose: the package is installed for it.
set(_schemas "${PROJECT_SOURCE_DIR}/schemas")
set(_check "${CMAKE_CURRENT_SOURCE_DIR}/cli/scripts/schema_check.py")
set(_ex "${PROJECT_SOURCE_DIR}/examples")

function(yekuo_schema_test name schema rc)
  yekuo_python_test(schema.output.${name} ${_check} output "${_schemas}/${schema}.schema.json" ${rc} -- ${YEKUO_BIN} ${ARGN})
endfunction()

yekuo_schema_test(plan_reference plan 0 plan "${_ex}/110kv-reference-2010.toml" --format json)
yekuo_schema_test(plan_10kv plan 0 plan "${_ex}/10kv-basic-2026.toml" --format json)
yekuo_schema_test(plan_key_project plan 0 plan "${_ex}/10kv-key-project-2025.toml" --format json)
yekuo_schema_test(plan_infeasible plan 3 plan "${_ex}/110kv-reference-2010.toml" --target 2010-03-01 --format json)
yekuo_schema_test(plan_portfolio plan 0 plan "${_ex}/capacity/orders/cap-2026-0407.toml" --portfolio "${_ex}/capacity/orders"
                  --org "${_ex}/capacity/org.toml" --as-of 2026-04-13 --format json)
yekuo_schema_test(evaluate_portfolio evaluate 0 evaluate "${_ex}/portfolio" --as-of 2026-06-18 --format json)
yekuo_schema_test(evaluate_assessed evaluate 0 evaluate "${_ex}/assessed" --as-of 2025-12-01 --format json)
yekuo_schema_test(remind_portfolio remind 0 remind "${_ex}/portfolio" --as-of 2026-06-18 --format json)
yekuo_schema_test(assess_assessed assess 0 assess "${_ex}/assessed" --as-of 2026-06-30 --format json)

file(GLOB _project_files "${_ex}/*.toml" "${_ex}/portfolio/*.toml" "${_ex}/assessed/*.toml" "${_ex}/capacity/orders/*.toml")
list(FILTER _project_files EXCLUDE REGEX "\\.baseline\\.toml$")
yekuo_python_test(schema.project_files ${_check} toml "${_schemas}/project.schema.json" ${_project_files})
yekuo_python_test(schema.new_files ${_check} new "${_schemas}/project.schema.json" ${YEKUO_BIN}
                  "${CMAKE_CURRENT_BINARY_DIR}/schema-new" 10kv 10kv-ordinary 110kv)

# The JSON Schemas editors load are JSON and well-formed draft-07 schemas.
foreach(schema project calendar)
  yekuo_python_test(schema.${schema}_json ${_check} schema "${_schemas}/${schema}.schema.json")
endforeach()

# `yekuo load` with the example organization file (docs/capacity.md).
yekuo_schema_test(load_portfolio load 0 load "${_ex}/portfolio" --as-of 2026-05-11 --org "${PROJECT_SOURCE_DIR}/tests/fixtures/capacity/org.toml" --format json)
yekuo_schema_test(evaluate_capacity evaluate 0 evaluate "${_ex}/capacity/orders" --as-of 2026-06-15 --org "${_ex}/capacity/org.toml" --format json)
