#include <yekuo/track/revisit.hpp>

namespace yekuo::track {

const char* revisit_status_name(RevisitStatus s) {
  switch (s) {
  case RevisitStatus::ok: return "ok";
  case RevisitStatus::missing: return "missing";
  case RevisitStatus::late: return "late";
  case RevisitStatus::dissatisfied: return "dissatisfied";
  case RevisitStatus::not_due: return "not_due";
  }
  return "not_due";
}

calendar::Date revisit_deadline(calendar::Date energized) { return calendar::add_months(energized, 1); }

RevisitResult assess_revisit(const std::optional<model::Revisit>& revisit, calendar::Date energized,
                             calendar::Date as_of) {
  RevisitResult r;
  r.deadline = revisit_deadline(energized);
  if (revisit) {
    r.date = revisit->date;
    r.satisfied = revisit->satisfied;
    r.issues = revisit->issues;
    r.loc = revisit->loc;
  }
  if (!r.date) {
    r.status = as_of > r.deadline ? RevisitStatus::missing : RevisitStatus::not_due;
    return r;
  }
  r.late = *r.date > r.deadline;
  // Dissatisfaction is the more serious finding: it names problems a department must answer for,
  // so it wins over lateness, which stays visible through `late`.
  if (r.satisfied.has_value() && !*r.satisfied)
    r.status = RevisitStatus::dissatisfied;
  else
    r.status = r.late ? RevisitStatus::late : RevisitStatus::ok;
  return r;
}

const char* inspection_status_name(InspectionStatus s) {
  switch (s) {
  case InspectionStatus::ok: return "ok";
  case InspectionStatus::missing: return "missing";
  case InspectionStatus::late: return "late";
  case InspectionStatus::issues: return "issues";
  case InspectionStatus::not_due: return "not_due";
  }
  return "not_due";
}

InspectionResult assess_inspection(const std::optional<model::Inspection>& inspection, calendar::Date energized,
                                   calendar::Date as_of) {
  InspectionResult r;
  r.deadline = revisit_deadline(energized);
  if (inspection) {
    r.date = inspection->date;
    r.result = inspection->result;
    r.note = inspection->note;
    r.loc = inspection->loc;
  }
  if (!r.date) {
    r.status = as_of > r.deadline ? InspectionStatus::missing : InspectionStatus::not_due;
    return r;
  }
  r.late = *r.date > r.deadline;
  // As for the revisit, problems found win over lateness (still visible through `late`).
  if (r.result == "issues")
    r.status = InspectionStatus::issues;
  else
    r.status = r.late ? InspectionStatus::late : InspectionStatus::ok;
  return r;
}

} // namespace yekuo::track
