#pragma once
// The organization file's [[department]] tables (department capacity): internal to the io layer.
#include "toml_values.hpp"

#include <yekuo/model/capacity.hpp>

namespace yekuo::io::detail {

// Reads the `department` array of tables; errors (file:line:col) go to the reader's diagnostics.
[[nodiscard]] model::Capacities read_department_tables(Reader& r, const toml::node& n);

} // namespace yekuo::io::detail
