#pragma once
// Expands the FILE|DIR arguments of check/evaluate/remind/assess/publish into project files.
// An organization settings file among them (found in a directory or named) is kept apart too.
//
// Baseline files (NAME.baseline.toml, docs/baseline.md) are not orders: a shell glob such as
// `orders/*.toml` names them next to their orders. Each is recognised by its name, or by its
// content (a top-level `project = "ID"` key followed by [[revision]] tables: a baseline under
// another name), and kept apart from the project files. A baseline is always read with its own
// order (io::load_order_baseline), so a named one adds nothing to evaluate and is never counted
// twice; `check` validates it as a baseline.
#include <yekuo/util/diagnostic.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yekuo::io {

// The one code for a file or path a portfolio command cannot use: missing, unreadable, a broken
// link, or an order that cannot be placed on the calendar (docs/diagnostics.md).
inline constexpr std::string_view k_unusable_input = "unusable-input";

// A baseline file named as an argument (or found in a directory under a name other than
// NAME.baseline.toml).
struct NamedBaseline {
  std::string path;
  std::string order;        // the order file it belongs to by name (NAME.toml next to it); empty when misnamed
  bool order_exists = false;
  bool order_named = false; // the order is among the project files (it reads this baseline itself)
  std::string project_id;   // the `project` key as read while recognising it ("" if not seen)
};

struct DiscoveredInputs {
  std::vector<std::string> files;         // project files, sorted, without duplicates
  std::vector<NamedBaseline> baselines;   // sorted by path, without duplicates
  // Organization settings files (sniff_org_settings: the `--org FILE` of docs/capacity.md kept next
  // to the orders, e.g. examples/capacity/org.toml): not orders. Sorted, without duplicates.
  std::vector<std::string> settings;
  Diagnostics problems;                   // arguments or entries that cannot be used (k_unusable_input)
};

// A file argument is taken as it is (whatever its extension), unless it is a baseline (by name or
// content). A directory is searched recursively for "*.toml" files, skipping "*.baseline.toml"
// (read with their orders) and hidden entries; symbolic links to directories are not followed
// (no loops), unreadable entries are reported.
[[nodiscard]] DiscoveredInputs discover_project_files(const std::vector<std::string>& args);

// True for "….baseline.toml".
[[nodiscard]] bool is_baseline_file(const std::string& path);

// Reads the beginning of a regular file (at most a few KiB) and says whether it is a baseline by
// its content; returns its `project` id ("" when the key is not in that beginning). nullopt for a
// project file, an unreadable or special file (those are left to the loader to report).
[[nodiscard]] std::optional<std::string> sniff_baseline(const std::string& path);

// True when a regular file reads as an organization settings file (io/calendar_config.hpp): its first
// table is [calendar], [escalation] or [[department]], no top-level key but `schema` comes before it,
// and no [project] or [[stage]] table follows (a project file may carry a [calendar] table too, but
// never without those). Read line by line until that is known, at most 4 MiB (then: not one).
[[nodiscard]] bool sniff_org_settings(const std::string& path);

// What the portfolio commands (evaluate, remind, assess, publish) say about a named baseline they
// skip, or nullopt when it is simply read with its order: "path: why" (a warning, not an error).
[[nodiscard]] std::optional<std::string> skipped_baseline_note(const NamedBaseline& baseline);

} // namespace yekuo::io
