#pragma once
// Assessment after energization (考核, SPEC §1 Assess and the fairness rule of §4;
// docs/assessment.md walks through every rule with an example).
//
// For every stage: the clock starts at the later of the point its predecessors' actual finishes
// (per dependency type) allowed and its planned start in the confirmed plan, never at its own
// recorded start; handling days run from there to the actual finish; customer-caused working days
// inside that interval are excluded when the delay was reported no later than the stage's effective
// deadline; what is left beyond the stage's time limit is the overrun.
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/model/project.hpp>
#include <yekuo/track/plan_reference.hpp>
#include <yekuo/track/revisit.hpp>
#include <yekuo/util/diagnostic.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace yekuo::track {

// Which term of the fairness rule set a stage's clock start.
enum class ClockReason {
  applied,       // the application date (nothing later applied)
  planned_start, // the stage's planned window in the confirmed plan
  predecessor,   // waiting for a predecessor (see ClockStart::pred)
};

struct ClockStart {
  WorkPoint point = 0;           // handling days are the working days after this point
  ClockReason reason = ClockReason::applied;
  std::size_t pred = model::k_no_index; // the predecessor that set it (reason == predecessor)
  model::DepType type = model::DepType::fs;
  int lag = 0;
};

// One [[delay]] of the stage as evidence.
struct DelayEvidence {
  Date from;
  Date to;
  std::string reason;
  std::optional<Date> reported;
  bool in_time = false;          // reported no later than the effective deadline -> excluded
  int working_days = 0;          // its working days inside the handling interval (before de-overlapping)
  SourceLoc loc;
};

struct StageAssessment {
  std::size_t index = model::k_no_index;
  std::string id;
  std::string name;
  std::string dept;
  bool customer = false;         // customer-side stage: shown, never suggested for assessment
  bool milestone = false;
  int limit_days = 0;            // the determined time limit (planned working days)
  Date planned_start;
  Date planned_deadline;
  bool from_baseline = false;
  ClockStart clock;
  Date clock_start;              // first working day counted (a milestone: the day of its point)
  std::optional<Date> actual_start; // recorded, for information only
  Date actual_finish;
  Date effective_deadline;       // later of the planned deadline and clock start + limit
  int handling_days = 0;
  int customer_days_excluded = 0;
  int net_days = 0;
  int overrun_days = 0;
  std::vector<DelayEvidence> delays;
  // Working-day spans (first, last day) excluded as customer-caused, de-overlapped.
  std::vector<std::pair<Date, Date>> excluded_spans;

  // An assessment suggestion (考核建议) goes to the department.
  [[nodiscard]] bool suggested() const { return !customer && overrun_days > 0; }
};

enum class OrderState {
  not_energized, // some final stage has no finish
  incomplete,    // energized, but some stage has no finish: reported, not assessed
  assessed,
};

struct ProjectAssessment {
  std::string file;
  std::string id;
  std::string name;
  std::string customer;
  std::string customer_manager;
  OrderState state = OrderState::not_energized;
  Date applied;
  Date target;
  Date planned_energization;
  bool has_baseline = false;
  int baseline_revision = 0;
  std::optional<Date> energized;
  std::vector<std::string> missing_finish; // stage ids without a finish (state == incomplete)
  std::vector<std::string> missing_finish_names; // their names, same order (what reports show)
  int total_working_days = 0;              // point(energized) - point(applied)
  int total_calendar_days = 0;             // energized - applied
  int vs_planned_working_days = 0;         // point(energized) - point(planned energization); > 0 later
  int vs_target_working_days = 0;          // point(energized) - point(target); > 0 later
  std::vector<StageAssessment> stages;     // file order; empty unless assessed
  std::optional<RevisitResult> revisit;    // energized orders only
  const calendar::WorkingCalendar* calendar = nullptr; // for pictures (non-working days); not owned
};

// The clock start of every stage (fairness rule); the project must be validated (acyclic) and every
// stage must have a finish date. Exposed for tests and for explanations.
[[nodiscard]] std::vector<ClockStart> clock_starts(const model::Project& project, const PlanReference& ref,
                                                   const calendar::WorkingCalendar& cal);

// The energization date: the latest finish of the stages without successors, or nullopt when one of
// them has not finished.
[[nodiscard]] std::optional<Date> energization_date(const model::Project& project);

// Assesses one order. `as_of` decides whether a missing revisit is already due.
[[nodiscard]] ProjectAssessment assess_project(const model::Project& project, const PlanReference& ref,
                                               const calendar::WorkingCalendar& cal, Date as_of);

struct WorstCase {
  std::string project_id;
  std::string stage_id;
  std::string stage_name;
  int overrun_days = 0;
};

struct DepartmentAssessment {
  std::string dept;
  int assessed = 0;     // stages assessed
  int on_time = 0;      // overrun 0
  int overran = 0;
  int overrun_days = 0; // sum
  std::vector<WorstCase> worst; // largest overruns first (at most k_worst_cases)

  [[nodiscard]] double on_time_rate() const { return assessed == 0 ? 1.0 : static_cast<double>(on_time) / assessed; }
};

inline constexpr std::size_t k_worst_cases = 3;

// Non-customer stages of assessed orders, by department, ranked worst first: overrun_days desc,
// then overran desc, then the department name.
[[nodiscard]] std::vector<DepartmentAssessment> assess_departments(const std::vector<ProjectAssessment>& projects);

// The period of `assess --from/--to` (inclusive, each optional).
struct Period {
  std::optional<Date> from;
  std::optional<Date> to;
  [[nodiscard]] bool contains(Date d) const { return (!from || d >= *from) && (!to || d <= *to); }
};

// The whole run: orders energized in the period (assessed and incomplete), the counts of the rest,
// the department summary and the files that could not be read.
struct Assessment {
  Period period;
  Date as_of;
  std::vector<ProjectAssessment> projects; // in the order given (sorted paths)
  int skipped_not_energized = 0;
  int outside_period = 0;
  std::vector<DepartmentAssessment> departments;
  std::vector<Diagnostic> errors;          // files that could not be assessed (file:line:col)
  std::vector<Diagnostic> warnings;        // provisional calendars, no baseline ...
};

// Keeps the orders of `all` that are energized within the period (counting the others) and
// summarizes the departments.
[[nodiscard]] Assessment make_assessment(std::vector<ProjectAssessment> all, Period period, Date as_of);

} // namespace yekuo::track
