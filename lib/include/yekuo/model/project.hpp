#pragma once
// One order (one TOML project file) as plain validated data. Every field that a later
// stage may complain about keeps its SourceLoc, so tracking and assessment can point
// back into the file.
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/calendar/date.hpp>
#include <yekuo/util/diagnostic.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace yekuo::model {

using calendar::Date;

inline constexpr std::size_t k_no_index = static_cast<std::size_t>(-1);
// The department name that marks a customer-side stage (party = customer).
inline constexpr const char* k_customer_dept = "客户";

enum class DepType { fs, ss, ff };

[[nodiscard]] const char* dep_type_name(DepType t); // "FS", "SS", "FF"

struct Dependency {
  std::string stage;                // predecessor id as written
  std::size_t pred = k_no_index;    // resolved index into Project::stages
  DepType type = DepType::fs;
  int lag = 0;                      // working days, may be negative
  SourceLoc loc;                    // the entry in `after`
};

enum class DurationUnit { working_days, calendar_days };

struct Stage {
  std::string id;
  std::string name;
  std::string dept;                 // responsible department; "客户" for customer stages
  bool customer = false;            // party = customer (dept == "客户" or party = "customer")
  int duration = 0;                 // `days` or `calendar_days`
  DurationUnit unit = DurationUnit::working_days;
  std::optional<int> min_duration;  // `min_days`, in the stage's own unit
  std::vector<Dependency> after;
  std::string note;
  // `finish_within = N` (承诺时限): the stage must finish within N working days after `applied`;
  // its deadline is the earlier of point(applied) + N and its back-scheduled latest finish.
  std::optional<int> finish_within;
  std::string owner;                // `owner`: the responsible person (optional, "" when absent)
  SourceLoc loc;                    // the [[stage]] table
  SourceLoc duration_loc;
  SourceLoc finish_within_loc;

  [[nodiscard]] bool is_milestone() const { return duration == 0; }
};

struct Progress {
  std::string stage;
  std::size_t index = k_no_index;
  std::optional<Date> started;
  std::optional<Date> finished;
  std::string note;
  SourceLoc loc;
  SourceLoc started_loc;
  SourceLoc finished_loc;
};

struct Delay {                      // customer-caused delay (客户原因)
  std::string stage;
  std::size_t index = k_no_index;
  Date from;
  Date to;                          // inclusive
  std::string reason;
  std::optional<Date> reported;     // must be within the stage's deadline to be excluded
  SourceLoc loc;
};

struct Revisit {                    // 95598 回访
  std::optional<Date> date;
  std::optional<bool> satisfied;
  std::vector<std::string> issues;
  SourceLoc loc;
};

struct Inspection {                 // 回头看: the follow-up inspection after energization
  std::optional<Date> date;
  std::string result;               // "ok" | "issues" ("" when not given)
  std::string note;
  SourceLoc loc;
};

// [[coordination]]: the customer manager's coordination of a stage (客户经理协调), the first rung of the
// escalation ladder (docs/tracking.md#the-escalation-ladder).
struct Coordination {
  std::string stage;
  std::size_t index = k_no_index;
  Date date;
  std::string by;                   // who coordinated ("" when not given)
  bool resolved = false;            // outcome = "resolved" | "unresolved"
  std::string note;
  SourceLoc loc;
};

// [[ruling]]: the marketing department's decision on an assessment suggestion (核实, 申诉;
// docs/assessment.md#decisions-核实-申诉).
enum class RulingDecision { upheld, waived, appealed };

struct Ruling {
  std::string stage;
  std::size_t index = k_no_index;
  RulingDecision decision = RulingDecision::upheld;
  Date date;
  std::string by;                   // who decided ("" when not given)
  std::string reason;
  SourceLoc loc;
};

// The escalation ladder's thresholds (organization settings, `[escalation]` of the --calendar file):
// a stage at least `director_days` working days overdue goes to the centre's director (level 2), at
// least `deputy_days` to the deputy general manager (level 3).
struct EscalationThresholds {
  int director_days = 5;
  int deputy_days = 10;
};

struct ProjectInfo {
  std::string id;
  std::string name;
  std::string customer;
  double voltage_kv = 0;
  double capacity_kva = 0;
  bool key_project = false;         // 政府重点项目
  bool important = false;           // other important project (extension key)
  bool live_line_work = false;      // 接入工程需带电作业
  std::string customer_manager;
  Date applied;                     // 受理日期
  Date target;                      // 客户期望接电日期
  std::vector<std::string> customer_items;
  std::vector<std::string> customer_payments;
  std::vector<std::string> notes;
  SourceLoc loc;
  SourceLoc applied_loc;
  SourceLoc target_loc;
};

struct Project {
  int schema = 1;
  std::string file;                 // path as given on the command line
  ProjectInfo info;
  std::vector<Stage> stages;        // in file order
  std::vector<Progress> progress;
  std::vector<Delay> delays;
  std::optional<Revisit> revisit;
  std::optional<Inspection> inspection;
  std::vector<Coordination> coordinations; // file order
  std::vector<Ruling> rulings;             // file order
  calendar::CalendarOverrides calendar; // from the file's optional [calendar] table

  // Index of a stage id, or k_no_index.
  [[nodiscard]] std::size_t find_stage(std::string_view id) const;
  // The progress record of stage i, or nullptr.
  [[nodiscard]] const Progress* progress_of(std::size_t stage_index) const;
  // Stage indices without successors: the stages that end the project (energization).
  [[nodiscard]] std::vector<std::size_t> final_stages() const;
  // The energization date: the latest finish of the final stages when every one of them has a
  // finish (on or before `as_of` when given); nullopt otherwise, and for a project without stages.
  [[nodiscard]] std::optional<Date> energization_date(std::optional<Date> as_of = std::nullopt) const;
};

} // namespace yekuo::model
