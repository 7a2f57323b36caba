#pragma once
// Assessment after energization (考核, SPEC §1 Assess; docs/assessment.md walks through every rule
// with an example). The figures of every stage are its verdict under the one rule of
// track/stage_verdict.hpp, the same that the weekly table uses: the overrun of a finished stage is
// exactly its days late there.
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/model/project.hpp>
#include <yekuo/track/plan_reference.hpp>
#include <yekuo/track/revisit.hpp>
#include <yekuo/track/stage_verdict.hpp>
#include <yekuo/util/diagnostic.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace yekuo::track {

// The marketing department's decision on a stage (核实, 申诉; docs/assessment.md#decisions-核实-申诉):
// the latest [[ruling]] of the stage by date dated on or before the as-of date (ties: the later one in the
// file), `pending` without one.
enum class Decision { pending, upheld, waived, appealed };

[[nodiscard]] const char* decision_name(Decision d); // "pending" | "upheld" | "waived" | "appealed"

struct StageAssessment {
  std::size_t index = model::k_no_index;
  std::string id;
  std::string name;
  std::string dept;
  std::string owner;             // the responsible person (`owner`), "" when not given
  bool customer = false;         // customer-side stage: shown, never suggested for assessment
  bool milestone = false;
  int limit_days = 0;            // the determined time limit (working days, or calendar days when calendar_days)
  bool calendar_days = false;    // every figure of the stage counts calendar days
  Date planned_start;
  Date planned_deadline;
  bool from_baseline = false;
  int revision = 0;              // the baseline revision whose window is in force (0: current plan)
  HoldReason held = HoldReason::none; // a later revision could not move it (finished / deadline passed)
  int held_by_revision = 0;
  ClockStart clock;
  Date clock_start;              // first working day counted (a milestone: the day of its point)
  std::optional<Date> actual_start; // recorded, for information only
  Date actual_finish;
  Date effective_deadline;       // later of the planned deadline and clock start + limit: reports by then count
  Date due;                      // clock start + limit + customer days excluded
  int handling_days = 0;
  int customer_days_excluded = 0;
  int net_days = 0;
  int overrun_days = 0;
  std::vector<DelayEvidence> delays;
  // Working-day spans (first, last day) excluded as customer-caused, de-overlapped.
  std::vector<std::pair<Date, Date>> excluded_spans;
  Decision decision = Decision::pending; // the ruling in force ([[ruling]])
  std::optional<Date> decision_date;     // its date, by and reason (nullopt / "" when pending)
  std::string decision_by;
  std::string decision_reason;

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
  double voltage_kv = 0;                   // [project] voltage_kv (0: not given), for the summary by voltage
  OrderState state = OrderState::not_energized;
  Date applied;
  Date target;
  Date planned_energization;
  bool has_baseline = false;
  int baseline_revision = 0;
  std::vector<std::string> stages_not_in_baseline; // measured against the current plan (flagged)
  std::optional<Date> energized;
  std::vector<std::string> missing_finish; // stage ids without a finish (state == incomplete)
  std::vector<std::string> missing_finish_names; // their names, same order
  int total_working_days = 0;              // point(energized) - point(applied)
  int total_calendar_days = 0;             // energized - applied
  int vs_planned_working_days = 0;         // point(energized) - point(planned energization); > 0 later
  int vs_target_working_days = 0;          // point(energized) - point(target); > 0 later
  std::vector<StageAssessment> stages;     // file order; empty unless assessed
  std::optional<RevisitResult> revisit;    // energized orders only
  std::optional<InspectionResult> inspection; // energized orders only (回头看)
  const calendar::WorkingCalendar* calendar = nullptr; // for pictures (non-working days); not owned
};

// The energization date as known on `as_of`: the latest finish of the stages without successors,
// or nullopt when one of them has not finished by then.
[[nodiscard]] std::optional<Date> energization_date(const model::Project& project, Date as_of);

// Assesses one order as known on `as_of` (finishes, reports and the revisit dated after it do not
// count; `as_of` also decides whether a missing revisit is already due).
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
  int waived = 0;       // overrun stages whose suggestion was waived: in `assessed`, not in on_time/overran/worst
  int appealed = 0;     // overrun stages under appeal: shown apart, not in on_time/overran/worst until upheld
  int appealed_days = 0; // their overrun days (not in overrun_days)
  std::vector<WorstCase> worst; // largest overruns first (at most k_worst_cases)

  [[nodiscard]] double on_time_rate() const { return assessed == 0 ? 1.0 : static_cast<double>(on_time) / assessed; }
};

inline constexpr std::size_t k_worst_cases = 3;

// Non-customer stages of assessed orders, by department (assessed = on_time + overran + waived +
// appealed; a waived or appealed stage without overrun counts as on time), ranked worst first: overrun_days desc,
// then overran desc, then the department name.
[[nodiscard]] std::vector<DepartmentAssessment> assess_departments(const std::vector<ProjectAssessment>& projects);

// Portfolio figures of the orders energized in the period ("平均接电周期缩短了近15天";
// docs/assessment.md#portfolio-figures). The population is every order of Assessment::projects
// (energized in the period, assessed or incomplete: the totals need only the dates). A rate or an
// average over an empty denominator is nullopt (JSON null), never 0.
struct VoltageFigures {
  double voltage_kv = 0;       // 0: voltage not given in the file
  int energized = 0;
  long total_working_days = 0;
  [[nodiscard]] double average_working_days() const { return static_cast<double>(total_working_days) / energized; }
};

struct PortfolioSummary {
  int energized = 0;            // orders energized in the period
  long total_working_days = 0;  // sums over them
  long total_calendar_days = 0;
  int on_target = 0;            // energized on or before the customer's target date
  int revisit_done = 0;         // revisit recorded (as known on the as-of date)
  int revisit_due = 0;          // revisit recorded, or its deadline passed without one: the on-time rate's denominator
  int revisit_on_time = 0;      // recorded on or before its deadline
  int satisfaction_known = 0;   // recorded revisits with `satisfied` given: the satisfied rate's denominator
  int satisfied = 0;            // ... with satisfied = true
  std::vector<VoltageFigures> by_voltage; // ascending voltage; orders without a voltage last

  [[nodiscard]] std::optional<double> average_working_days() const;   // total / energized
  [[nodiscard]] std::optional<double> average_calendar_days() const;  // total / energized
  [[nodiscard]] std::optional<double> on_target_rate() const;         // on_target / energized
  [[nodiscard]] std::optional<double> revisit_on_time_rate() const;   // revisit_on_time / revisit_due
  [[nodiscard]] std::optional<double> satisfied_rate() const;         // satisfied / satisfaction_known
};

[[nodiscard]] PortfolioSummary summarize_portfolio(const std::vector<ProjectAssessment>& projects);

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
  PortfolioSummary summary;                // over `projects`
  std::vector<Diagnostic> errors;          // files that could not be assessed (file:line:col)
  std::vector<Diagnostic> warnings;        // provisional calendars, no baseline ...
};

// Keeps the orders of `all` that are energized within the period (counting the others) and
// summarizes the departments.
[[nodiscard]] Assessment make_assessment(std::vector<ProjectAssessment> all, Period period, Date as_of);

} // namespace yekuo::track
