#pragma once
// The daily reminder list (催办) as a Document, and `remind --format json`
// (schemas/remind.schema.json).
#include <yekuo/report/document.hpp>
#include <yekuo/report/lang.hpp>
#include <yekuo/track/evaluate.hpp>
#include <yekuo/track/remind.hpp>

#include <string>

namespace yekuo::report {

[[nodiscard]] Document build_remind_document(const track::PortfolioEvaluation& portfolio,
                                             const std::vector<track::ReminderGroup>& groups, Lang lang);

[[nodiscard]] std::string remind_json(const track::PortfolioEvaluation& portfolio,
                                      const std::vector<track::ReminderGroup>& groups);

} // namespace yekuo::report
