#pragma once
// What the commands that read project files share: the organization calendar option and
// printing diagnostics with the offending source line.
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/io/calendar_config.hpp>
#include <yekuo/io/discover.hpp>
#include <yekuo/util/diagnostic.hpp>
#include <yekuo/util/source_excerpt.hpp>

#include <CLI/CLI.hpp>
#include <string>

namespace yekuo::cli {

// --org FILE, or --calendar FILE (its first name); falls back to $YEKUO_ORG, then $YEKUO_CALENDAR.
void add_calendar_option(CLI::App* app, std::string& path);
// The organization file to read: `path`, else $YEKUO_ORG, else $YEKUO_CALENDAR ("" when none).
[[nodiscard]] std::string org_settings_path(const std::string& path);

// The organization's overrides from FILE (or org_settings_path's fallbacks when `path` is empty); none when
// neither is given. Prints the file's diagnostics and throws InputError when it is invalid.
[[nodiscard]] calendar::CalendarOverrides load_org_calendar(const std::string& path);
// The whole organization file (org_settings_path): calendar, escalation thresholds, capacities.
[[nodiscard]] io::OrgSettings load_org_settings(const std::string& path);

// The project files of the FILE|DIR arguments of evaluate, remind, assess and publish. Baseline
// files among them (a shell glob names them) are read with their orders; one that cannot be
// (its order is not among the inputs, or it has none) is skipped with a warning on stderr.
[[nodiscard]] io::DiscoveredInputs discover_orders(const std::vector<std::string>& paths);

// Every diagnostic to stderr, each followed by its source line and a caret (each file is read
// once, only when one of its diagnostics has a line).
void print_with_source(const Diagnostics& diags);
// The same for the diagnostics of one file whose text is at hand.
void print_with_source(const Diagnostics& diags, const SourceText& source);
// The same, quoting `file` from `source` (a text not on disk, such as a file with a record added)
// and any other file from disk.
void print_with_source(const Diagnostics& diags, const std::string& file, const SourceText& source);

} // namespace yekuo::cli
