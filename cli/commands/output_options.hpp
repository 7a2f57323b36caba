#pragma once
// Options shared by the report commands: --format, --lang, --out; and how the text is emitted.
#include "context.hpp"

#include <yekuo/calendar/date.hpp>
#include <yekuo/render/format.hpp>
#include <yekuo/report/lang.hpp>
#include <yekuo/util/atomic_file.hpp>

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace yekuo::cli {

struct OutputOptions {
  render::Format format = render::Format::table;
  report::Lang lang = report::Lang::zh;
  std::string out; // empty = stdout
};

void add_output_options(CLI::App* app, OutputOptions& opts);

// Binds a YYYY-MM-DD option with a validator; the value is parsed once more by parse_date_option.
CLI::Option* add_date_option(CLI::App* app, const std::string& name, std::string& target, const std::string& help);
[[nodiscard]] calendar::Date parse_date_option(const std::string& text, const char* option_name);

// Writes the report to --out (atomically) or stdout.
void emit(const std::string& text, const OutputOptions& opts);

// A report written piece by piece as it is computed: to stdout as it comes, or to --out through
// a temporary file that replaces the target only at commit() (an error before leaves the
// previous file untouched).
class ReportOutput {
public:
  explicit ReportOutput(const OutputOptions& opts);
  void write(std::string_view text);
  void commit();

private:
  std::optional<AtomicFileWriter> m_file;
};

// Prints "yekuo: warning: ..." to stderr.
void warn(const std::string& message);

} // namespace yekuo::cli
