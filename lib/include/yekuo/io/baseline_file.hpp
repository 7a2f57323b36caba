#pragma once
// Reading and writing NAME.baseline.toml (docs/baseline.md).
#include <yekuo/model/baseline.hpp>
#include <yekuo/util/diagnostic.hpp>

#include <optional>
#include <string>

namespace yekuo::io {

// orders/wx.toml -> orders/wx.baseline.toml
[[nodiscard]] std::string baseline_path_for(const std::string& project_path);

enum class BaselineStatus { absent, loaded, invalid };

struct BaselineLoad {
  BaselineStatus status = BaselineStatus::absent;
  model::Baseline baseline; // valid when status == loaded
};

// Reads a baseline file. A missing file is `absent` (not an error); a malformed one is
// `invalid` with diagnostics (file:line:col).
[[nodiscard]] BaselineLoad load_baseline(const std::string& path, Diagnostics& diags);
[[nodiscard]] BaselineLoad parse_baseline(std::string_view text, const std::string& path, Diagnostics& diags);

// The baseline of the order file `order_path` whose id is `project_id` (NAME.baseline.toml next
// to it): absent, loaded, or invalid — a malformed file, or the baseline of another order
// (baseline-mismatch, at its `project` key). What plan, check and every tracking command read.
[[nodiscard]] BaselineLoad load_order_baseline(const std::string& order_path, std::string_view project_id,
                                               Diagnostics& diags);

// The error for a baseline whose `project` is not `project_id` (false, with baseline-mismatch at
// its `project` key), or true when it belongs to that order.
bool check_baseline_owner(const model::Baseline& baseline, std::string_view project_id, const std::string& order_path,
                          Diagnostics& diags);

// The `[project] id` of a project file, read without validating the rest; nullopt when the file
// cannot be read or parsed or has no such string.
[[nodiscard]] std::optional<std::string> peek_project_id(const std::string& order_path);

// The whole file, all revisions, as TOML.
[[nodiscard]] std::string serialize_baseline(const model::Baseline& baseline);

} // namespace yekuo::io
