#pragma once
// The scheduling engine's input: activities on integer working-day points (SPEC §2).
// Deliberately more general than one project file, so the rolling forecast (fixed actuals,
// release points) and, later, capacity-aware planning can feed the same engine.
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/model/project.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace yekuo::schedule {

using calendar::WorkPoint;

struct Link {
  std::size_t pred = 0;
  model::DepType type = model::DepType::fs;
  int lag = 0;
};

struct Activity {
  std::string id;                                     // the stage id, for error messages
  int duration = 0;                                   // in `unit`
  model::DurationUnit unit = model::DurationUnit::working_days;
  std::optional<int> min_duration;                    // for compression advice
  std::vector<Link> preds;
  std::optional<WorkPoint> release;                   // forward pass: start no earlier than this point
  std::optional<WorkPoint> finish_release;            // forward pass: finish no earlier than this point
                                                      // (an unfinished stage cannot finish in the past)
  // Tracking: an actual that is already known. A fixed start pins the forward start; a fixed
  // finish pins the forward finish too (the stage is done).
  std::optional<WorkPoint> fixed_start;
  std::optional<WorkPoint> fixed_finish;
  // Tracking, calendar-day stages only: the recorded first day, a fact that may be a rest day
  // (customer civil works started on a Saturday). With it the stage's finish counts its calendar
  // days from that day (fin = point(day + c - 1)) instead of from the first working day after
  // fixed_start; fixed_start must then be the point before the day (point(day) - 1 for a working
  // day, point(day) for a rest day; track::start_point_of gives it).
  std::optional<calendar::Date> fixed_start_date;
  // Backward pass: finish no later than this point (a promised time limit, `finish_within`:
  // point(applied) + N). It caps the latest finish like the target does and propagates to the
  // predecessors; a forward pass that cannot meet it leaves negative float (infeasible).
  std::optional<WorkPoint> finish_by;
};

struct Network {
  std::vector<Activity> activities; // same indices as Project::stages
  std::vector<std::size_t> order;   // a topological order of the activities
  WorkPoint start = 0;              // point(applied)
  WorkPoint target = 0;             // point(target)
};

// Builds the network of a validated, acyclic project. `target` overrides the file's target
// (yekuo plan --target). Throws InputError if a date is outside the calendar.
[[nodiscard]] Network make_network(const model::Project& project, const calendar::WorkingCalendar& cal,
                                   std::optional<calendar::Date> target = std::nullopt);

} // namespace yekuo::schedule
