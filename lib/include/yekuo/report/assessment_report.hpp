#pragma once
// The assessment report (考核报告) of `yekuo assess` as a Document (per order: header, stage table,
// suggestions with their evidence, a plan-vs-actual Gantt; then the department summary, the 95598
// revisit list and the counts), and its JSON contract (schemas/assess.schema.json).
#include <yekuo/report/document.hpp>
#include <yekuo/report/lang.hpp>
#include <yekuo/track/assess.hpp>

#include <string>

namespace yekuo::report {

[[nodiscard]] Document build_assessment_document(const track::Assessment& assessment, Lang lang);

// The SPEC §4 assess contract plus the fields documented in schemas/assess.schema.json, pretty-printed.
[[nodiscard]] std::string assessment_json(const track::Assessment& assessment);

// "等待前序「供电方案答复」完成" / "waiting for 'plan reply' to finish" (the reason of a clock start).
[[nodiscard]] std::string clock_reason_text(const track::StageAssessment& stage, const std::string& pred_name, Lang lang);

// The revisit status as people read it ("未回访" / "missing").
[[nodiscard]] std::string revisit_status_text(const track::RevisitResult& r, Lang lang);
// The inspection (回头看) status as people read it.
[[nodiscard]] std::string inspection_status_text(const track::InspectionResult& r, Lang lang);

} // namespace yekuo::report
