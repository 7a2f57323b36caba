#pragma once
// The weekly evaluation (《"订单式"服务工作考评表》) of one order and of a portfolio of order
// files: status of every stage as of a date, rolling forecast, project state, summary per
// department and the escalation list (docs/tracking.md).
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/calendar/calendar_cache.hpp>
#include <yekuo/model/project.hpp>
#include <yekuo/schedule/plan_outcome.hpp>
#include <yekuo/schedule/stage_dates.hpp>
#include <yekuo/track/follow_up.hpp>
#include <yekuo/track/forecast.hpp>
#include <yekuo/track/plan_reference.hpp>
#include <yekuo/track/portfolio.hpp>
#include <yekuo/track/status.hpp>
#include <yekuo/track/tracked_project.hpp>
#include <yekuo/util/diagnostic.hpp>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace yekuo::track {

enum class ProjectState { on_track, at_risk, late };

[[nodiscard]] const char* state_word(ProjectState s); // "on_track", "at_risk", "late"

// One customer-delay record as shown beside its stage.
struct DelayView {
  calendar::Date from;
  calendar::Date to;
  std::optional<calendar::Date> reported;
  std::string reason;
  DelayVerdict verdict = DelayVerdict::not_reported;
  int days = 0;
};

struct StageEvaluation {
  std::size_t index = 0;          // Project::stages index
  std::string id;
  std::string name;
  std::string dept;
  std::string owner;              // the responsible person (`owner`), "" when not given
  bool customer = false;
  bool milestone = false;
  bool from_baseline = true;      // false: the stage is not in the baseline (measured against the current plan)
  calendar::Date planned_start;   // from the reference
  int limit_days = 0;             // from the reference
  StageState state;
  std::vector<DelayView> delays;
  // Blocked by a predecessor (StageVerdict::available is false): the stage that holds the work and
  // its department; never overdue or escalated itself.
  std::string blocked_by;          // stage id ("" when available)
  std::string blocked_by_name;
  std::string blocked_by_dept;
  std::string waiting_for;         // the direct predecessor that blocks it
  std::vector<std::string> blocks; // ids of the stages this one holds up (their blocked_by), display order
  std::vector<std::string> blocks_names; // their names, same order
  bool calendar_days = false;      // limit and days late count calendar days
  int held_by_revision = 0;        // a baseline revision that could not move the stage (0: none)
  HoldReason held = HoldReason::none;
  int revision = 0;                // the baseline revision whose window is in force (0: current plan)
  std::optional<schedule::DateSpan> forecast; // forecast dates (when a forecast was made)
  int forecast_float = 0;         // finish float in the forecast (lf - ef), working days
  bool critical = false;          // least finish float in the forecast
  bool driver = false;            // critical and unfinished or done late
  // Week flags (A = as-of date): the effective deadline falls in (A, A + 7 days] and the stage
  // is unfinished; finished within [A - 6 days, A].
  bool due_this_week = false;
  bool finished_this_week = false;
  bool due_today = false;         // unfinished and the effective deadline is A itself
  // The escalation ladder (escalates() only; docs/tracking.md#the-escalation-ladder): the unresolved
  // [[coordination]] records of the stage dated on or before A, the working days from the effective
  // deadline to A, and the level (1 customer manager, 2 centre director, 3 deputy general manager; 0
  // when the stage is not escalated).
  int unresolved_coordinations = 0;
  int overdue_working_days = 0;
  int escalation_level = 0;
  // Shown in the weekly table: overdue, due today or this week, finished this week, or in progress.
  // (A stage held up by a predecessor is named on the holder's row and escalation: 阻塞.)
  [[nodiscard]] bool matters_this_week() const;
};

struct ProjectEvaluation {
  std::string file;
  std::string id;
  std::string name;
  std::string customer;
  std::string customer_manager;
  calendar::Date applied;
  calendar::Date target;                       // the customer's target date
  bool energized = false;                      // every final stage finished by the as-of date
  std::vector<FollowUp> follow_up;             // energized: revisit / inspection not recorded yet
  bool not_yet_applied = false;                // applied after the as-of date: not an active order then
  bool has_baseline = false;
  int baseline_revision = 0;
  calendar::Date baseline_confirmed;
  std::vector<std::string> stages_not_in_baseline;
  calendar::Date planned_energization;         // from the reference
  bool has_forecast = false;
  calendar::Date forecast_energization;
  int slip_days = 0;                           // working days the forecast is behind the planned energization
  ProjectState state = ProjectState::on_track;
  std::vector<StageEvaluation> stages;         // display order of the plan (topological, earlier first)
  std::vector<int> provisional_years;          // years without official holiday data the plan touches
  std::vector<std::string> notes;              // loader warnings (English-neutral facts), for JSON
  const calendar::WorkingCalendar* calendar = nullptr; // for the Gantt's non-working days

