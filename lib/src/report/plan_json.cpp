// `yekuo plan --format json`: the contract of SPEC §4, documented in schemas/plan.schema.json.
#include <yekuo/report/plan_report.hpp>
#include <yekuo/util/json_writer.hpp>

namespace yekuo::report {

namespace {

void write_stages(JsonWriter& w, const model::Project& p, const schedule::Network& net,
                  const std::vector<schedule::StagePlan>& plans) {
  w.key("stages").begin_array();
  for (std::size_t i = 0; i < p.stages.size(); ++i) {
    const auto& st = p.stages[i];
    const auto& sp = plans[i];
    const auto& a = net.activities[i];
    const bool calendar_days = a.unit == model::DurationUnit::calendar_days;
    w.begin_object();
    w.field("id", st.id).field("name", st.name).field("dept", st.dept);
    // `days` is in working days (SPEC §4); a calendar-day stage gets the working days it spans.
    w.field("days", calendar_days ? sp.working_days : a.duration);
    if (calendar_days)
      w.field("calendar_days", a.duration);
    else
      w.null_field("calendar_days");
    if (st.min_duration)
      w.field("min_days", *st.min_duration);
    else
      w.null_field("min_days");
    w.field("customer", st.customer).field("milestone", a.duration == 0);
    if (st.finish_within)
      w.field("finish_within", *st.finish_within);
    else
      w.null_field("finish_within");
    w.field("owner", st.owner);
    w.key("after").begin_array();
    for (const auto& d : st.after)
      w.begin_object().field("stage", d.stage).field("type", model::dep_type_name(d.type)).field("lag", d.lag).end_object();
    w.end_array();
    w.field("earliest_start", sp.earliest.start.iso()).field("earliest_finish", sp.earliest.finish.iso());
    w.field("latest_start", sp.latest.start.iso()).field("latest_finish", sp.latest.finish.iso());
    w.field("float", sp.total_float).field("critical", sp.critical);
    w.end_object();
  }
  w.end_array();
}

void write_strings(JsonWriter& w, std::string_view key, const std::vector<std::string>& items) {
  w.key(key).begin_array();
  for (const auto& s : items) w.value(s);
  w.end_array();
}

void write_capacity(JsonWriter& w, const model::Project& p, const track::CapacityPlan& c) {
  w.key("capacity").begin_object();
  w.field("as_of", c.as_of.iso()).field("orders", c.orders);
  write_strings(w, "departments", c.departments);
  w.field("feasible", c.within_capacity());
  w.key("overloads").begin_array();
  for (const auto& o : c.overloads) {
    w.begin_object().field("dept", o.dept).field("week", o.week.iso());
    w.field("load", o.load()).field("committed", o.committed).field("capacity", o.capacity);
    w.key("stages").begin_array();
    for (std::size_t i : o.stages) w.value(p.stages[i].id);
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("shifted").begin_array();
  for (const auto& s : c.shifted) {
    w.begin_object().field("id", p.stages[s.stage].id).field("from", s.from.start.iso()).field("to", s.to.start.iso());
    w.field("from_deadline", s.from.finish.iso()).field("to_deadline", s.to.finish.iso());
    w.field("working_days", s.working_days).field("cause", s.for_capacity ? "capacity" : "successor");
    w.end_object();
  }
  w.end_array();
  if (c.earliest_energization)
    w.field("earliest_energization_within_capacity", c.earliest_energization->iso());
  else
    w.null_field("earliest_energization_within_capacity");
  w.end_object();
}

} // namespace

std::string plan_json(const model::Project& p, const schedule::PlanOutcome& plan,
                      const std::optional<BaselineNote>& baseline, const track::CapacityPlan* capacity) {
  const auto& info = p.info;
  JsonWriter w;
  w.begin_object();
  w.field("schema", 1);
  w.key("project").begin_object();
  w.field("id", info.id).field("name", info.name).field("customer", info.customer);
  w.field("customer_manager", info.customer_manager);
  w.field("voltage_kv", info.voltage_kv).field("capacity_kva", info.capacity_kva);
  w.field("key_project", info.key_project).field("important", info.important).field("live_line_work", info.live_line_work);
  w.field("applied", info.applied.iso()).field("target", plan.target.iso()).field("customer_target", info.target.iso());
  write_strings(w, "customer_items", info.customer_items);
  write_strings(w, "customer_payments", info.customer_payments);
  write_strings(w, "notes", info.notes);
  w.end_object();

  const auto& s = plan.schedule;
  w.field("feasible", s.feasible);
  w.field("planned_energization", plan.planned_energization.iso());
  w.field("earliest_energization", plan.earliest_energization.iso());
  w.field("shortfall_days", s.shortfall);
  w.field("total_working_days", plan.total_working_days).field("total_calendar_days", plan.total_calendar_days);
  w.field("eligible", plan.eligible);
  w.key("critical_path").begin_array();
  for (std::size_t i : s.critical_path) w.value(p.stages[i].id);
  w.end_array();
  w.key("finish_within_breaches").begin_array();
  for (const auto& b : plan.promise_breaches) {
    w.begin_object().field("id", p.stages[b.stage].id).field("finish_within", b.finish_within);
    w.field("limit", b.limit.iso()).field("earliest_finish", b.earliest_finish.iso()).field("days_over", b.days_over);
    w.end_object();
  }
  w.end_array();
  w.key("provisional_years").begin_array();
  for (int y : plan.provisional_years) w.value(y);
  w.end_array();
  std::vector<std::string> warnings;
  for (int y : plan.provisional_years) warnings.push_back(calendar::WorkingCalendar::provisional_warning(y));
  if (!plan.eligible)
    warnings.emplace_back("under 4000 kVA and neither a key nor an important project: the order-style method is meant "
                          "for larger or key projects");
  if (baseline && !baseline->matches_current_plan) warnings.push_back(plan_change_warning(baseline->change, Lang::en));
  if (capacity && !capacity->within_capacity()) warnings.push_back(capacity_blocking_text(p, *capacity, Lang::en));
  write_strings(w, "warnings", warnings);

  if (baseline) {
    w.key("baseline").begin_object();
    w.field("revision", baseline->revision).field("confirmed", baseline->confirmed.iso());
    w.field("reason", baseline->reason).field("matches_current_plan", baseline->matches_current_plan);
    if (baseline->matches_current_plan)
      w.null_field("changed");
    else
      w.field("changed", std::string(baseline->change.word()));
    w.key("held").begin_array();
    for (const auto& h : baseline->held) {
      w.begin_object().field("id", h.id).field("deadline", h.deadline.iso()).field("revision", h.revision);
      w.field("by_revision", h.by_revision).field("reason", h.finished ? "finished" : "deadline_passed").end_object();
    }
    w.end_array();
    w.end_object();
  } else {
    w.null_field("baseline");
  }

  if (plan.compression) {
    const auto& c = *plan.compression;
    w.key("compression").begin_object();
    w.field("meets_target", c.meets_target).field("total_compression_days", c.total_compression);
    w.field("best_energization", plan.proposal_energization.iso());
    w.field("optimal", c.optimal);
    if (c.optimal) w.null_field("optimal_reason");
    else w.field("optimal_reason", c.reason);
    w.key("changes").begin_array();
    for (const auto& ch : c.changes) {
      const auto& a = plan.network.activities[ch.activity];
      w.begin_object().field("id", p.stages[ch.activity].id).field("from_days", ch.from_days).field("to_days", ch.to_days);
      w.field("unit", a.unit == model::DurationUnit::calendar_days ? "calendar_days" : "working_days").end_object();
    }
    w.end_array();
    write_stages(w, p, c.compressed, plan.proposal_stages);
    w.end_object();
  } else {
    w.null_field("compression");
  }

  write_stages(w, p, plan.network, plan.stages);
  if (capacity) write_capacity(w, p, *capacity);
  w.end_object();
  return w.finish();
}

} // namespace yekuo::report
