// libFuzzer target: bytes -> io::load_project_text (TOML parse + validation), the diagnostics
// printed with their source excerpt as `yekuo check` does, and the same bytes read as an
// organization calendar file. Any input must give a result or diagnostics; an escaping
// exception, a trap or a sanitizer report is a bug.
#include "fuzz_common.hpp"

#include <yekuo/io/calendar_config.hpp>
#include <yekuo/io/validate.hpp>
#include <yekuo/util/diagnostic.hpp>
#include <yekuo/util/source_excerpt.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {
constexpr std::size_t k_max_input = fuzz::k_max_input;

void check_diagnostics(const yekuo::Diagnostics& diags, const yekuo::SourceText& source) {
  for (const auto& d : diags.items()) {
    if (d.loc.line < 0 || d.loc.column < 0 || d.message.empty() || d.code.empty()) __builtin_trap();
    (void)yekuo::format_diagnostic_with_source(d, source);
  }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > k_max_input) return -1; // rejected: not added to the corpus
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const yekuo::SourceText source{std::string(text)};

  yekuo::Diagnostics diags;
  const auto project = yekuo::io::load_project_text(text, "fuzz.toml", diags);
  // The loader's contract: a project exactly when there is no error.
  if (project.has_value() == diags.has_errors()) __builtin_trap();
  check_diagnostics(diags, source);

  yekuo::Diagnostics cal_diags;
  const auto overrides = yekuo::io::load_calendar_overrides_text(text, "fuzz-calendar.toml", cal_diags);
  if (overrides.has_value() == cal_diags.has_errors()) __builtin_trap();
  check_diagnostics(cal_diags, source);
  return 0;
}
