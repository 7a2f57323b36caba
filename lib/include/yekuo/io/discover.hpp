#pragma once
// Expands the FILE|DIR arguments of check/evaluate/remind/assess into project files.
#include <string>
#include <vector>

namespace yekuo::io {

struct DiscoveredInputs {
  std::vector<std::string> files;    // project files, sorted, without duplicates
  std::vector<std::string> problems; // "path: why" for arguments or entries that could not be read
};

// A file argument is taken as it is (whatever its extension). A directory is searched
// recursively for "*.toml" files, skipping "*.baseline.toml" and hidden entries; symbolic
// links to directories are not followed (no loops), unreadable entries are reported.
[[nodiscard]] DiscoveredInputs discover_project_files(const std::vector<std::string>& args);

[[nodiscard]] bool is_baseline_file(const std::string& path);

} // namespace yekuo::io
