#include <yekuo/track/status.hpp>

#include <yekuo/util/error.hpp>

#include <algorithm>
#include <array>

namespace yekuo::track {

using calendar::Date;

namespace {

constexpr std::array<const char*, 7> k_status_words{"not_started", "waiting",      "in_progress", "due_soon",
                                                    "overdue",     "done_on_time", "done_late"};

StageStatus status_of(const StageVerdict& v) {
  if (v.finished) return v.days_late > 0 ? StageStatus::done_late : StageStatus::done_on_time;
  if (v.overdue) return StageStatus::overdue;
  if (v.due_next) return StageStatus::due_soon;
  if (v.started) return StageStatus::in_progress;
  return v.available ? StageStatus::not_started : StageStatus::waiting;
}

} // namespace

const char* status_word(StageStatus s) { return k_status_words.at(static_cast<std::size_t>(s)); }

std::optional<StageStatus> parse_status_word(std::string_view word) {
  for (std::size_t k = 0; k < k_status_words.size(); ++k)
    if (word == k_status_words[k]) return static_cast<StageStatus>(k);
  return std::nullopt;
}

std::vector<std::size_t> final_stages(const model::Project& project) { return project.final_stages(); }

bool is_energized(const model::Project& project, Date as_of) { return project.energization_date(as_of).has_value(); }

std::vector<StageState> stage_states(const model::Project& project, const PlanReference& reference,
                                     const calendar::WorkingCalendar& cal, Date as_of,
                                     const std::vector<std::size_t>* order) {
  auto verdicts = stage_verdicts(project, reference, cal, as_of, order);
  std::vector<StageState> out(verdicts.size());
  for (std::size_t i = 0; i < verdicts.size(); ++i) {
    StageState& s = out[i];
    StageVerdict& v = verdicts[i];
    s.status = status_of(v);
    s.days_late = v.days_late;
    s.started = v.started;
    s.finished = v.finished;
    s.deadline = reference.stages[i].deadline;
    s.deadline_point = reference.stages[i].deadline_point;
    s.excluded_days = v.excluded_days;
    s.effective_deadline = v.due;
    s.verdict = std::move(v);
  }
  return out;
}

} // namespace yekuo::track