  [[nodiscard]] bool any_overdue() const;
  // On the weekly table: applied by the as-of date and not energized yet.
  [[nodiscard]] bool active() const { return !energized && !not_yet_applied; }
  [[nodiscard]] const StageEvaluation* find_stage(std::string_view id) const;
};

struct EvaluateOptions {
  calendar::Date as_of;
  bool forecast = true; // `remind` does not need it
  model::EscalationThresholds escalation; // the organization's ladder (--calendar FILE [escalation])
};

// The level of an escalated stage: min(3, max(1 + unresolved coordinations, 2 when at least
// director_days working days overdue, 3 when at least deputy_days)).
[[nodiscard]] int escalation_level(int unresolved_coordinations, int overdue_working_days,
                                   const model::EscalationThresholds& thresholds);
[[nodiscard]] const char* escalation_level_word(int level); // "customer_manager", "director", "deputy_general_manager"

// The evaluation of one loaded order. The project must be validated; `plan` is its current
// plan and `reference` what it is measured against.
[[nodiscard]] ProjectEvaluation evaluate_project(const model::Project& project, const schedule::PlanOutcome& plan,
                                                 const PlanReference& reference, const calendar::WorkingCalendar& cal,
                                                 const EvaluateOptions& options);
[[nodiscard]] ProjectEvaluation evaluate_project(const TrackedProject& tracked, const EvaluateOptions& options);

// Summary per responsible department over the active (not energized) projects.
struct DepartmentSummary {
  std::string dept;
  bool customer = false;   // the customer's own stages (客户), listed after the departments
  int stages = 0;          // stages of the department in active projects
  int open = 0;            // not finished as of the as-of date
  int overdue = 0;
  int due_this_week = 0;
  int done_on_time = 0;
  int done_late = 0;
  // done_on_time / (done_on_time + done_late); nullopt when nothing is done yet.
  [[nodiscard]] std::optional<double> on_time_rate() const;
};

// The department summary built one project at a time (a streamed report keeps only this).
class DepartmentTally {
public:
  void add(const ProjectEvaluation& project); // energized projects are not counted
  // Departments in the SPEC's order (营销部, 客户服务中心, 发展策划部, ...), then others by
  // name, then the customer.
  [[nodiscard]] std::vector<DepartmentSummary> summaries() const;

private:
  std::map<std::pair<bool, std::string>, DepartmentSummary> m_by_dept; // (customer, dept)
};

// The order of DepartmentTally::summaries() (reports that group by department list them alike).
[[nodiscard]] bool department_listed_before(bool x_customer, std::string_view x_dept, bool y_customer,
                                            std::string_view y_dept);

// DepartmentTally over the projects.
[[nodiscard]] std::vector<DepartmentSummary> summarize_departments(const std::vector<const ProjectEvaluation*>& projects);

// An overdue department stage the customer manager takes to the centre's director.
struct Escalation {
  const ProjectEvaluation* project = nullptr;
  const StageEvaluation* stage = nullptr;
};

// An overdue stage of a department (not the customer's): the customer manager escalates it.
[[nodiscard]] bool escalates(const StageEvaluation& stage);

// Overdue non-customer stages of the given projects, worst first (days late, then project
// file order, then stage display order).
[[nodiscard]] std::vector<Escalation> escalations(const std::vector<const ProjectEvaluation*>& projects);

// --- Portfolio -----------------------------------------------------------------------------

struct FileResult {
  std::string file;
  std::optional<ProjectEvaluation> evaluation; // nullopt when the file is bad
  std::vector<Diagnostic> errors;              // why it is bad (file:line:col)
  std::vector<Diagnostic> warnings;
};

struct PortfolioEvaluation {
  calendar::Date as_of;
  std::vector<FileResult> files;               // same order as the input files

  // Projects that are loaded and not energized, in file order.
  [[nodiscard]] std::vector<const ProjectEvaluation*> active() const;
  [[nodiscard]] int energized_count() const;
  [[nodiscard]] int error_count() const;       // bad files
  [[nodiscard]] bool any_overdue() const;      // in an active project
};

// An evaluated item of the portfolio pipeline as the reports take it (the loader's warnings
// become the evaluation's notes).
[[nodiscard]] FileResult evaluated_file(PortfolioItem<ProjectEvaluation>&& item);

// for_each_order (track/portfolio.hpp) with evaluate_project as the work: every file's
// FileResult handed to `consume` in input order as soon as it is ready, then the unusable paths.
void evaluate_files(const PortfolioInputs& inputs, const PortfolioLoad& load, const EvaluateOptions& options,
                    const std::function<void(FileResult&&)>& consume);

// evaluate_files, all results kept in memory (input order).
[[nodiscard]] PortfolioEvaluation evaluate_portfolio(const PortfolioInputs& inputs, const PortfolioLoad& load,
                                                     const EvaluateOptions& options);

} // namespace yekuo::track
