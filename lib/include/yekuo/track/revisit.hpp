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

// The 回头看 inspection after energization (docs/assessment.md#inspection): the same one-calendar-month
// deadline as the revisit; its words are the revisit's with `issues` in place of `dissatisfied`.
enum class InspectionStatus { ok, missing, late, issues, not_due };

[[nodiscard]] const char* inspection_status_name(InspectionStatus s); // ok | missing | late | issues | not_due

struct InspectionResult {
  InspectionStatus status = InspectionStatus::not_due;
  bool late = false;                   // done after the deadline (also true when status == issues)
  calendar::Date deadline;             // energized + 1 calendar month (revisit_deadline)
  std::optional<calendar::Date> date;  // when it was done
  std::string result;                  // "ok" | "issues" | "" (not given)
  std::string note;
  SourceLoc loc;

  // Listed for the marketing department: missing, late or issues found.
  [[nodiscard]] bool needs_attention() const {
    return status == InspectionStatus::missing || status == InspectionStatus::late || status == InspectionStatus::issues;
  }
};

// With a date: result = "issues" -> issues (late tells whether it was also after the deadline); else
// after the deadline -> late; else ok. Without a date: as_of after the deadline -> missing; else not_due.
[[nodiscard]] InspectionResult assess_inspection(const std::optional<model::Inspection>& inspection,
                                                 calendar::Date energized, calendar::Date as_of);

} // namespace yekuo::track
