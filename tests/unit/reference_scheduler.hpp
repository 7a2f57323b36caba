#pragma once
// A deliberately naive scheduler, written only for the tests, to check the engine date for date.
// It never uses point(), date_of() or add_working_days(): it walks the calendar one day at a
// time with is_working_day() and relaxes every constraint until nothing changes (Bellman-Ford
// style, in stage index order, not in topological order).
//
// A "point" is represented by the working day at whose end it happens (SPEC §2: point(date)
// counts the working days on or before the date, so a point is the end of a working day).
#include "test_dates.hpp"

#include <yekuo/calendar/calendar.hpp>
#include <yekuo/model/project.hpp>

#include <algorithm>
#include <optional>
#include <vector>

namespace reference {

using yekuo::calendar::Date;
using yekuo::calendar::WorkingCalendar;

// Forecast inputs, as the working days at whose end the event happens. fixed_start_day: a
// calendar-day stage in progress whose recorded first day (possibly a rest day) is that day; its
// fixed_start is then the working day before it (snap_back(day - 1)).
struct Extras {
  std::optional<Date> release, finish_release, fixed_start, fixed_finish, fixed_start_day;
};

struct Timing {
  Date es, ef, ls, lf;                            // point days
  Date done;                                      // the first working day the project can be energized after it
  Date early_start, early_finish;                 // as displayed
  Date late_start, late_finish;                   // as displayed (deadline = late_finish)
  int total_float = 0;                            // working days from es to ls, walked
};

struct Result {
  Date start, target;
  std::vector<Timing> timings;
  Date earliest_finish;
  int min_float = 0;
  bool feasible = true;
};

class Scheduler {
public:
  explicit Scheduler(const WorkingCalendar& cal) : m_cal(cal) {}

  // The last working day on or before d.
  Date snap_back(Date d) const {
    while (!m_cal.is_working_day(d)) d = d.plus_days(-1);
    return d;
  }
  // The working day k working days after (k > 0) or before (k < 0) the working day p.
  Date shift(Date p, int k) const {
    while (k > 0) {
      p = p.plus_days(1);
      if (m_cal.is_working_day(p)) --k;
    }
    while (k < 0) {
      p = p.plus_days(-1);
      if (m_cal.is_working_day(p)) ++k;
    }
    return p;
  }
  // Signed number of working days from point a to point b.
  int between(Date a, Date b) const {
    int n = 0;
    while (a < b) {
      a = shift(a, 1);
      ++n;
    }
    while (b < a) {
      b = shift(b, 1);
      --n;
    }
    return n;
  }
  static bool calendar_days(const yekuo::model::Stage& st) {
    return st.unit == yekuo::model::DurationUnit::calendar_days && st.duration > 0;
  }
  // The calendar day a calendar-day stage started at point s ends on.
  Date last_day(const yekuo::model::Stage& st, Date s) const {
    const Date first = shift(s, 1); // the first working day after the start point
    return first.plus_days(st.duration - 1);
  }
  // Finish point of a stage started at point s.
  Date fin(const yekuo::model::Stage& st, Date s) const {
    if (!calendar_days(st)) return shift(s, st.duration);
    return snap_back(last_day(st, s));
  }
  // The first working day on or after d.
  Date snap_forward(Date d) const {
    while (!m_cal.is_working_day(d)) d = d.plus_days(1);
    return d;
  }

