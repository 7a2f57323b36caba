#pragma once
// The 95598 revisit (回访) rule (SPEC §1 Assess; docs/assessment.md): the hotline must revisit
// the customer within one calendar month after energization.
#include <yekuo/calendar/date.hpp>
#include <yekuo/model/project.hpp>

#include <optional>
#include <string>
#include <vector>

namespace yekuo::track {

// The exact words of the JSON contract: ok | missing | late | dissatisfied | not_due.
enum class RevisitStatus { ok, missing, late, dissatisfied, not_due };

[[nodiscard]] const char* revisit_status_name(RevisitStatus s);

struct RevisitResult {
  RevisitStatus status = RevisitStatus::not_due;
  bool late = false;                   // done after the deadline (also true when status == dissatisfied)
  calendar::Date deadline;             // energized + 1 calendar month (clamped to the month's end)
  std::optional<calendar::Date> date;  // when it was done
  std::optional<bool> satisfied;
  std::vector<std::string> issues;     // problems the customer raised
  SourceLoc loc;

  // Listed for the marketing department: missing, late or dissatisfied.
  [[nodiscard]] bool needs_attention() const {
    return status == RevisitStatus::missing || status == RevisitStatus::late || status == RevisitStatus::dissatisfied;
  }
};

// The deadline: energized + 1 calendar month (2010-01-31 -> 2010-02-28, 2012-01-31 -> 2012-02-29).
[[nodiscard]] calendar::Date revisit_deadline(calendar::Date energized);

// With a revisit date: after the deadline -> late; else not satisfied -> dissatisfied; else ok.
// Late and dissatisfied -> dissatisfied with late = true. Without a date: as_of after the
// deadline -> missing; else not_due.
[[nodiscard]] RevisitResult assess_revisit(const std::optional<model::Revisit>& revisit, calendar::Date energized,
                                           calendar::Date as_of);

} // namespace yekuo::track
