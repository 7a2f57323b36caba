#include <yekuo/report/export_tables.hpp>

#include <yekuo/util/error.hpp>

#include <array>
#include <fmt/format.h>
#include <optional>

namespace yekuo::report {

namespace {

using enum ColumnType;

constexpr std::array<ExportColumn, 13> k_order_columns{{
    {"id", text}, {"name", text}, {"customer", text}, {"voltage_kv", real}, {"capacity_kva", real},
    {"customer_manager", text}, {"applied", date}, {"target", date}, {"planned_energization", date},
    {"forecast_energization", date}, {"energized", date}, {"state", text}, {"file", text},
}};
constexpr std::array<ExportColumn, 18> k_stage_columns{{
    {"project", text}, {"id", text}, {"name", text}, {"dept", text}, {"owner", text}, {"customer", boolean},
    {"milestone", boolean}, {"days", integer}, {"calendar_days", integer}, {"planned_start", date},
    {"deadline", date}, {"effective_deadline", date}, {"started", date}, {"finished", date}, {"status", text},
    {"days_late", integer}, {"overrun_days", integer}, {"revision", integer},
}};
constexpr std::array<ExportColumn, 8> k_delay_columns{{
    {"project", text}, {"stage", text}, {"from", date}, {"to", date}, {"reason", text}, {"reported", date},
    {"verdict", text}, {"days", integer},
}};
constexpr std::array<ExportColumn, 6> k_revisit_columns{{
    {"project", text}, {"deadline", date}, {"date", date}, {"satisfied", boolean}, {"issues", text}, {"status", text},
}};

constexpr std::array<std::string_view, 1> k_order_key{"id"};
constexpr std::array<std::string_view, 2> k_stage_key{"project", "id"};
constexpr std::array<std::string_view, 1> k_revisit_key{"project"};

const std::array<ExportTable, k_export_table_count> k_tables{{
    {"orders", k_order_columns, k_order_key},
    {"stages", k_stage_columns, k_stage_key},
    {"delays", k_delay_columns, {}},
    {"revisits", k_revisit_columns, k_revisit_key},
}};

ExportValue text_of(const std::string& s) { return s; }
ExportValue date_of(calendar::Date d) { return d.iso(); }
ExportValue date_of(const std::optional<calendar::Date>& d) { return d ? ExportValue(d->iso()) : ExportValue(); }
ExportValue int_of(int n) { return std::int64_t{n}; }
ExportValue bool_of(bool b) { return std::int64_t{b ? 1 : 0}; }
// 0 in the project file means "not given".
ExportValue real_or_null(double x) { return x == 0 ? ExportValue() : ExportValue(x); }

// An energized order has no weekly state; a pivot by state shows it apart.
std::string order_state(const track::ProjectEvaluation& e) {
  return e.energized ? "energized" : track::state_word(e.state);
}

const track::StageAssessment* assessed_stage(const track::ProjectAssessment& a, std::size_t index) {
  for (const auto& s : a.stages)
    if (s.index == index) return &s;
  return nullptr;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : "; ") + item;
  return out;
}

} // namespace

std::span<const ExportTable> export_tables() { return k_tables; }

const ExportTable& export_table(TableId id) { return k_tables.at(static_cast<std::size_t>(id)); }

const std::vector<ExportRow>& OrderRows::rows(TableId id) const {
  switch (id) {
  case TableId::stages: return stages;
  case TableId::delays: return delays;
  case TableId::revisits: return revisits;
  case TableId::orders: break;
  }
  throw InternalError("OrderRows::rows: the orders table has one row (OrderRows::order)");
}

OrderRows export_rows(const model::Project& project, const track::ProjectEvaluation& e,
                      const track::ProjectAssessment& a) {
  OrderRows rows;
  rows.order = {text_of(e.id),
                text_of(e.name),
                text_of(e.customer),
                real_or_null(project.info.voltage_kv),
                real_or_null(project.info.capacity_kva),
                text_of(e.customer_manager),
                date_of(e.applied),
                date_of(e.target),
                date_of(e.planned_energization),
                e.has_forecast ? date_of(e.forecast_energization) : ExportValue(),
                date_of(a.energized),
                order_state(e),
                text_of(e.file)};

  for (const auto& s : e.stages) {
    const track::StageAssessment* assessed = assessed_stage(a, s.index);
    rows.stages.push_back({text_of(e.id),
                           text_of(s.id),
                           text_of(s.name),
                           text_of(s.dept),
                           text_of(s.owner),
                           bool_of(s.customer),
                           bool_of(s.milestone),
                           s.calendar_days ? ExportValue() : int_of(s.limit_days),
                           s.calendar_days ? int_of(s.limit_days) : ExportValue(),
                           date_of(s.planned_start),
                           date_of(s.state.deadline),
                           date_of(s.state.effective_deadline),
                           date_of(s.state.started),
                           date_of(s.state.finished),
                           std::string(track::status_word(s.state.status)),
                           int_of(s.state.days_late),
                           assessed != nullptr ? int_of(assessed->overrun_days) : ExportValue(),
                           int_of(s.revision)});
    for (const auto& d : s.delays)
      rows.delays.push_back({text_of(e.id), text_of(s.id), date_of(d.from), date_of(d.to), text_of(d.reason),
                             date_of(d.reported), std::string(track::delay_verdict_word(d.verdict)), int_of(d.days)});
  }

  if (a.revisit) {
    const auto& r = *a.revisit;
    rows.revisits.push_back({text_of(e.id), date_of(r.deadline), date_of(r.date),
                             r.satisfied ? bool_of(*r.satisfied) : ExportValue(), text_of(joined(r.issues)),
                             std::string(track::revisit_status_name(r.status))});
  }
  return rows;
}

std::string export_text(const ExportValue& value) {
  struct Text {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(std::int64_t n) const { return fmt::format("{}", n); }
    std::string operator()(double x) const { return fmt::format("{}", x); }
    std::string operator()(const std::string& s) const { return s; }
  };
  return std::visit(Text{}, value);
}

} // namespace yekuo::report
