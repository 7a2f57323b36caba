#pragma once
// Collected messages with stable codes and source positions (file:line:col).
// The loader and validator report into a Diagnostics sink passed as an argument,
// so one run can list every problem of a file.
#include <string>
#include <vector>

namespace yekuo {

struct SourceLoc {
  std::string file;
  int line = 0;   // 1-based; 0 = unknown
  int column = 0; // 1-based; 0 = unknown
};

enum class Severity { error, warning, note };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string code;    // stable id, e.g. "unknown-stage"; documented in docs/diagnostics.md
  SourceLoc loc;
  std::string message; // what is wrong
  std::string hint;    // what to do (may be empty)
};

class Diagnostics {
public:
  void add(Diagnostic d) { m_items.push_back(std::move(d)); }
  void error(std::string code, SourceLoc loc, std::string message, std::string hint = {});
  void warning(std::string code, SourceLoc loc, std::string message, std::string hint = {});
  void note(std::string code, SourceLoc loc, std::string message, std::string hint = {});

  [[nodiscard]] bool has_errors() const;
  [[nodiscard]] std::size_t error_count() const;
  [[nodiscard]] const std::vector<Diagnostic>& items() const { return m_items; }
  [[nodiscard]] bool empty() const { return m_items.empty(); }
  void append(const Diagnostics& other);

private:
  std::vector<Diagnostic> m_items;
};

// "file:line:col: error: message [code]" followed by "  hint: ..." when there is a hint.
// Lines/columns of 0 are left out ("file: error: ...").
[[nodiscard]] std::string format_diagnostic(const Diagnostic& d);

[[nodiscard]] const char* severity_name(Severity s);

// How many different files the diagnostics are about (a bad file often has several errors).
[[nodiscard]] std::size_t count_files(const std::vector<Diagnostic>& diags);

} // namespace yekuo
