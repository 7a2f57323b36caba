#include "output_options.hpp"

#include <yekuo/util/atomic_file.hpp>
#include <yekuo/util/error.hpp>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>

namespace yekuo::cli {

namespace {

std::string to_lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

} // namespace

void add_output_options(CLI::App* app, OutputOptions& opts, ExtraFormats extra) {
  // The names offered, in the order the help and the refusal list them.
  std::string list = "table, md, csv, html";
  if (extra.xlsx) list += ", xlsx";
  list += extra.ics ? ", json or ics" : " or json";
  app->add_option_function<std::string>(
         "-f,--format",
         [&opts](const std::string& name) {
           const auto format = render::parse_format(name);
           opts.ics = to_lower(name) == "ics";
           opts.json = !format && !opts.ics; // the check lets nothing else through
           if (format) opts.format = *format;
         },
         "output format: " + list)
      ->check(CLI::Validator(
          [extra, list, app](std::string& name) -> std::string {
            const auto format = render::parse_format(name);
            if (to_lower(name) == "json" || (format && *format != render::Format::xlsx)) return {};
            if (format && extra.xlsx) return {};
            if (to_lower(name) == "ics" && extra.ics) return {};
            if (format) return "xlsx (a workbook) is offered by plan, evaluate and assess only, not by " + app->get_name();
            if (to_lower(name) == "ics")
              return "ics (calendar events of stage deadlines) is offered by plan and remind only, not by " +
                     app->get_name();
            return "expected " + list + ", got '" + name + "'";
          },
          "FORMAT"))
      ->option_text("FORMAT");
  add_lang_option(app, opts.lang);
  app->add_option("-o,--out", opts.out, "write to FILE (atomically) instead of standard output")
      ->option_text("FILE");
}

CLI::Option* add_lang_option(CLI::App* app, report::Lang& lang) {
  return app
      ->add_option_function<std::string>(
          "--lang", [&lang](const std::string& name) { lang = *report::parse_lang(name); },
          "label language: zh (default) or en")
      ->check(CLI::Validator(
          [](std::string& name) -> std::string {
            return report::parse_lang(name) ? std::string{} : "expected zh or en, got '" + name + "'";
          },
          "zh|en"))
      ->option_text("zh|en");
}

render::RenderOptions render_options(const OutputOptions& opts, const Context& ctx) {
  render::RenderOptions r;
  r.color = ctx.color && opts.out.empty() && !opts.json && opts.format == render::Format::table;
  r.lang = opts.lang;
  // The workbook is written next to its target: the same file system, and a directory the user
  // can write to (docs/output-formats.md).
  if (!opts.out.empty()) r.temp_dir = std::filesystem::path(opts.out).parent_path().string();
  if (!opts.out.empty() && r.temp_dir.empty()) r.temp_dir = ".";
  return r;
}

void check_output_destination(const OutputOptions& opts, const Context& ctx) {
  if (!opts.json && opts.format == render::Format::xlsx && opts.out.empty() && ctx.stdout_is_tty)
    throw InputError("--format xlsx writes a binary workbook: give --out FILE.xlsx, or redirect standard output "
                     "to a file");
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

void write_document(const OutputOptions& opts, const Context& ctx, const report::Document& doc) {
  emit(render::render(doc, opts.format, render_options(opts, ctx)), opts);
}

void warn(const std::string& message) { fmt::print(stderr, "yekuo: warning: {}\n", message); }

} // namespace yekuo::cli
