#pragma once
// `remind --format json` (schemas/remind.schema.json), collected as the files are evaluated and
// written at finish().
#include <yekuo/report/reminder_list.hpp>
#include <yekuo/track/evaluate.hpp>

#include <functional>
#include <string>
#include <string_view>

namespace yekuo::report {

class RemindJsonStream {
public:
  using Sink = std::function<void(std::string_view)>;
  RemindJsonStream(calendar::Date as_of, Sink sink);

  void add(const track::FileResult& file) { m_list.add(file); } // in input order
  void finish(); // the text goes to the sink in pieces

private:
  Sink m_sink;
  ReminderList m_list;
};

// The whole document in one string (RemindJsonStream over the portfolio's files).
[[nodiscard]] std::string remind_json(const track::PortfolioEvaluation& portfolio);

} // namespace yekuo::report
