#include <yekuo/io/discover.hpp>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <string_view>
#include <system_error>
#include <unistd.h>

namespace yekuo::io {

namespace fs = std::filesystem;

namespace {

// Enough for the header comment, `schema` and `project` of any baseline the tool writes.
constexpr std::size_t k_sniff_bytes = 4096;

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The table header of a line ("project", "[stage]" for [[stage]]), or nullopt when it is none.
std::optional<std::string> header_of(std::string_view line) {
  if (line.empty() || line.front() != '[') return std::nullopt;
  const bool array = line.size() > 1 && line[1] == '[';
  line.remove_prefix(array ? 2 : 1);
  const auto close = line.find(']');
  const std::string name(trim(line.substr(0, close)));
  return array ? "[" + name + "]" : name;
}

NamedBaseline named_baseline(const std::string& path, std::string project_id) {
  NamedBaseline b;
  b.path = path;
  b.project_id = std::move(project_id);
  if (is_baseline_file(path)) {
    b.order = path.substr(0, path.size() - std::string_view(".baseline.toml").size()) + ".toml";
    std::error_code ec;
    b.order_exists = fs::is_regular_file(b.order, ec);
  }
  return b;
}

} // namespace

bool is_baseline_file(const std::string& path) {
  const std::string suffix = ".baseline.toml";
  return path.size() >= suffix.size() && path.compare(path.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::optional<std::string> sniff_baseline(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return std::nullopt; // never open a FIFO or a device here
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string head(k_sniff_bytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  // A baseline has `project = "ID"` (or 'ID', as toml++ writes it) at the top level and then
  // [[revision]] tables; a project file has a [project] table (a mistaken `project = "X"` in one is
  // still followed by [[stage]], so it stays a project file for the loader to report). Only whole
  // lines of the beginning are looked at.
  std::optional<std::string> id;
  std::size_t pos = 0;
  while (pos < head.size()) {
    const auto eol = head.find('\n', pos);
    if (eol == std::string::npos && head.size() == k_sniff_bytes) break; // a line cut by the read limit
    const std::string_view line = trim(std::string_view(head).substr(pos, eol == std::string::npos ? eol : eol - pos));
    pos = eol == std::string::npos ? head.size() : eol + 1;
    if (line.empty() || line.front() == '#') continue;
    if (const auto h = header_of(line)) // the first table: a baseline's is [[revision]]
      return *h == "[revision]" && id ? id : std::nullopt;
    const auto eq = line.find('=');
    if (eq == std::string_view::npos || trim(line.substr(0, eq)) != "project") continue;
    const auto value = trim(line.substr(eq + 1));
    if (value.size() < 2 || (value.front() != '"' && value.front() != '\'')) return std::nullopt; // a basic or literal string
    const auto close = value.find(value.front(), 1);
    id = std::string(value.substr(1, close == std::string_view::npos ? std::string_view::npos : close - 1));
  }
  return std::nullopt; // no table in the beginning: not recognisably a baseline
}

bool sniff_org_settings(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return false;
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  // Line by line until the answer is known: an order says so at its first table ([project] or
  // [[stage]]), a settings file only at its end (it may have a long [calendar] before anything
  // else, and an order may have its [calendar] before [project]). A file that is still undecided
  // after k_org_sniff_limit bytes is left to the loader as an order.
  constexpr std::size_t k_org_sniff_limit = std::size_t{4} << 20;
  bool first_table = true;
  bool settings = false;
  std::size_t read = 0;
  std::string raw;
  while (std::getline(in, raw)) {
    read += raw.size() + 1;
    if (read > k_org_sniff_limit) return false;
    const std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') continue;
    if (const auto h = header_of(line)) {
      if (*h == "project" || *h == "[stage]") return false;
      if (first_table) settings = *h == "calendar" || *h == "escalation" || *h == "[department]";
      first_table = false;
      if (!settings) return false;
      continue;
    }
    if (first_table) {
      const auto eq = line.find('=');
      if (eq == std::string_view::npos || trim(line.substr(0, eq)) != "schema") return false; // a top-level key
    }
  }
  return settings;
}

std::optional<std::string> skipped_baseline_note(const NamedBaseline& b) {
  if (b.order_named) return std::nullopt;
  const std::string whose = b.project_id.empty() ? std::string() : fmt::format(" of order '{}'", b.project_id);
  if (b.order.empty())
    return fmt::format("{}: a baseline file (the confirmed plan{}), not an order: skipped; a baseline is read only as "
                       "NAME.baseline.toml next to its order NAME.toml",
                       b.path, whose);
  if (!b.order_exists)
    return fmt::format("{}: a baseline file{} whose order {} does not exist: skipped", b.path, whose, b.order);
  return fmt::format("{}: the baseline of {}, which is not among the inputs: skipped (name the order file)", b.path,
                     b.order);
}

namespace {

void unusable(DiscoveredInputs& out, const std::string& path, std::string why) {
  out.problems.error(std::string(k_unusable_input), SourceLoc{path, 0, 0}, std::move(why),
                     "check the path and its permissions");
}

} // namespace

DiscoveredInputs discover_project_files(const std::vector<std::string>& args) {
  DiscoveredInputs out;
  for (const auto& arg : args) {
    std::error_code ec;
    const auto st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      unusable(out, arg, ec && ec != std::errc::no_such_file_or_directory ? ec.message()
                                                                         : std::string("no such file or directory"));
      continue;
    }
    if (!fs::is_directory(st)) {
      if (!is_baseline_file(arg) && sniff_org_settings(arg))
        out.settings.push_back(arg);
      else if (is_baseline_file(arg))
        out.baselines.push_back(named_baseline(arg, sniff_baseline(arg).value_or("")));
      else if (auto id = sniff_baseline(arg))
        out.baselines.push_back(named_baseline(arg, std::move(*id)));
      else
        out.files.push_back(arg);
      continue;
    }
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
      unusable(out, arg, "cannot read directory: " + ec.message());
      continue;
    }
    for (const fs::recursive_directory_iterator end; it != end; it.increment(ec)) {
      if (ec) {
        unusable(out, arg, ec.message());
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
        unusable(out, entry.path().string(), "cannot read directory: " + std::generic_category().message(errno));
        it.disable_recursion_pending();
        continue;
      }
      if (!entry.is_regular_file(fec)) {
        if (entry.is_symlink(fec) && !entry.exists(fec) && entry.path().extension() == ".toml")
          unusable(out, entry.path().string(), "broken symbolic link");
        continue;
      }
      const std::string path = entry.path().string();
      if (entry.path().extension() != ".toml" || is_baseline_file(path)) continue; // read with its order
      if (auto id = sniff_baseline(path))
        out.baselines.push_back(named_baseline(path, std::move(*id))); // a baseline under another name
      else if (sniff_org_settings(path))
        out.settings.push_back(path); // an organization file kept with the orders
      else
        out.files.push_back(path);
    }
  }
  std::sort(out.files.begin(), out.files.end());
  out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
  std::sort(out.settings.begin(), out.settings.end());
  out.settings.erase(std::unique(out.settings.begin(), out.settings.end()), out.settings.end());
  const auto by_path = [](const NamedBaseline& a, const NamedBaseline& b) { return a.path < b.path; };
  std::sort(out.baselines.begin(), out.baselines.end(), by_path);
  out.baselines.erase(std::unique(out.baselines.begin(), out.baselines.end(),
                                  [](const NamedBaseline& a, const NamedBaseline& b) { return a.path == b.path; }),
                      out.baselines.end());
  std::vector<std::string> normal;
  for (const auto& f : out.files) normal.push_back(fs::path(f).lexically_normal().string());
  std::sort(normal.begin(), normal.end());
  for (auto& b : out.baselines)
    b.order_named = !b.order.empty() &&
                    std::binary_search(normal.begin(), normal.end(), fs::path(b.order).lexically_normal().string());
  return out;
}

} // namespace yekuo::io
