#include <yekuo/io/discover.hpp>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fmt/format.h>
#include <system_error>
#include <unistd.h>

namespace yekuo::io {

namespace fs = std::filesystem;

bool is_baseline_file(const std::string& path) {
  const std::string suffix = ".baseline.toml";
  return path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
}

DiscoveredInputs discover_project_files(const std::vector<std::string>& args) {
  DiscoveredInputs out;
  for (const auto& arg : args) {
    std::error_code ec;
    const auto st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      out.problems.push_back(fmt::format("{}: {}", arg, ec && ec != std::errc::no_such_file_or_directory
                                                            ? ec.message()
                                                            : std::string("no such file or directory")));
      continue;
    }
    if (!fs::is_directory(st)) {
      out.files.push_back(arg);
      continue;
    }
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      out.problems.push_back(fmt::format("{}: cannot read directory: {}", arg, ec.message()));
      continue;
    }
    for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
      if (ec) {
        out.problems.push_back(fmt::format("{}: {}", arg, ec.message()));
        break;
      }
      const auto& entry = *it;
      const std::string name = entry.path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (entry.is_directory(ec)) it.disable_recursion_pending();
        continue;
      }
      std::error_code fec;
      if (entry.is_symlink(fec) && entry.is_directory(fec)) {
        it.disable_recursion_pending(); // never follow directory links: no loops
        continue;
      }
      if (entry.is_directory(fec) && ::access(entry.path().c_str(), R_OK | X_OK) != 0) {
        // skip_permission_denied would skip it silently: orders in it would go unchecked.
        out.problems.push_back(fmt::format("{}: cannot read directory: {}", entry.path().string(),
                                           std::generic_category().message(errno)));
        it.disable_recursion_pending();
        continue;
      }
      if (!entry.is_regular_file(fec)) {
        if (entry.is_symlink(fec) && !entry.exists(fec) && entry.path().extension() == ".toml")
          out.problems.push_back(fmt::format("{}: broken symbolic link", entry.path().string()));
        continue;
      }
      const std::string path = entry.path().string();
      if (entry.path().extension() != ".toml" || is_baseline_file(path)) continue;
      out.files.push_back(path);
    }
  }
  std::sort(out.files.begin(), out.files.end());
  out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
  return out;
}

} // namespace yekuo::io
