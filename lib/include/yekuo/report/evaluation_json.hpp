#pragma once
// `evaluate --format json` (schemas/evaluate.schema.json), written as the files are evaluated,
// and the JSON pieces it shares with `remind --format json`.
#include <yekuo/calendar/date.hpp>
#include <yekuo/track/evaluate.hpp>
#include <yekuo/util/json_writer.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yekuo::report {

// A stage named to someone outside its project's block: an escalation of `evaluate`, an item
// of `remind`. Owns its text, so it outlives the project's evaluation.
struct StageNotice {
  std::string project;          // project id
  std::string project_name;
  std::string file;
  std::string customer_manager;
  std::string id;               // stage id
  std::string name;
  std::string dept;
  bool customer = false;
  calendar::Date deadline;
  calendar::Date effective_deadline;
  track::StageStatus status = track::StageStatus::not_started;
  int days_late = 0;
  bool calendar_days = false;   // days_late counts calendar days
  std::vector<std::string> blocks; // ids of the stages of the order it holds up
  std::string owner;            // the stage's responsible person ("" when not given)
};
[[nodiscard]] StageNotice make_notice(const track::ProjectEvaluation& project, const track::StageEvaluation& stage);
void write_notice_json(JsonWriter& w, const StageNotice& notice);

void write_stage_json(JsonWriter& w, const track::StageEvaluation& s);
// {"project", "kind", "energized", "deadline", "status"} (evaluate's follow_up entries).
void write_follow_up_json(JsonWriter& w, const std::string& project, const track::FollowUp& f);
// {"file", "line", "column", "message", "code"}; `file` is the diagnostic's own file, else `file`.
void write_error_json(JsonWriter& w, const std::string& file, const Diagnostic& d);
// "errors": [...] of every file of the portfolio.
void write_errors_json(JsonWriter& w, const track::PortfolioEvaluation& portfolio);

// The evaluate JSON document, streamed: the header at construction, each active project's
// block as add() receives it (then only its summary figures, escalations and errors are kept),
// and at finish() the energized count, the department summary, the escalations and the errors.
// Every piece of text goes to `sink` as soon as it is complete, so memory does not grow with
// the number of projects. The document is the same as evaluation_json()'s.
class EvaluationJsonStream {
public:
  using Sink = std::function<void(std::string_view)>;
  EvaluationJsonStream(calendar::Date as_of, Sink sink);

  void add(const track::FileResult& file); // in input order
  void finish();

private:
  JsonWriter m_w;
  Sink m_sink;
  int m_energized = 0;
  track::DepartmentTally m_departments;
  std::vector<StageNotice> m_escalations;                    // file order, then stage order
  std::vector<std::pair<std::string, track::FollowUp>> m_follow_up; // (project id, follow-up), file order
  std::vector<std::pair<std::string, Diagnostic>> m_errors;  // (file, error)
};

// The whole document in one string (EvaluationJsonStream over the portfolio's files).
[[nodiscard]] std::string evaluation_json(const track::PortfolioEvaluation& portfolio);

} // namespace yekuo::report
