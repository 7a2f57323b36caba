#include <yekuo/track/status.hpp>

#include <yekuo/util/error.hpp>

#include <algorithm>
#include <array>

namespace yekuo::track {

using calendar::Date;

namespace {

constexpr std::array<const char*, 7> k_status_words{"not_started", "waiting",      "in_progress", "due_soon",
                                                    "overdue",     "done_on_time", "done_late"};

// A recorded date counts only when it is on or before the as-of date.
std::optional<Date> known_by(const std::optional<Date>& d, Date as_of) {
  if (d && *d <= as_of) return d;
  return std::nullopt;
}

struct Facts {
  std::optional<Date> started;
  std::optional<Date> finished;
};

Facts facts_of(const model::Project& p, std::size_t i, Date as_of) {
  Facts f;
  if (const auto* pr = p.progress_of(i)) {
    f.started = known_by(pr->started, as_of);
    f.finished = known_by(pr->finished, as_of);
  }
  return f;
}

// A stage that has finished has started, even if only the finish was recorded.
bool has_started(const Facts& f) { return f.started.has_value() || f.finished.has_value(); }

bool waits_for_predecessor(const model::Project& p, std::size_t i, const std::vector<Facts>& facts) {
  for (const auto& dep : p.stages[i].after) {
    if (dep.pred >= facts.size()) continue;
    const Facts& pf = facts[dep.pred];
    if (dep.type == model::DepType::ss) {
      if (!has_started(pf)) return true;
    } else if (!pf.finished) {
      return true;
    }
  }
  return false;
}

} // namespace

const char* status_word(StageStatus s) { return k_status_words.at(static_cast<std::size_t>(s)); }

std::optional<StageStatus> parse_status_word(std::string_view word) {
  for (std::size_t k = 0; k < k_status_words.size(); ++k)
    if (word == k_status_words[k]) return static_cast<StageStatus>(k);
  return std::nullopt;
}

const char* delay_verdict_word(DelayVerdict v) {
  switch (v) {
  case DelayVerdict::excluded: return "excluded";
  case DelayVerdict::reported_late: return "reported_late";
  case DelayVerdict::not_reported: return "not_reported";
  }
  return "not_reported";
}

int working_days_in_union(std::vector<std::pair<Date, Date>> intervals, const calendar::WorkingCalendar& cal) {
  std::erase_if(intervals, [](const auto& iv) { return iv.second < iv.first; });
  std::sort(intervals.begin(), intervals.end());
  int total = 0;
  std::optional<std::pair<Date, Date>> run;
  auto flush = [&] {
    // Working days of [from, to] = point(to) - point(from - 1 day).
    if (run) total += cal.point(run->second) - cal.point(run->first.plus_days(-1));
  };
  for (const auto& iv : intervals) {
    if (run && iv.first <= run->second.plus_days(1)) {
      run->second = std::max(run->second, iv.second);
      continue;
    }
    flush();
    run = iv;
  }
  flush();
  return total;
}

std::vector<std::size_t> final_stages(const model::Project& project) {
  std::vector<bool> has_succ(project.stages.size(), false);
  for (const auto& st : project.stages)
    for (const auto& dep : st.after)
      if (dep.pred < has_succ.size()) has_succ[dep.pred] = true;
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < has_succ.size(); ++i)
    if (!has_succ[i]) out.push_back(i);
  return out;
}

bool is_energized(const model::Project& project, Date as_of) {
  const auto finals = final_stages(project);
  if (finals.empty()) return false;
  return std::all_of(finals.begin(), finals.end(),
                     [&](std::size_t i) { return facts_of(project, i, as_of).finished.has_value(); });
}

std::vector<StageState> stage_states(const model::Project& project, const PlanReference& reference,
                                     const calendar::WorkingCalendar& cal, Date as_of) {
  const std::size_t n = project.stages.size();
  if (reference.stages.size() != n)
    throw InternalError("stage_states: the plan reference does not match the project's stages");
  const WorkPoint a = cal.point(as_of);

  std::vector<Facts> facts(n);
  for (std::size_t i = 0; i < n; ++i) facts[i] = facts_of(project, i, as_of);

  std::vector<StageState> out(n);
  for (std::size_t i = 0; i < n; ++i) {
    StageState& s = out[i];
    const StageReference& ref = reference.stages[i];
    s.started = facts[i].started;
    s.finished = facts[i].finished;
    s.deadline = ref.deadline;
    s.deadline_point = ref.deadline_point;

    // Customer delays: only those reported by the deadline (and known by A) are excluded, and
    // only up to A; overlapping records are counted once.
    std::vector<std::pair<Date, Date>> excluded;
    for (std::size_t k = 0; k < project.delays.size(); ++k) {
      const model::Delay& d = project.delays[k];
      if (d.index != i) continue;
      const Date until = std::min(d.to, as_of);
      DelayNote note;
      note.delay = k;
      note.days = until < d.from ? 0 : cal.point(until) - cal.point(d.from.plus_days(-1));
      const auto reported = known_by(d.reported, as_of);
      if (!reported)
        note.verdict = DelayVerdict::not_reported;
      else if (*reported > ref.deadline)
        note.verdict = DelayVerdict::reported_late;
      else {
        note.verdict = DelayVerdict::excluded;
        excluded.emplace_back(d.from, until);
      }
      s.delays.push_back(note);
    }
    s.excluded_days = working_days_in_union(std::move(excluded), cal);
    s.effective_deadline_point = s.deadline_point + s.excluded_days;
    s.effective_deadline = s.excluded_days == 0 ? s.deadline : cal.date_of(s.effective_deadline_point);

    const WorkPoint eff = s.effective_deadline_point;
    if (s.finished) {
      const WorkPoint f = cal.point(*s.finished);
      if (f <= eff) {
        s.status = StageStatus::done_on_time;
      } else {
        s.status = StageStatus::done_late;
        s.days_late = f - eff;
      }
    } else if (a > eff) {
      s.status = StageStatus::overdue;
      s.days_late = a - eff;
    } else if (eff - a == 1) {
      s.status = StageStatus::due_soon; // the deadline is the next working day: remind today
    } else if (s.started) {
      s.status = StageStatus::in_progress;
    } else if (waits_for_predecessor(project, i, facts)) {
      s.status = StageStatus::waiting;
    } else {
      s.status = StageStatus::not_started;
    }
  }
  return out;
}

} // namespace yekuo::track
