#include <yekuo/report/evaluation_json.hpp>

#include <yekuo/report/evaluation_report.hpp>
#include <yekuo/report/lang.hpp>

#include <algorithm>

namespace yekuo::report {

using track::StageEvaluation;

namespace {
const char* unit_word(bool calendar_days) { return calendar_days ? "calendar_days" : "working_days"; }
// Long lists at the end are sent on in pieces of about this size rather than held as one text.
constexpr std::size_t k_flush_bytes = std::size_t{64} << 10;
} // namespace

void write_notice_json(JsonWriter& w, const StageNotice& n, bool escalation) {
  w.begin_object();
  w.field("project", n.project).field("project_name", n.project_name).field("file", n.file);
  w.field("customer_manager", n.customer_manager);
  w.field("kind", "stage");
  w.field("id", n.id).field("name", n.name).field("dept", n.dept).field("customer", n.customer);
  w.field("owner", n.owner);
  w.field("deadline", n.deadline.iso()).field("effective_deadline", n.effective_deadline.iso());
  w.field("status", track::status_word(n.status)).field("days_late", n.days_late);
  w.field("unit", unit_word(n.calendar_days));
  w.key("blocks").begin_array();
  for (const auto& b : n.blocks) w.value(b);
  w.end_array();
  if (escalation) {
    w.field("level", n.level).field("level_name", track::escalation_level_word(n.level));
    w.field("unresolved_coordinations", n.unresolved_coordinations);
    w.field("overdue_working_days", n.overdue_working_days);
  }
  w.end_object();
}

void write_follow_up_json(JsonWriter& w, const std::string& project, const track::FollowUp& f) {
  w.begin_object();
  w.field("project", project).field("kind", track::follow_up_kind_word(f.kind));
  w.field("energized", f.energized.iso()).field("deadline", f.deadline.iso());
  w.field("status", track::follow_up_status_word(f.status));
  w.end_object();
}

void write_stage_json(JsonWriter& w, const StageEvaluation& s) {
  w.begin_object();
  w.field("id", s.id).field("name", s.name).field("dept", s.dept).field("customer", s.customer);
  w.field("owner", s.owner);
  w.field("deadline", s.state.deadline.iso());
  w.field("effective_deadline", s.state.effective_deadline.iso());
  w.field("status", track::status_word(s.state.status));
  w.field("days_late", s.state.days_late);
  w.field("planned_start", s.planned_start.iso());
  w.field("limit_days", s.limit_days);
  w.field("unit", unit_word(s.calendar_days));
  w.field("from_baseline", s.from_baseline);
  w.field("revision", s.revision);
  w.key("held");
  if (s.held != track::HoldReason::none)
    w.begin_object().field("by_revision", s.held_by_revision).field("reason", track::hold_reason_word(s.held)).end_object();
  else
    w.null();
  const track::StageVerdict& v = s.state.verdict;
  w.field("clock_start", v.clock_start.iso());
  w.field("report_by", v.report_by.iso());
  w.field("handling_days", v.handling_days);
  w.key("blocked_by");
  if (!s.blocked_by.empty())
    w.begin_object().field("stage", s.blocked_by).field("name", s.blocked_by_name).field("dept", s.blocked_by_dept)
        .field("waiting_for", s.waiting_for).end_object();
  else
    w.null();
  w.key("blocks").begin_array();
  for (const auto& b : s.blocks) w.value(b);
  w.end_array();
  w.key("started");
  if (s.state.started) w.value(s.state.started->iso()); else w.null();
  w.key("finished");
  if (s.state.finished) w.value(s.state.finished->iso()); else w.null();
  w.field("excluded_customer_days", s.state.excluded_days);
  w.key("forecast_start");
  if (s.forecast) w.value(s.forecast->start.iso()); else w.null();
  w.key("forecast_finish");
  if (s.forecast) w.value(s.forecast->finish.iso()); else w.null();
  w.key("forecast_float");
  if (s.forecast) w.value(s.forecast_float); else w.null();
  w.field("critical", s.critical).field("driver", s.driver);
  w.field("due_this_week", s.due_this_week).field("finished_this_week", s.finished_this_week);
  w.key("customer_delays").begin_array();
  for (const auto& d : s.delays) {
    w.begin_object().field("from", d.from.iso()).field("to", d.to.iso());
    w.key("reported");
    if (d.reported) w.value(d.reported->iso()); else w.null();
    w.field("reason", d.reason).field("verdict", track::delay_verdict_word(d.verdict)).field("days", d.days);
    w.end_object();
  }
  w.end_array();
  w.end_object();
}

void write_error_json(JsonWriter& w, const std::string& file, const Diagnostic& d) {
  w.begin_object();
  w.field("file", d.loc.file.empty() ? file : d.loc.file).field("line", d.loc.line).field("column", d.loc.column);
  w.field("message", d.message).field("code", d.code);
  w.end_object();
}

void write_errors_json(JsonWriter& w, const track::PortfolioEvaluation& portfolio) {
  w.key("errors").begin_array();
  for (const auto& f : portfolio.files)
    for (const auto& d : f.errors) write_error_json(w, f.file, d);
  w.end_array();
}

namespace {

void write_project_json(JsonWriter& w, const track::ProjectEvaluation& p) {
  w.begin_object();
  w.field("id", p.id).field("file", p.file).field("name", p.name).field("customer", p.customer);
  w.field("customer_manager", p.customer_manager);
  w.field("applied", p.applied.iso()).field("target", p.target.iso());
  w.field("planned_energization", p.planned_energization.iso());
  w.key("forecast_energization");
  if (p.has_forecast) w.value(p.forecast_energization.iso()); else w.null();
  w.field("slip_days", p.slip_days);
  w.field("state", track::state_word(p.state));
  w.key("baseline");
  if (p.has_baseline)
    w.begin_object().field("revision", p.baseline_revision).field("confirmed", p.baseline_confirmed.iso()).end_object();
  else
    w.null();
  w.key("drivers").begin_array();
  for (const auto& s : p.stages)
    if (s.driver) w.value(s.id);
  w.end_array();
  w.key("warnings").begin_array();
  for (const auto& m : project_warnings(p, Lang::en)) w.value(m);
  w.end_array();
  w.key("stages").begin_array();
  for (const auto& s : p.stages) write_stage_json(w, s);
  w.end_array();
  w.end_object();
}

} // namespace

namespace {
const model::Capacities k_none;
} // namespace

EvaluationJsonStream::EvaluationJsonStream(calendar::Date as_of, Sink sink, const model::Capacities* capacities)
    : m_sink(std::move(sink)), m_capacity(as_of, capacities ? *capacities : k_none) {
  m_w.begin_object();
  m_w.field("schema", 1).field("as_of", as_of.iso());
  m_w.key("projects").begin_array();
  m_sink(m_w.take());
}

void EvaluationJsonStream::add(const track::FileResult& file) {
  for (const auto& d : file.errors) m_errors.emplace_back(file.file, d);
  if (!file.evaluation) return;
  const track::ProjectEvaluation& p = *file.evaluation;
  if (p.calendar) m_capacity.add(p, *p.calendar);
  if (p.energized) {
    ++m_energized;
    for (const auto& f : p.follow_up) m_follow_up.emplace_back(p.id, f);
    return;
  }
  if (p.not_yet_applied) return; // the order did not exist on the as-of date: the week is reproduced as it was
  write_project_json(m_w, p);
  m_departments.add(p);
  m_escalations.add(p);
  m_sink(m_w.take());
}

void EvaluationJsonStream::finish() {
  m_w.end_array();
  m_w.field("energized_omitted", m_energized);
  m_w.key("departments").begin_array();
  for (const auto& d : m_departments.summaries()) {
    m_w.begin_object();
    m_w.field("dept", d.dept).field("customer", d.customer).field("open", d.open).field("overdue", d.overdue);
    m_w.field("due_this_week", d.due_this_week).field("done_on_time", d.done_on_time).field("done_late", d.done_late);
    m_w.key("on_time_rate");
    if (const auto r = d.on_time_rate()) m_w.value(*r); else m_w.null();
    m_w.end_object();
  }
  m_w.end_array();
  m_capacity.write_json(m_w);

  m_w.key("escalations").begin_array();
  for (const std::size_t i : m_escalations.worst_first()) {
    write_notice_json(m_w, m_escalations[i], /*escalation=*/true);
    if (m_w.str().size() >= k_flush_bytes) m_sink(m_w.take()); // the list can be long
  }
  m_w.end_array();

  m_w.key("follow_up").begin_array();
  for (const auto& [project, f] : m_follow_up) write_follow_up_json(m_w, project, f);
  m_w.end_array();

  m_w.key("errors").begin_array();
  for (const auto& [file, d] : m_errors) write_error_json(m_w, file, d);
  m_w.end_array();
  m_w.end_object();
  m_sink(m_w.finish());
}

std::string evaluation_json(const track::PortfolioEvaluation& portfolio) {
  std::string out;
  EvaluationJsonStream stream(portfolio.as_of, [&](std::string_view text) { out += text; });
  for (const auto& f : portfolio.files) stream.add(f);
  stream.finish();
  return out;
}

} // namespace yekuo::report
