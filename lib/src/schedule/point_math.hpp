#pragma once
// Private helper of the scheduling engine: the finish function of SPEC §2 and its inverses on
// 64-bit integers, with range checks that name the stage. Every point the engine hands out lies
// in [1, N-1] (N = the calendar's last point), so date_of(p) and date_of(p + 1) always exist.
#include <yekuo/schedule/network.hpp>

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace yekuo::schedule::detail {

class PointMath {
public:
  explicit PointMath(const calendar::WorkingCalendar& cal);

  [[nodiscard]] std::int64_t lowest() const { return 1; }
  [[nodiscard]] std::int64_t highest() const { return m_last_point - 1; }

  // `p` as a WorkPoint, or InputError naming the stage and `what` ("earliest start" ...).
  [[nodiscard]] WorkPoint checked(std::int64_t p, const Activity& a, std::size_t index, std::string_view what) const;
  // The same for a project-level point ("start point", "target point").
  [[nodiscard]] WorkPoint checked_project(std::int64_t p, std::string_view what) const;

  // fin(s): working-day stage s + d; calendar-day stage of c >= 1 days point(date_of(s+1) + c - 1).
  // For a calendar-day stage, s must be a valid point or 0 (InputError otherwise).
  [[nodiscard]] std::int64_t fin(const Activity& a, std::size_t index, std::int64_t s) const;
  // The calendar day a calendar-day stage started after s ends on: date_of(s+1) + c - 1, as a
  // day number (Date::days()). InputError when it is outside the calendar.
  [[nodiscard]] std::int64_t last_day(const Activity& a, std::size_t index, std::int64_t s) const;
  // The same from a recorded first day (a rest day allowed): day + c - 1.
  [[nodiscard]] std::int64_t last_day_from(const Activity& a, std::size_t index, calendar::Date first) const;
  // point(day) for a day number inside the calendar.
  [[nodiscard]] std::int64_t point_of_day(std::int64_t day) const;
  // The point from which a stage whose last day is `day` lets the project be energized: point(day)
  // when `day` is a working day, point(day) + 1 when it is a rest day (the next working day).
  [[nodiscard]] std::int64_t done_point_of_day(std::int64_t day) const;
  // The largest s whose calendar-day stage ends on or before date_of(t) (the target compared by
  // date: a stage ending on the Sunday after a Friday target is late). Working-day stages: t - d.
  [[nodiscard]] std::int64_t latest_start_done_by(const Activity& a, std::int64_t t) const;
  // The largest s with fin(s) <= f. A result outside [1, N-1] means no valid start exists.
  [[nodiscard]] std::int64_t latest_start_by(const Activity& a, std::int64_t f) const;
  // The smallest s with fin(s) >= g. A result outside [1, N-1] means no valid start exists.
  [[nodiscard]] std::int64_t earliest_start_at_least(const Activity& a, std::int64_t g) const;

  [[nodiscard]] const calendar::WorkingCalendar& calendar() const { return m_cal; }

private:
  const calendar::WorkingCalendar& m_cal;
  std::int64_t m_last_point = 0;
  std::int64_t m_first_day = 0;
  std::int64_t m_last_day = 0;
};

// A link seen from its predecessor: the reverse of Activity::preds.
struct SuccLink {
  std::size_t succ = 0;
  model::DepType type = model::DepType::fs;
  int lag = 0;
};

// Each activity's successor links, in the order of the activities and of their preds.
[[nodiscard]] inline std::vector<std::vector<SuccLink>> successor_links(const Network& n) {
  std::vector<std::vector<SuccLink>> out(n.activities.size());
  for (std::size_t i = 0; i < n.activities.size(); ++i)
    for (const Link& l : n.activities[i].preds) out[l.pred].push_back({i, l.type, l.lag});
  return out;
}

// The latest start of `a`, no later than `s`, that its successors allow (SPEC §2, read backwards):
// FS succ.start >= fin + lag, SS succ.start >= start + lag, FF succ.finish >= fin + lag, where
// `start_of(k)` / `finish_of(k)` are successor k's points (its latest dates in the backward pass,
// its placed dates in the capacity placement).
template <class StartOf, class FinishOf>
[[nodiscard]] std::int64_t latest_start_for_successors(const PointMath& pm, const Activity& a,
                                                       const std::vector<SuccLink>& links, std::int64_t s,
                                                       StartOf&& start_of, FinishOf&& finish_of) {
  for (const SuccLink& l : links) {
    switch (l.type) {
    case model::DepType::fs: s = std::min(s, pm.latest_start_by(a, std::int64_t{start_of(l.succ)} - l.lag)); break;
    case model::DepType::ss: s = std::min<std::int64_t>(s, std::int64_t{start_of(l.succ)} - l.lag); break;
    case model::DepType::ff: s = std::min(s, pm.latest_start_by(a, std::int64_t{finish_of(l.succ)} - l.lag)); break;
    }
  }
  return s;
}

// True when the activity's duration counts calendar days (and is not a milestone).
[[nodiscard]] inline bool counts_calendar_days(const Activity& a) {
  return a.unit == model::DurationUnit::calendar_days && a.duration > 0;
}

} // namespace yekuo::schedule::detail
