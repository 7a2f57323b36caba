#pragma once
// `evaluate --format json` (schemas/evaluate.schema.json), written as the files are evaluated,
// and the JSON pieces it shares with `remind --format json`.
#include <yekuo/calendar/date.hpp>
#include <yekuo/report/escalation_list.hpp>
#include <yekuo/report/load_report.hpp>
#include <yekuo/report/stage_notice.hpp>
#include <yekuo/track/evaluate.hpp>
#include <yekuo/util/json_writer.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yekuo::report {

// `escalation`: an entry of `escalations`, with its level (docs/tracking.md#the-escalation-ladder).
void write_notice_json(JsonWriter& w, const StageNotice& notice, bool escalation = false);

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
  // `capacities`: the organization's declared capacity, for `capacity_overloads` (CapacityOutlook).
  EvaluationJsonStream(calendar::Date as_of, Sink sink, const model::Capacities* capacities = nullptr);

  void add(const track::FileResult& file); // in input order
  void finish();

private:
  JsonWriter m_w;
  Sink m_sink;
  int m_energized = 0;
  track::DepartmentTally m_departments;
  EscalationList m_escalations;
  std::vector<std::pair<std::string, track::FollowUp>> m_follow_up; // (project id, follow-up), file order
  std::vector<std::pair<std::string, Diagnostic>> m_errors;  // (file, error)
  CapacityOutlook m_capacity;
};

// The whole document in one string (EvaluationJsonStream over the portfolio's files).
[[nodiscard]] std::string evaluation_json(const track::PortfolioEvaluation& portfolio);

} // namespace yekuo::report
