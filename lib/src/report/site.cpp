// The static website of a portfolio (docs/publishing.md). Pages are Documents from the existing
// builders (plan, evaluation, assessment); the site adds the navigation between them, the index
// (summary, the linked table of orders, the bad files) and the links to the order pages.
#include <yekuo/report/site.hpp>

#include "site_order_page.hpp"

#include <yekuo/report/assessment_report.hpp>
#include <yekuo/report/evaluation_report.hpp>
#include <yekuo/report/labels.hpp>
#include <yekuo/report/load_report.hpp>
#include <yekuo/track/load.hpp>

#include <algorithm>
#include <fmt/format.h>

namespace yekuo::report {

namespace {

using detail::site_as_of_text;
using track::ProjectState;

enum class PageKind { index, evaluation, assessment, load, order };

// A published order and the way to its page from the site root.
struct Entry {
  const PublishedOrder* order = nullptr;
  std::string href;
};

// `up` is the way from the page to the site root ("" or "../").
Navigation site_navigation(Lang lang, PageKind current, const std::string& up) {
  Navigation nav;
  nav.label = tr(lang, "站点导航", "Site");
  nav.links = {{tr(lang, "全部工程", "All orders"), up + "index.html", current == PageKind::index},
               {tr(lang, "每周考评", "Weekly evaluation"), up + "evaluation.html", current == PageKind::evaluation},
               {tr(lang, "考核（已送电）", "Assessment (energized)"), up + "assessment.html", current == PageKind::assessment},
               {tr(lang, "部门承载力", "Department load"), up + "load.html", current == PageKind::load}};
  return nav;
}

std::string state_text(Lang lang, const PublishedOrder& o) {
  if (o.evaluation.energized) return tr(lang, "已送电", "energized");
  return state_label(lang, o.evaluation.state);
}

Style state_style(const PublishedOrder& o) {
  return o.evaluation.energized ? Style::ok : report::state_style(o.evaluation.state);
}

std::string forecast_text(Lang lang, const PublishedOrder& o) {
  const auto& e = o.evaluation;
  if (e.energized) {
    const auto& d = o.assessment.energized;
    return d ? tr(lang, "已送电 ", "energized ") + d->iso() : tr(lang, "已送电", "energized");
  }
  if (!e.has_forecast) return "—";
  std::string s = e.forecast_energization.iso();
  if (e.slip_days > 0)
    s += lang == Lang::zh ? fmt::format("（滞后 {} 个工作日）", e.slip_days)
                          : fmt::format(" ({} working day{} late)", e.slip_days, e.slip_days == 1 ? "" : "s");
  return s;
}

// One row per order, id and name linking to its page; a card per order on a phone.
Block orders_table(Lang lang, const std::vector<Entry>& entries) {
  if (entries.empty()) return Paragraph{Cell{tr(lang, "没有可公示的工程。", "No order to publish."), Style::muted}};
  Table t;
  t.title = tr(lang, "工程一览", "Orders");
  t.stack = true;
  t.columns = {{tr(lang, "工程编号", "Order")},
               {tr(lang, "工程名称", "Name")},
               {tr(lang, "客户经理", "Customer manager")},
               {tr(lang, "状态", "Status")},
               {tr(lang, "计划接电日期", "Planned energization")},
               {tr(lang, "预测/实际接电日期", "Forecast / actual energization")}};
  for (const auto& en : entries) {
    const auto& e = en.order->evaluation;
    const bool slipped = !e.energized && e.has_forecast && e.slip_days > 0;
    t.rows.push_back({Cell{e.id, Style::normal, en.href},
                      Cell{e.name, Style::normal, en.href},
                      Cell{e.customer_manager.empty() ? "—" : e.customer_manager},
                      Cell{state_text(lang, *en.order), state_style(*en.order)},
                      Cell{e.planned_energization.iso()},
                      Cell{forecast_text(lang, *en.order), slipped ? Style::overdue : Style::normal}});
  }
  return t;
}

BulletList errors_list(Lang lang, const std::vector<Diagnostic>& errors) {
  BulletList list;
  list.title = tr(lang, "文件错误（未公示）", "File errors (not published)");
  for (const auto& d : errors) list.items.push_back(Cell{format_diagnostic(d), Style::overdue});
  return list;
}

// Links to order pages (the evaluation and assessment pages end with them): "ID name — state".
BulletList order_links(Lang lang, const std::string& title, const std::vector<const Entry*>& entries) {
  BulletList list;
  list.title = title;
  for (const Entry* en : entries)
    list.items.push_back(Cell{fmt::format("{} {} — {}", en->order->evaluation.id, en->order->evaluation.name,
                                          state_text(lang, *en->order)),
                              Style::normal, en->href});
  return list;
}

Document index_document(calendar::Date as_of, const std::vector<Entry>& entries, const std::vector<Diagnostic>& errors,
                        Lang lang) {
  Document doc;
  doc.title = tr(lang, "业扩工程“订单式”服务公示", "Connection orders: order-style service");
  doc.subtitle = site_as_of_text(lang, as_of);
  const std::size_t bad_files = count_files(errors); // files, not messages
  if (bad_files > 0)
    doc.warnings.push_back(lang == Lang::zh
                               ? fmt::format("{} 个文件有误，未公示（见文末“文件错误”）", bad_files)
                               : fmt::format("{} {} errors and {} not published (see \"File errors\" at the end)",
                                             bad_files, bad_files == 1 ? "file has" : "files have",
                                             bad_files == 1 ? "is" : "are"));
  int counts[3] = {0, 0, 0};
  int energized = 0;
  for (const auto& en : entries) {
    if (en.order->evaluation.energized)
      ++energized;
    else
      ++counts[static_cast<int>(en.order->evaluation.state)];
  }
  KeyValues kv;
  kv.title = tr(lang, "概况", "Summary");
  auto add = [&](std::string_view zh, std::string_view en, int n, Style style) {
    kv.items.emplace_back(tr(lang, zh, en), Cell{fmt::format("{}", n), n > 0 ? style : Style::normal});
  };
  add("在办工程", "Active orders", counts[0] + counts[1] + counts[2], Style::strong);
  add("正常", "On track", counts[static_cast<int>(ProjectState::on_track)], Style::ok);
  add("有风险", "At risk", counts[static_cast<int>(ProjectState::at_risk)], Style::due_soon);
  add("滞后", "Late", counts[static_cast<int>(ProjectState::late)], Style::overdue);
  add("已送电", "Energized", energized, Style::normal);
  add("文件错误", "Files with errors", static_cast<int>(bad_files), Style::overdue);
  doc.blocks.emplace_back(std::move(kv));
  doc.blocks.push_back(orders_table(lang, entries));
  if (!errors.empty()) doc.blocks.emplace_back(errors_list(lang, errors));
  return doc;
}

// The weekly evaluation of every published order, the bad files each with all its errors.
track::PortfolioEvaluation site_portfolio(calendar::Date as_of, const std::vector<Entry>& entries,
                                          const std::vector<Diagnostic>& errors) {
  track::PortfolioEvaluation portfolio;
  portfolio.as_of = as_of;
  for (const auto& en : entries)
    portfolio.files.push_back(track::FileResult{en.order->evaluation.file, en.order->evaluation, {}, {}});
  for (const auto& d : errors) {
    auto same = std::find_if(portfolio.files.begin(), portfolio.files.end(),
                             [&](const track::FileResult& r) { return !r.evaluation && r.file == d.loc.file; });
    if (same != portfolio.files.end())
      same->errors.push_back(d);
    else
      portfolio.files.push_back(track::FileResult{d.loc.file, std::nullopt, {d}, {}});
  }
  return portfolio;
}

} // namespace

Site build_site(const SiteInput& in, Lang lang) {
  const std::vector<Diagnostic>& errors = in.errors;
  std::vector<const PublishedOrder*> published;
  for (const auto& o : in.orders) published.push_back(&o);

  std::vector<std::string> ids;
  for (const auto* o : published) ids.push_back(o->evaluation.id);
  const auto stems = order_page_stems(ids);
  std::vector<Entry> entries;
  for (std::size_t k = 0; k < published.size(); ++k) entries.push_back({published[k], "orders/" + stems[k] + ".html"});
  std::vector<const Entry*> active;
  std::vector<const Entry*> energized;
  for (const auto& e : entries) (e.order->evaluation.energized ? energized : active).push_back(&e);

  Site site;
  site.published = entries.size();
  site.bad_files = count_files(errors);
  auto add_page = [&](std::string path, Document doc, PageKind kind, const std::string& up) {
    doc.navigation = site_navigation(lang, kind, up);
    site.pages.push_back({std::move(path), std::move(doc)});
  };

  add_page("index.html", index_document(in.as_of, entries, errors, lang), PageKind::index, "");

  Document evaluation =
      build_evaluation_document(site_portfolio(in.as_of, entries, errors), lang, {.capacities = &in.capacities});
  if (!active.empty()) evaluation.blocks.emplace_back(order_links(lang, tr(lang, "在办工程页面", "Order pages"), active));
  add_page("evaluation.html", std::move(evaluation), PageKind::evaluation, "");

  std::vector<track::ProjectAssessment> assessments;
  for (const auto& e : entries) assessments.push_back(e.order->assessment);
  Document assessment = build_assessment_document(track::make_assessment(std::move(assessments), {}, in.as_of), lang);
  if (!energized.empty())
    assessment.blocks.emplace_back(order_links(lang, tr(lang, "已送电工程页面", "Energized order pages"), energized));
  add_page("assessment.html", std::move(assessment), PageKind::assessment, "");

  // The load of the orders published (applied by the as-of date), on each one's calendar.
  track::LoadTable table(track::weeks_from(in.as_of, in.load_weeks), in.capacities);
  LoadReport load;
  load.as_of = in.as_of;
  load.table = &table;
  load.errors = errors;
  for (const auto& e : entries) load.add(track::order_load(e.order->evaluation, *e.order->tracked.calendar));
  add_page("load.html", build_load_document(load, lang), PageKind::load, "");

  for (const auto& e : entries)
    add_page(e.href, detail::order_page_document(*e.order, in.as_of, lang), PageKind::order, "../");
  return site;
}

} // namespace yekuo::report
