#include "output_options.hpp"

#include <yekuo/util/atomic_file.hpp>
#include <yekuo/util/error.hpp>

#include <cctype>
#include <cstdio>
#include <fmt/format.h>

namespace yekuo::cli {

namespace {

std::string to_lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

} // namespace

void add_output_options(CLI::App* app, OutputOptions& opts, IcsFormat ics) {
  const bool offers_ics = ics == IcsFormat::offered;
  app->add_option_function<std::string>(
         "-f,--format",
         [&opts](const std::string& name) {
           const auto format = render::parse_format(name);
           opts.ics = to_lower(name) == "ics";
           opts.json = !format && !opts.ics; // the check lets nothing else through
           if (format) opts.format = *format;
         },
         offers_ics ? "output format: table, md, csv, html, json, ics" : "output format: table, md, csv, html, json")
      ->check(CLI::Validator(
          [offers_ics, app](std::string& name) -> std::string {
            if (to_lower(name) == "ics")
              return offers_ics ? std::string{}
                                : "ics (calendar events of stage deadlines) is offered by plan and remind only, not by " +
                                      app->get_name();
            if (render::parse_format(name) || to_lower(name) == "json") return {};
            return std::string(offers_ics ? "expected table, md, csv, html, json or ics" : "expected table, md, csv, html or json") +
                   ", got '" + name + "'";
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
  return r;
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
