// yekuo record FILE: the customer manager records progress, a customer delay or the 95598 revisit in an
// order file without editing TOML by hand (docs/tracking.md#recording-progress-yekuo-record). The edit
// and its checks are io::record_in_file; this file parses the options and reports.
#include <yekuo/io/record.hpp>

#include "command.hpp"
#include "inputs.hpp"
#include "output_options.hpp"

#include <yekuo/util/error.hpp>

#include <cstdio>
#include <fmt/format.h>
#include <memory>
#include <string_view>

namespace yekuo::cli {

namespace {

struct RecordArgs {
  std::string file;
  std::string stage; // --stage ID: progress
  std::string started;
  std::string finished;
  std::string delay; // --delay STAGE: a customer-caused delay
  std::string from;
  std::string to;
  std::string reason;
  std::string reported;
  std::string note;
  std::string revisit; // --revisit DATE: the 95598 revisit
  std::string satisfied;
  std::vector<std::string> issues;
  std::string calendar;
};

std::optional<calendar::Date> optional_date(const std::string& text, const char* option) {
  if (text.empty()) return std::nullopt;
  return parse_date_option(text, option);
}

std::optional<bool> parse_yes_no(std::string_view s) {
  if (s == "yes" || s == "true") return true;
  if (s == "no" || s == "false") return false;
  return std::nullopt;
}

// The record the options describe; CLI11 has checked which options go together.
io::Record make_record(const RecordArgs& o, const CLI::App& app) {
  if (app.count("--stage") > 0) {
    if (o.started.empty() && o.finished.empty())
      throw InputError("--stage needs --started DATE, --finished DATE or both");
    return io::ProgressRecord{o.stage, optional_date(o.started, "--started"), optional_date(o.finished, "--finished"),
                              o.note};
  }
  if (app.count("--delay") > 0) {
    if (o.reported.empty())
      warn("no --reported DATE: the delay is recorded as not reported, so its days are not excluded from the "
           "stage's time (docs/verdicts.md)");
    return io::DelayRecord{o.delay,  parse_date_option(o.from, "--from"),     parse_date_option(o.to, "--to"),
                           o.reason, optional_date(o.reported, "--reported"), o.note};
  }
  if (app.count("--revisit") > 0) {
    if (!o.note.empty()) throw InputError("--note goes with --stage or --delay; a revisit has --issue TEXT");
    return io::RevisitRecord{parse_date_option(o.revisit, "--revisit"), *parse_yes_no(o.satisfied), o.issues};
  }
  throw InputError("say what to record: --stage ID (its --started/--finished), --delay STAGE (a customer delay) or "
                   "--revisit DATE (the 95598 revisit)");
}

int run_record(const RecordArgs& o, const CLI::App& app, const Context& ctx) {
  io::RecordOptions options;
  options.today = ctx.today;
  options.load.org_calendar = load_org_calendar(o.calendar);
  const io::Record record = make_record(o, app);

  Diagnostics diags;
  const auto result = io::record_in_file(o.file, record, options, diags);
  print_with_source(diags, o.file, SourceText(result.source));
  switch (result.status) {
  case io::RecordStatus::recorded: {
    const auto& e = result.edit;
    std::string_view lines(e.text.data() + e.offset, e.length);
    lines.remove_prefix(std::min(lines.find_first_not_of("\r\n"), lines.size()));
    const std::string where = e.first_line == e.last_line ? fmt::format("line {}", e.first_line)
                                                          : fmt::format("lines {}-{}", e.first_line, e.last_line);
    fmt::print("{}: recorded on {}{}:\n{}", o.file, where, e.appended ? "" : " (added to the existing record)", lines);
    return code(ExitCode::ok);
  }
  case io::RecordStatus::unchanged:
    fmt::print("{}:{}: already recorded with the same values; the file is unchanged\n", o.file, result.existing.line);
    return code(ExitCode::ok);
  case io::RecordStatus::refused: break;
  }
  if (result.edit.length > 0)
    fmt::print(stderr,
               "yekuo: note: the positions above are in the file as it would be with the record, on lines {}-{}\n",
               result.edit.first_line, result.edit.last_line);
  fmt::print(stderr, "yekuo: error: nothing recorded; {} is unchanged\n", o.file);
  return code(ExitCode::bad_input);
}

} // namespace

Command setup_record(CLI::App& parent) {
  auto opts = std::make_shared<RecordArgs>();
  auto* app = parent.add_subcommand(
      "record", "record in an order file the progress of a stage, a customer delay or the 95598 revisit "
                "(appended as TOML; every other byte kept)");
  app->add_option("file", opts->file, "the order's project file (TOML)")->required()->option_text("FILE");

  auto* stage =
      app->add_option("--stage", opts->stage, "record the progress of this stage (its id)")->option_text("ID");
  auto* started = add_date_option(app, "--started", opts->started, "the day the stage started");
  auto* finished = add_date_option(app, "--finished", opts->finished, "the day the stage finished");

  auto* delay = app->add_option("--delay", opts->delay, "record a customer-caused delay (客户原因) of this stage")
                    ->option_text("STAGE");
  auto* from = add_date_option(app, "--from", opts->from, "the first day of the delay");
  auto* to = add_date_option(app, "--to", opts->to, "the last day of the delay (inclusive; may be after today)");
  auto* reason = app->add_option("--reason", opts->reason, "the customer reason")->option_text("TEXT");
  auto* reported = add_date_option(app, "--reported", opts->reported,
                                   "when the department reported the delay (needed for its days to be excluded)");

  auto* revisit = add_date_option(app, "--revisit", opts->revisit, "record the 95598 revisit made on this day");
  auto* satisfied = app->add_option("--satisfied", opts->satisfied, "whether the customer was satisfied")
                        ->check(CLI::Validator(
                            [](std::string& s) -> std::string {
                              return parse_yes_no(s) ? std::string{} : "expected yes or no, got '" + s + "'";
                            },
                            "yes|no"))
                        ->option_text("yes|no");
  auto* issue =
      app->add_option("--issue", opts->issues, "a problem the revisit found (repeat for several)")->option_text("TEXT");
  app->add_option("--note", opts->note, "free text for the progress or delay record")->option_text("TEXT");
  add_calendar_option(app, opts->calendar);

  stage->excludes(delay)->excludes(revisit);
  delay->excludes(revisit);
  started->needs(stage);
  finished->needs(stage);
  for (auto* o : {from, to, reason, reported}) o->needs(delay);
  delay->needs(from)->needs(to)->needs(reason);
  satisfied->needs(revisit);
  issue->needs(revisit);
  revisit->needs(satisfied);
  return {app, [opts, app](const Context& ctx) { return run_record(*opts, *app, ctx); }};
}

} // namespace yekuo::cli
