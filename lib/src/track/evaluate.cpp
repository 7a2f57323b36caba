#include <yekuo/track/evaluate.hpp>

#include <yekuo/track/assess.hpp>
#include <yekuo/util/error.hpp>

#include <algorithm>
#include <array>
#include <map>

namespace yekuo::track {

using calendar::Date;

const char* state_word(ProjectState s) {
  switch (s) {
  case ProjectState::on_track: return "on_track";
  case ProjectState::at_risk: return "at_risk";
  case ProjectState::late: return "late";
  }
  return "on_track";
}

bool StageEvaluation::matters_this_week() const {
  return state.status == StageStatus::overdue || state.status == StageStatus::due_soon ||
         state.status == StageStatus::in_progress || due_today || due_this_week || finished_this_week;
}

bool ProjectEvaluation::any_overdue() const {
  return std::any_of(stages.begin(), stages.end(),
                     [](const StageEvaluation& s) { return s.state.status == StageStatus::overdue; });
}

const StageEvaluation* ProjectEvaluation::find_stage(std::string_view stage_id) const {
  for (const auto& s : stages)
    if (s.id == stage_id) return &s;
  return nullptr;
}

int escalation_level(int unresolved_coordinations, int overdue_working_days,
                     const model::EscalationThresholds& thresholds) {
  int level = 1 + std::max(0, unresolved_coordinations);
  if (overdue_working_days >= thresholds.director_days) level = std::max(level, 2);
  if (overdue_working_days >= thresholds.deputy_days) level = std::max(level, 3);
  return std::min(level, 3);
}

const char* escalation_level_word(int level) {
  switch (level) {
  case 1: return "customer_manager";
  case 2: return "director";
  default: return "deputy_general_manager";
  }
}

ProjectEvaluation evaluate_project(const model::Project& project, const schedule::PlanOutcome& plan,
                                   const PlanReference& reference, const calendar::WorkingCalendar& cal,
                                   const EvaluateOptions& options) {
  const Date as_of = options.as_of;
  ProjectEvaluation e;
  e.file = project.file;
  e.id = project.info.id;
  e.name = project.info.name;
  e.customer = project.info.customer;
  e.customer_manager = project.info.customer_manager;
  e.applied = project.info.applied;
  e.target = project.info.target;
  e.energized = is_energized(project, as_of);
  if (e.energized)
    if (const auto day = energization_date(project, as_of)) e.follow_up = follow_ups(project, *day, cal, as_of);
  e.not_yet_applied = project.info.applied > as_of;
  e.has_baseline = reference.has_baseline;
  e.baseline_revision = reference.revision;
  e.baseline_confirmed = reference.confirmed;
  e.stages_not_in_baseline = reference.stages_not_in_baseline;
  e.planned_energization = reference.planned_energization;
  e.provisional_years = plan.provisional_years;
  e.calendar = &cal;

  const auto states = stage_states(project, reference, cal, as_of, &plan.network.order);
  std::optional<Forecast> fc;
  // An energized order needs no forecast: it drops out of the weekly table.
  if (options.forecast && !e.energized && !e.not_yet_applied) fc = rolling_forecast(project, plan.network, reference, states, cal, as_of);

  std::vector<std::size_t> order = plan.display_order;
  if (order.size() != project.stages.size()) {
    order.clear();
    for (std::size_t i = 0; i < project.stages.size(); ++i) order.push_back(i);
  }
  const Date week_end = as_of.plus_days(7);
  const Date week_start = as_of.plus_days(-6);
  bool any_overdue = false;
  for (std::size_t i : order) {
    const model::Stage& st = project.stages[i];
    StageEvaluation s;
    s.index = i;
    s.id = st.id;
    s.name = st.name;
    s.dept = st.dept;
    s.owner = st.owner;
    s.customer = st.customer;
    s.milestone = st.is_milestone();
    s.from_baseline = !reference.has_baseline || reference.stages[i].from_baseline;
    s.planned_start = reference.stages[i].start;
    s.limit_days = reference.stages[i].limit_days;
    s.calendar_days = reference.stages[i].calendar_days;
    s.revision = reference.stages[i].revision;
    s.held = reference.stages[i].held;
    s.held_by_revision = reference.stages[i].held_by;
    s.state = states[i];
    const StageVerdict& v = s.state.verdict;
    for (const DelayEvidence& d : v.delays) s.delays.push_back({d.from, d.to, d.reported, d.reason, d.verdict, d.days});
    if (!v.available && v.blocked_by < project.stages.size()) {
      const model::Stage& holder = project.stages[v.blocked_by];
      s.blocked_by = holder.id;
      s.blocked_by_name = holder.name;
      s.blocked_by_dept = holder.dept;
      if (v.waiting_for < project.stages.size()) s.waiting_for = project.stages[v.waiting_for].id;
    }
    if (fc) {
      s.forecast = fc->dates[i];
      s.critical = fc->critical[i];
      s.forecast_float = fc->finish_float[i];
      s.driver = std::find(fc->drivers.begin(), fc->drivers.end(), i) != fc->drivers.end();
    }
    const Date eff = s.state.effective_deadline;
    // A blocked stage has no deadline of its own yet (its due date moves with the blocker).
    const bool open = !s.state.finished && v.available;
    s.due_this_week = open && as_of < eff && eff <= week_end;
    s.due_today = open && eff == as_of;
    s.finished_this_week = s.state.finished && week_start <= *s.state.finished && *s.state.finished <= as_of;
    any_overdue = any_overdue || s.state.status == StageStatus::overdue;
    if (escalates(s)) {
      // Working days even for a calendar-day stage (whose days_late counts calendar days): the
      // ladder's thresholds are working days. Coordinations after A were dropped (known_on).
      s.overdue_working_days = cal.point(as_of) - cal.point(eff);
      for (const model::Coordination& c : project.coordinations)
        if (c.index == i && !c.resolved && c.date <= as_of) ++s.unresolved_coordinations;
      s.escalation_level = escalation_level(s.unresolved_coordinations, s.overdue_working_days, options.escalation);
    }
    e.stages.push_back(std::move(s));
  }

  std::vector<std::size_t> position(project.stages.size(), e.stages.size());
  for (std::size_t k = 0; k < e.stages.size(); ++k) position[e.stages[k].index] = k;
  for (const StageEvaluation& s : e.stages) {
    const std::size_t holder = states[s.index].verdict.blocked_by;
    if (!s.blocked_by.empty() && holder < position.size() && position[holder] < e.stages.size())
    {
      e.stages[position[holder]].blocks.push_back(s.id);
      e.stages[position[holder]].blocks_names.push_back(s.name);
    }
  }

  if (fc) {
    e.has_forecast = true;
    e.forecast_energization = fc->forecast_energization;
    e.slip_days = fc->slip_days;
  }
  if (fc && fc->finish_point > fc->target_point)
    e.state = ProjectState::late;
  else if (any_overdue)
    e.state = ProjectState::at_risk;
  else
    e.state = ProjectState::on_track;
  return e;
}

ProjectEvaluation evaluate_project(const TrackedProject& tracked, const EvaluateOptions& options) {
  if (tracked.calendar == nullptr) throw InternalError("evaluate_project: the tracked project has no calendar");
  return evaluate_project(tracked.project, tracked.plan, tracked.reference, *tracked.calendar, options);
}

std::optional<double> DepartmentSummary::on_time_rate() const {
  const int done = done_on_time + done_late;
  if (done == 0) return std::nullopt;
  return static_cast<double>(done_on_time) / static_cast<double>(done);
}

namespace {

constexpr std::array<std::string_view, 10> k_department_order{
    "营销部", "客户服务中心", "发展策划部", "生产技术部", "运维检修部",
    "电力调度中心", "基建部", "输电工区", "配电工区", "需求侧管理中心"};

std::size_t department_rank(std::string_view dept) {
  for (std::size_t k = 0; k < k_department_order.size(); ++k)
    if (k_department_order[k] == dept) return k;
  return k_department_order.size();
}

} // namespace

void DepartmentTally::add(const ProjectEvaluation& p) {
  if (!p.active()) return;
  for (const StageEvaluation& s : p.stages) {
    DepartmentSummary& d = m_by_dept[{s.customer, s.dept}];
    d.dept = s.dept;
    d.customer = s.customer;
    ++d.stages;
    const StageStatus st = s.state.status;
    if (!s.state.finished) ++d.open;
    if (st == StageStatus::overdue) ++d.overdue;
    if (s.due_this_week) ++d.due_this_week;
    if (st == StageStatus::done_on_time) ++d.done_on_time;
    if (st == StageStatus::done_late) ++d.done_late;
  }
}

std::vector<DepartmentSummary> DepartmentTally::summaries() const {
  std::vector<DepartmentSummary> out;
  out.reserve(m_by_dept.size());
  for (const auto& [key, d] : m_by_dept) out.push_back(d);
  std::stable_sort(out.begin(), out.end(), [](const DepartmentSummary& x, const DepartmentSummary& y) {
    return department_listed_before(x.customer, x.dept, y.customer, y.dept);
  });
  return out;
}

bool department_listed_before(bool x_customer, std::string_view x_dept, bool y_customer, std::string_view y_dept) {
  if (x_customer != y_customer) return !x_customer;
  const auto rx = department_rank(x_dept), ry = department_rank(y_dept);
  if (rx != ry) return rx < ry;
  return x_dept < y_dept;
}

std::vector<DepartmentSummary> summarize_departments(const std::vector<const ProjectEvaluation*>& projects) {
  DepartmentTally tally;
  for (const ProjectEvaluation* p : projects)
    if (p != nullptr) tally.add(*p);
  return tally.summaries();
}

bool escalates(const StageEvaluation& s) { return !s.customer && s.state.status == StageStatus::overdue; }

std::vector<Escalation> escalations(const std::vector<const ProjectEvaluation*>& projects) {
  std::vector<Escalation> out;
  for (const ProjectEvaluation* p : projects) {
    if (p == nullptr || !p->active()) continue;
    for (const StageEvaluation& s : p->stages) {
      if (!escalates(s)) continue;
      out.push_back({p, &s});
    }
  }
  // Stable: equal lateness keeps file order, then stage display order.
  std::stable_sort(out.begin(), out.end(), [](const Escalation& x, const Escalation& y) {
    return x.stage->state.days_late > y.stage->state.days_late;
  });
  return out;
}

std::vector<const ProjectEvaluation*> PortfolioEvaluation::active() const {
  std::vector<const ProjectEvaluation*> out;
  for (const auto& f : files)
    if (f.evaluation && f.evaluation->active()) out.push_back(&*f.evaluation);
  return out;
}

int PortfolioEvaluation::energized_count() const {
  return static_cast<int>(
      std::count_if(files.begin(), files.end(), [](const FileResult& f) { return f.evaluation && f.evaluation->energized; }));
}

int PortfolioEvaluation::error_count() const {
  return static_cast<int>(std::count_if(files.begin(), files.end(), [](const FileResult& f) { return !f.evaluation; }));
}

bool PortfolioEvaluation::any_overdue() const {
  for (const auto* p : active())
    if (p->any_overdue()) return true;
  return false;
}

FileResult evaluated_file(PortfolioItem<ProjectEvaluation>&& item) {
  FileResult r{std::move(item.file), std::move(item.result), std::move(item.errors), std::move(item.warnings)};
  if (r.evaluation) {
    r.evaluation->file = r.file; // as given on the command line, not as the loader spelled it
    for (const Diagnostic& w : r.warnings) r.evaluation->notes.push_back(w.message);
  }
  return r;
}

void evaluate_files(const PortfolioInputs& inputs, const PortfolioLoad& load, const EvaluateOptions& options,
                    const std::function<void(FileResult&&)>& consume) {
  for_each_order(
      inputs, load, [&](TrackedProject&& order) { return evaluate_project(order, options); },
      [&](PortfolioItem<ProjectEvaluation>&& item) { consume(evaluated_file(std::move(item))); });
}

PortfolioEvaluation evaluate_portfolio(const PortfolioInputs& inputs, const PortfolioLoad& load,
                                       const EvaluateOptions& options) {
  PortfolioEvaluation out;
  out.as_of = options.as_of;
  out.files.reserve(inputs.files.size() + inputs.unusable.size());
  evaluate_files(inputs, load, options, [&](FileResult&& r) { out.files.push_back(std::move(r)); });
  return out;
}

} // namespace yekuo::track
