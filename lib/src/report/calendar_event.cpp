#include <yekuo/report/calendar_event.hpp>

#include <yekuo/report/labels.hpp>

#include <fmt/format.h>

namespace yekuo::report {

std::string event_uid(std::string_view order, std::string_view stage) {
  std::string uid;
  uid.reserve(order.size() + stage.size() + 7);
  uid.append(order).append("/").append(stage).append("@yekuo");
  return uid;
}

std::string stage_event_people(Lang lang, std::string_view dept, std::string_view owner,
                               std::string_view customer_manager) {
  std::string text = fmt::format("{}{}\n", tr(lang, "责任部门：", "Department: "), dept);
  if (!owner.empty()) text += fmt::format("{}{}\n", tr(lang, "责任人：", "Owner: "), owner);
  text += fmt::format("{}{}", tr(lang, "客户经理：", "Customer manager: "),
                      customer_manager.empty() ? std::string_view("—") : customer_manager);
  return text;
}

} // namespace yekuo::report
