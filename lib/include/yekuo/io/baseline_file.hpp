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

// The whole file, all revisions, as TOML.
[[nodiscard]] std::string serialize_baseline(const model::Baseline& baseline);

} // namespace yekuo::io
