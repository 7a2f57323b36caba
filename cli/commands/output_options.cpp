#include "output_options.hpp"

#include <yekuo/util/atomic_file.hpp>
#include <yekuo/util/error.hpp>

#include <cstdio>
#include <fmt/format.h>
#include <map>

namespace yekuo::cli {

void add_output_options(CLI::App* app, OutputOptions& opts) {
  const std::map<std::string, render::Format> formats{{"table", render::Format::table},
                                                      {"md", render::Format::markdown},
                                                      {"markdown", render::Format::markdown},
                                                      {"csv", render::Format::csv},
                                                      {"html", render::Format::html},
                                                      {"json", render::Format::json}};
  app->add_option("-f,--format", opts.format, "output format: table, md, csv, html, json")
      ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case))
      ->option_text("FORMAT");
  const std::map<std::string, report::Lang> langs{{"zh", report::Lang::zh}, {"en", report::Lang::en}};
  app->add_option("--lang", opts.lang, "label language: zh (default) or en")
      ->transform(CLI::CheckedTransformer(langs, CLI::ignore_case))
      ->option_text("zh|en");
  app->add_option("-o,--out", opts.out, "write to FILE (atomically) instead of standard output")
      ->option_text("FILE");
}

CLI::Option* add_date_option(CLI::App* app, const std::string& name, std::string& target, const std::string& help) {
  return app->add_option(name, target, help)
      ->check(CLI::Validator(
          [](std::string& s) -> std::string {
            return calendar::Date::parse_iso(s) ? std::string{} : "expected a date like 2010-01-11, got '" + s + "'";
          },
          "DATE"))
      ->option_text("DATE");
}

calendar::Date parse_date_option(const std::string& text, const char* option_name) {
  const auto d = calendar::Date::parse_iso(text);
  if (!d) throw InputError(fmt::format("{}: expected a date like 2010-01-11, got '{}'", option_name, text));
  return *d;
}

ReportOutput::ReportOutput(const OutputOptions& opts) {
  if (!opts.out.empty()) m_file.emplace(opts.out);
}

void ReportOutput::write(std::string_view text) {
  if (m_file) {
    m_file->write(text);
  } else {
    std::fwrite(text.data(), 1, text.size(), stdout);
  }
}

void ReportOutput::commit() {
  if (m_file) {
    m_file->commit();
  } else {
    std::fflush(stdout);
  }
}

void emit(const std::string& text, const OutputOptions& opts) {
  ReportOutput out(opts);
  out.write(text);
  out.commit();
}

void warn(const std::string& message) { fmt::print(stderr, "yekuo: warning: {}\n", message); }

} // namespace yekuo::cli
