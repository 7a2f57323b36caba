#pragma once
// Project file -> model::Project, with every problem of the file collected as a Diagnostic
// (file:line:col, a stable code from docs/diagnostics.md, a hint). This header does not pull
// in toml++; the toml-level pieces are in toml_loader.hpp.
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/model/project.hpp>
#include <yekuo/util/diagnostic.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace yekuo::io {

struct RawDoc;

struct LoadOptions {
  // The organization's calendar overrides (`--calendar FILE`). Only its `years` matter while
  // loading: a date in a year they cover gets no provisional-calendar warning.
  calendar::CalendarOverrides org_calendar;
};

// A project file and its text, kept so that diagnostics can quote the source line.
struct LoadedProject {
  std::optional<model::Project> project; // nullopt when there is any error
  std::string text;                      // the file's bytes as read (empty if unreadable)
};

// Reads, parses and validates one file. Errors and warnings go to `diags` (sorted by position);
// the project is returned only when there is no error. Never throws for bad input.
[[nodiscard]] LoadedProject load_project_file(const std::string& path, Diagnostics& diags,
                                              const LoadOptions& options = {});

// The same without keeping the text.
[[nodiscard]] std::optional<model::Project> load_project(const std::string& path, Diagnostics& diags,
                                                         const LoadOptions& options = {});

// The same for text already in memory; `path` is used in diagnostics and Project::file.
[[nodiscard]] std::optional<model::Project> load_project_text(std::string_view text, const std::string& path,
                                                              Diagnostics& diags, const LoadOptions& options = {});

// Validates a parsed document.
[[nodiscard]] std::optional<model::Project> validate_project(const RawDoc& doc, Diagnostics& diags,
                                                             const LoadOptions& options = {});

} // namespace yekuo::io
