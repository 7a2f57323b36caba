#include <yekuo/util/diagnostic.hpp>

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace yekuo {

void Diagnostics::error(std::string code, SourceLoc loc, std::string message, std::string hint) {
  add({Severity::error, std::move(code), std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::warning(std::string code, SourceLoc loc, std::string message, std::string hint) {
  add({Severity::warning, std::move(code), std::move(loc), std::move(message), std::move(hint)});
}

void Diagnostics::note(std::string code, SourceLoc loc, std::string message, std::string hint) {
  add({Severity::note, std::move(code), std::move(loc), std::move(message), std::move(hint)});
}

bool Diagnostics::has_errors() const { return error_count() > 0; }

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(std::count_if(m_items.begin(), m_items.end(), [](const Diagnostic& d) {
    return d.severity == Severity::error;
  }));
}

void Diagnostics::append(const Diagnostics& other) {
  m_items.insert(m_items.end(), other.m_items.begin(), other.m_items.end());
}

const char* severity_name(Severity s) {
  switch (s) {
  case Severity::error: return "error";
  case Severity::warning: return "warning";
  case Severity::note: return "note";
  }
  return "error";
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string where = d.loc.file.empty() ? std::string("<input>") : d.loc.file;
  if (d.loc.line > 0) {
    where += fmt::format(":{}", d.loc.line);
    if (d.loc.column > 0) where += fmt::format(":{}", d.loc.column);
  }
  std::string out = fmt::format("{}: {}: {}", where, severity_name(d.severity), d.message);
  if (!d.code.empty()) out += fmt::format(" [{}]", d.code);
  if (!d.hint.empty()) out += fmt::format("\n  hint: {}", d.hint);
  return out;
}

std::size_t count_files(const std::vector<Diagnostic>& diags) {
  std::set<std::string_view> files;
  for (const auto& d : diags) files.insert(d.loc.file);
  return files.size();
}

} // namespace yekuo
