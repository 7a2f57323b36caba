#include <yekuo/report/remind_json.hpp>

#include <yekuo/report/evaluation_json.hpp>
#include <yekuo/report/labels.hpp>
#include <yekuo/util/json_writer.hpp>

namespace yekuo::report {

namespace {
// The list is sent on in pieces of about this size rather than held as one text.
constexpr std::size_t k_flush_bytes = std::size_t{64} << 10;
} // namespace

RemindJsonStream::RemindJsonStream(calendar::Date as_of, Sink sink) : m_sink(std::move(sink)), m_list(as_of) {}

void RemindJsonStream::finish() {
  JsonWriter w;
  auto flush = [&] {
    if (w.str().size() >= k_flush_bytes) m_sink(w.take());
  };
  w.begin_object();
  w.field("schema", 1).field("as_of", m_list.as_of().iso());
  w.key("items").begin_array();
  for (const auto& g : m_list.groups())
    for (const std::size_t i : g.items) {
      write_notice_json(w, m_list[i]);
      flush();
    }
  // Follow-ups after energization (kind revisit | inspection), in the stage items' shape: id is the
  // kind, days_late the calendar days after the deadline.
  for (const auto& item : m_list.follow_ups()) {
    const track::FollowUp& f = item.follow_up;
    w.begin_object();
    w.field("project", item.project).field("project_name", item.project_name).field("file", item.file);
    w.field("customer_manager", item.customer_manager);
    w.field("kind", track::follow_up_kind_word(f.kind));
    w.field("id", track::follow_up_kind_word(f.kind)).field("name", follow_up_label(Lang::zh, f.kind));
    w.field("dept", "客户服务中心").field("customer", false).field("owner", "");
    w.field("energized", f.energized.iso());
    w.field("deadline", f.deadline.iso()).field("effective_deadline", f.deadline.iso());
    w.field("status", track::follow_up_status_word(f.status));
    w.field("days_late", f.status == track::FollowUpStatus::overdue ? m_list.as_of() - f.deadline : 0);
    w.field("unit", "calendar_days");
    w.key("blocks").begin_array().end_array();
    w.end_object();
    flush();
  }
  w.end_array();
  w.key("warnings").begin_array();
  for (int y : m_list.provisional_years()) w.value(calendar::WorkingCalendar::provisional_warning(y));
  w.end_array();
  w.key("errors").begin_array();
  for (const auto& [file, d] : m_list.errors()) write_error_json(w, file, d);
  w.end_array();
  w.end_object();
  m_sink(w.finish());
}

std::string remind_json(const track::PortfolioEvaluation& portfolio) {
  std::string out;
  RemindJsonStream stream(portfolio.as_of, [&](std::string_view text) { out += text; });
  for (const auto& f : portfolio.files) stream.add(f);
  stream.finish();
  return out;
}

} // namespace yekuo::report
