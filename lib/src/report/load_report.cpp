#include <yekuo/report/load_report.hpp>

#include <yekuo/calendar/calendar.hpp>
#include <yekuo/report/evaluation_json.hpp>
#include <yekuo/report/labels.hpp>
#include <yekuo/util/json_writer.hpp>

#include <fmt/format.h>

namespace yekuo::report {

std::optional<int> load_heat(int load, std::optional<int> capacity) {
  if (!capacity) return std::nullopt;
  if (load == 0) return 0;
  if (load > *capacity) return 5;
  // load / capacity in quarters, rounded up: (0, 1/4] -> 1 ... (3/4, 1] -> 4.
  return (4 * load + *capacity - 1) / *capacity;
}

namespace {

Style load_style(int load, std::optional<int> capacity) {
  if (!capacity) return load == 0 ? Style::muted : Style::normal;
  if (load > *capacity) return Style::overdue;
  if (load == 0) return Style::muted;
  return load == *capacity ? Style::due_soon : Style::ok;
}

// "5/3 超载" / "5/3 over": the text says what the colour shows.
Cell load_cell(int load, std::optional<int> capacity, Lang lang) {
  Cell c;
  if (!capacity) {
    c.text = std::to_string(load);
  } else {
    c.text = fmt::format("{}/{}", load, *capacity);
    if (load > *capacity) c.text += tr(lang, " 超载", " over");
    else if (load == *capacity && load > 0) c.text += tr(lang, " 满", " full");
  }
  c.style = load_style(load, capacity);
  c.heat = load_heat(load, capacity);
  return c;
}

Table heat_map(const track::LoadTable& table, const std::vector<track::LoadTable::Department>& departments,
               Lang lang) {
  Table t;
  t.title = tr(lang, "各部门每周在办环节数（负荷/容量）", "Stages per department and week (load/capacity)");
  t.columns.push_back({tr(lang, "部门", "Department"), Align::left});
  t.columns.push_back({tr(lang, "每周容量", "Weekly capacity"), Align::right});
  const auto& window = table.window();
  for (int i = 0; i < window.count; ++i) t.columns.push_back({window.monday(i).iso(), Align::right});
  for (const auto& d : departments) {
    std::vector<Cell> row;
    row.push_back(Cell{d.dept});
    Cell cap;
    if (d.capacity) {
      cap.text = std::to_string(*d.capacity);
      cap.number = *d.capacity;
    } else {
      cap.text = tr(lang, "未申报", "not declared");
      cap.style = Style::muted;
    }
    row.push_back(std::move(cap));
    for (std::size_t i = 0; i < d.load.size(); ++i) row.push_back(load_cell(d.load[i], d.capacity_in[i], lang));
    t.rows.push_back(std::move(row));
  }
  return t;
}

Table overload_table(const std::vector<track::LoadTable::Overload>& overloads, Lang lang) {
  Table t;
  t.title = tr(lang, "超载周明细", "Overloaded weeks");
  t.columns = {{tr(lang, "部门", "Department"), Align::left},    {tr(lang, "周（周一）", "Week (Monday)"), Align::left},
               {tr(lang, "负荷/容量", "Load/capacity"), Align::right}, {tr(lang, "工程编号", "Order"), Align::left},
               {tr(lang, "环节", "Stage"), Align::left},          {tr(lang, "环节名称", "Stage name"), Align::left}};
  for (const auto& o : overloads)
    for (const auto& s : o.stages) {
      Cell week{o.week.iso()};
      week.date = o.week;
      t.rows.push_back({Cell{o.dept}, std::move(week), load_cell(o.load, o.capacity, lang), Cell{s.project},
                        Cell{s.id}, Cell{s.name}});
    }
  return t;
}

} // namespace

void LoadReport::add(const track::OrderLoad& order) {
  if (!order.counted) return;
  table->add(order);
  provisional_years.insert(order.provisional_years.begin(), order.provisional_years.end());
  ++orders;
}

Document build_load_document(const LoadReport& report, Lang lang) {
  const auto& table = *report.table;
  const auto& window = table.window();
  Document doc;
  doc.title = tr(lang, "部门承载力：每周负荷", "Department load by week");
  doc.subtitle = lang == Lang::zh
                     ? fmt::format("截至 {}，{} 至 {}（{} 周），{} 个工程", report.as_of.iso(), window.first.iso(),
                                   window.last_day().iso(), window.count, report.orders)
                     : fmt::format("as of {}, {} to {} ({} weeks), {} orders", report.as_of.iso(), window.first.iso(),
                                   window.last_day().iso(), window.count, report.orders);
  for (const int y : report.provisional_years)
    doc.warnings.push_back(lang == Lang::zh ? calendar::WorkingCalendar::provisional_warning_zh(y)
                                            : calendar::WorkingCalendar::provisional_warning(y));
  for (const auto& e : report.errors)
    doc.warnings.push_back(tr(lang, "未能计入：", "not counted: ") + format_diagnostic(e));
  if (table.capacities().empty())
    doc.warnings.push_back(tr(lang,
                              "组织设置中没有 [[department]] 容量申报：只列负荷，不判断超载（--org FILE）",
                              "no [[department]] capacity in the organization settings: load only, no overloads "
                              "(--org FILE)"));

  const auto departments = table.departments();
  const auto overloads = table.overloads();
  std::size_t overloaded_weeks = 0;
  for (const auto& d : departments) overloaded_weeks += d.overloaded.size();
  KeyValues head;
  head.items.emplace_back(tr(lang, "部门", "Departments"), Cell{std::to_string(departments.size())});
  Cell over{std::to_string(overloaded_weeks)};
  over.style = overloaded_weeks > 0 ? Style::overdue : Style::ok;
  head.items.emplace_back(tr(lang, "超载周（部门×周）", "Overloaded weeks (department × week)"), std::move(over));
  doc.blocks.emplace_back(std::move(head));
  doc.blocks.emplace_back(heat_map(table, departments, lang));
  if (overloads.empty())
    doc.blocks.emplace_back(Paragraph{Cell{tr(lang, "窗口内没有超载的周。", "No overloaded week in the window."), Style::ok}});
  else
    doc.blocks.emplace_back(overload_table(overloads, lang));
  return doc;
}

std::string load_json(const LoadReport& report) {
  const auto& table = *report.table;
  const auto& window = table.window();
  JsonWriter w;
  w.begin_object().field("schema", 1).field("as_of", report.as_of.iso());
  w.key("weeks").begin_array();
  for (int i = 0; i < window.count; ++i)
    w.begin_object().field("start", window.monday(i).iso()).field("end", window.monday(i).plus_days(6).iso()).end_object();
  w.end_array();
  w.key("departments").begin_array();
  for (const auto& d : table.departments()) {
    w.begin_object().field("dept", d.dept).field("capacity", d.capacity);
    w.key("capacity_by_week").begin_array();
    for (const auto& c : d.capacity_in) w.value(c);
    w.end_array();
    w.key("load").begin_array();
    for (const int l : d.load) w.value(l);
    w.end_array();
    w.key("overloaded").begin_array();
    for (const auto m : d.overloaded) w.value(m.iso());
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.key("overloads").begin_array();
  for (const auto& o : table.overloads()) {
    w.begin_object().field("dept", o.dept).field("week", o.week.iso()).field("load", o.load).field("capacity", o.capacity);
    w.key("stages").begin_array();
    for (const auto& s : o.stages)
      w.begin_object().field("project", s.project).field("id", s.id).field("name", s.name).end_object();
    w.end_array();
    w.end_object();
  }
  w.end_array();
  w.field("orders", report.orders);
  w.key("warnings").begin_array();
  for (const int y : report.provisional_years) w.value(calendar::WorkingCalendar::provisional_warning(y));
  w.end_array();
  w.key("errors").begin_array();
  for (const auto& e : report.errors) write_error_json(w, e.loc.file, e);
  w.end_array();
  w.end_object();
  return w.finish();
}

CapacityOutlook::CapacityOutlook(calendar::Date as_of, const model::Capacities& capacities)
    : m_table(track::weeks_from(as_of, k_weeks), capacities, track::LoadTable::Stages::count_only) {}

void CapacityOutlook::add(const track::ProjectEvaluation& evaluation, const calendar::WorkingCalendar& cal) {
  if (declared()) m_table.add(track::order_load(evaluation, cal));
}

Block CapacityOutlook::block(Lang lang) const {
  const auto overloads = m_table.overloads();
  if (overloads.empty())
    return Paragraph{Cell{lang == Lang::zh ? fmt::format("未来 {} 周没有部门超出申报的承载力。", k_weeks)
                                           : fmt::format("No department is over its declared capacity in the "
                                                         "coming {} weeks.",
                                                         k_weeks),
                          Style::ok}};
  Table t;
  t.title = lang == Lang::zh ? fmt::format("承载力预警：未来 {} 周超载的部门（明细见 yekuo load）", k_weeks)
                             : fmt::format("Capacity: departments overloaded in the coming {} weeks (details: "
                                           "yekuo load)",
                                           k_weeks);
  t.columns = {{tr(lang, "部门", "Department"), Align::left},
               {tr(lang, "周（周一）", "Week (Monday)"), Align::left},
               {tr(lang, "负荷/容量", "Load/capacity"), Align::right}};
  for (const auto& o : overloads) {
    Cell week{o.week.iso()};
    week.date = o.week;
    t.rows.push_back({Cell{o.dept}, std::move(week), load_cell(o.load, o.capacity, lang)});
  }
  return t;
}

void CapacityOutlook::write_json(JsonWriter& w) const {
  w.key("capacity_overloads").begin_array();
  for (const auto& o : m_table.overloads())
    w.begin_object().field("dept", o.dept).field("week", o.week.iso()).field("load", o.load).field("capacity", o.capacity).end_object();
  w.end_array();
}

} // namespace yekuo::report
