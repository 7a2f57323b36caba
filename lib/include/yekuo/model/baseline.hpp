#pragma once
// The confirmed plan (基线): what `yekuo plan --confirm` records next to the project file
// (NAME.baseline.toml). Revisions are only ever appended: a rolling adjustment agreed with the
// customer adds a revision with its reason and keeps the earlier ones. Tracking and assessment
// measure against the newest revision.
#include <yekuo/calendar/date.hpp>
#include <yekuo/model/project.hpp>
#include <yekuo/util/diagnostic.hpp>

#include <string>
#include <vector>

namespace yekuo::model {

struct BaselineStage {
  std::string id;
  std::string name;
  std::string dept;
  bool customer = false;
  DurationUnit unit = DurationUnit::working_days;
  int duration = 0;        // in `unit`, as planned
  int limit_days = 0;      // working days the plan gives the stage (finish point - start point)
  Date start;              // planned start (first day occupied; for a milestone its day)
  Date deadline;           // planned finish = the stage's deadline (工作时限)
};

struct BaselineRevision {
  int number = 0;          // 1, 2, ...
  Date confirmed;          // the day it was confirmed
  std::string reason;      // "初次确认" for the first; the agreed reason for later ones
  Date applied;
  Date target;
  Date planned_energization;
  std::vector<BaselineStage> stages;
  SourceLoc loc;

  // Index of a stage id in `stages`, or k_no_index.
  [[nodiscard]] std::size_t find_stage(std::string_view id) const;
};

struct Baseline {
  std::string project_id;
  std::vector<BaselineRevision> revisions; // oldest first; never empty when loaded
  SourceLoc project_loc;                   // where `project` is in the file (when read from one)

  [[nodiscard]] const BaselineRevision& current() const { return revisions.back(); }
};

} // namespace yekuo::model