  Result run(const yekuo::model::Project& p, const std::vector<Extras>& extras = {}) const {
    using yekuo::model::DepType;
    const auto& st = p.stages;
    const std::size_t n = st.size();
    auto extra = [&](std::size_t i) { return i < extras.size() ? extras[i] : Extras{}; };
    Result r;
    r.start = snap_back(p.info.applied);
    r.target = snap_back(p.info.target);
    r.timings.resize(n);
    auto& t = r.timings;

    // Forward: start everything at the bottom and raise until every constraint holds.
    for (std::size_t i = 0; i < n; ++i) {
      t[i].es = r.start;
      t[i].ef = fin(st[i], r.start);
    }
    for (bool changed = true; changed;) {
      changed = false;
      for (std::size_t i = 0; i < n; ++i) {
        const Extras x = extra(i);
        Date es, ef;
        Date done;
        if (x.fixed_start) {
          es = *x.fixed_start;
          const bool from_day = x.fixed_start_day && calendar_days(st[i]) && !x.fixed_finish;
          const Date last = from_day ? x.fixed_start_day->plus_days(st[i].duration - 1) : last_day(st[i], es);
          ef = x.fixed_finish ? *x.fixed_finish : (calendar_days(st[i]) ? snap_back(last) : fin(st[i], es));
          const Date own = ef;
          if (!x.fixed_finish && x.finish_release) ef = std::max(ef, *x.finish_release);
          done = (!x.fixed_finish && calendar_days(st[i]) && ef == own) ? snap_forward(last) : ef;
        } else {
          Date s = r.start;
          if (x.release) s = std::max(s, *x.release);
          std::optional<Date> g = x.finish_release;
          for (const auto& d : st[i].after) {
            const Timing& q = t[d.pred];
            if (d.type == DepType::fs) s = std::max(s, shift(q.ef, d.lag));
            if (d.type == DepType::ss) s = std::max(s, shift(q.es, d.lag));
            if (d.type == DepType::ff) g = std::max(g.value_or(shift(q.ef, d.lag)), shift(q.ef, d.lag));
          }
          while (g && fin(st[i], s) < *g) s = shift(s, 1);
          if (x.fixed_finish) {
            ef = *x.fixed_finish;
            es = std::min(s, ef);
            done = ef;
          } else {
            es = s;
            ef = fin(st[i], s);
            done = calendar_days(st[i]) ? snap_forward(last_day(st[i], s)) : ef;
          }
        }
        t[i].done = done;
        if (es != t[i].es || ef != t[i].ef) {
          t[i].es = es;
          t[i].ef = ef;
          changed = true;
        }
      }
    }

    // Backward: start everything at the top (finishing by the target) and lower until every
    // constraint holds.
    // The target is compared by date: a calendar-day stage's last day must not be after it.
    auto latest_by = [&](std::size_t i, Date s, Date f) {
      while (fin(st[i], s) > f || (calendar_days(st[i]) && r.target < last_day(st[i], s))) s = shift(s, -1);
      return s;
    };
    for (std::size_t i = 0; i < n; ++i) {
      t[i].ls = latest_by(i, r.target, r.target);
      t[i].lf = fin(st[i], t[i].ls);
    }
    for (bool changed = true; changed;) {
      changed = false;
      for (std::size_t i = 0; i < n; ++i) {
        Date f = r.target;
        Date s = r.target;
        for (std::size_t j = 0; j < n; ++j)
          for (const auto& d : st[j].after) {
            if (d.pred != i) continue;
            if (d.type == DepType::fs) f = std::min(f, shift(t[j].ls, -d.lag));
            if (d.type == DepType::ss) s = std::min(s, shift(t[j].ls, -d.lag));
            if (d.type == DepType::ff) f = std::min(f, shift(t[j].lf, -d.lag));
          }
        s = latest_by(i, std::min(s, f), f);
        if (s != t[i].ls) {
          t[i].ls = s;
          t[i].lf = fin(st[i], s);
          changed = true;
        }
      }
    }

    r.earliest_finish = r.start;
    r.min_float = n == 0 ? between(r.start, r.target) : 1 << 30;
    for (std::size_t i = 0; i < n; ++i) {
      Timing& x = t[i];
      x.total_float = between(x.es, x.ls);
      r.min_float = std::min(r.min_float, x.total_float);
      r.earliest_finish = std::max(r.earliest_finish, x.done);
      show(st[i], x.es, x.ef, x.early_start, x.early_finish);
      const Extras xe = extra(i);
      if (xe.fixed_start_day && xe.fixed_start && !xe.fixed_finish && calendar_days(st[i])) {
        x.early_start = *xe.fixed_start_day;
        const Date last = x.early_start.plus_days(st[i].duration - 1);
        x.early_finish = snap_back(last) == x.ef ? last : x.ef;
      }
      show(st[i], x.ls, x.lf, x.late_start, x.late_finish);
    }
    r.feasible = r.min_float >= 0;
    return r;
  }

private:
  void show(const yekuo::model::Stage& st, Date s, Date f, Date& start, Date& finish) const {
    if (s == f) {
      start = finish = s;
      return;
    }
    start = shift(s, 1);
    finish = f;
    if (st.unit == yekuo::model::DurationUnit::calendar_days) {
      const Date last = start.plus_days(st.duration - 1);
      if (snap_back(last) == f) finish = last;
    }
  }

  const WorkingCalendar& m_cal;
};

} // namespace reference

namespace reference {

// Builds model::Project values in tests without TOML.
class ProjectBuilder {
public:
  ProjectBuilder(const char* applied, const char* target) {
    m_p.info.applied = D(applied);
    m_p.info.target = D(target);
  }
  ProjectBuilder& stage(const char* id, int days, std::optional<int> min_days = std::nullopt) {
    yekuo::model::Stage s;
    s.id = id;
    s.duration = days;
    s.min_duration = min_days;
    m_p.stages.push_back(s);
    return *this;
  }
  ProjectBuilder& calendar_stage(const char* id, int days, std::optional<int> min_days = std::nullopt) {
    stage(id, days, min_days);
    m_p.stages.back().unit = yekuo::model::DurationUnit::calendar_days;
    return *this;
  }
  // The last stage added depends on `pred`.
  ProjectBuilder& after(const char* pred, yekuo::model::DepType type = yekuo::model::DepType::fs, int lag = 0) {
    return after_index(m_p.find_stage(pred), type, lag);
  }
  ProjectBuilder& after_index(std::size_t pred, yekuo::model::DepType type = yekuo::model::DepType::fs, int lag = 0) {
    yekuo::model::Dependency d;
    d.stage = m_p.stages.at(pred).id;
    d.pred = pred;
    d.type = type;
    d.lag = lag;
    m_p.stages.back().after.push_back(d);
    return *this;
  }
  [[nodiscard]] const yekuo::model::Project& project() const { return m_p; }

private:
  yekuo::model::Project m_p;
};

} // namespace reference
