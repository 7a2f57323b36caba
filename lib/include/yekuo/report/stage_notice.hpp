#pragma once
// A stage named to someone outside its project's block: an escalation of `evaluate`, an item of
// `remind` (JSON: report::write_notice_json).
#include <yekuo/calendar/date.hpp>
#include <yekuo/track/evaluate.hpp>

#include <string>
#include <vector>

namespace yekuo::report {

// Owns its text, so it outlives the project's evaluation.
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
  std::vector<std::string> blocks_names; // their names (the tables show names)
  std::string owner;            // the stage's responsible person ("" when not given)
  int level = 0;                // escalation level 1..3 (0: not escalated); written for escalations only
  int unresolved_coordinations = 0;
  int overdue_working_days = 0;

  friend bool operator==(const StageNotice&, const StageNotice&) = default;
};
[[nodiscard]] StageNotice make_notice(const track::ProjectEvaluation& project, const track::StageEvaluation& stage);

} // namespace yekuo::report
