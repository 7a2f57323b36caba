// The static website of a portfolio (docs/publishing.md). Pages are Documents from the existing
// builders (plan, evaluation, assessment) rendered by the caller's renderer; the site adds only
// what a Document cannot say: links (navigation, the linked order list of the index).
#include "site_assess.hpp"

#include <yekuo/report/evaluation_report.hpp>
#include <yekuo/report/labels.hpp>
#include <yekuo/report/plan_report.hpp>
#include <yekuo/report/site.hpp>
#include <yekuo/track/confirm.hpp>
#include <yekuo/util/error.hpp>

#include <algorithm>
#include <cstdint>
#include <fmt/format.h>
#include <map>
#include <set>

namespace yekuo::report {

namespace {

using track::ProjectEvaluation;
using track::ProjectState;

constexpr std::size_t k_max_stem = 64;

// Text and attribute values alike (both quote styles).
std::string esc(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
    case '&': out += "&amp;"; break;
    case '<': out += "&lt;"; break;
    case '>': out += "&gt;"; break;
    case '"': out += "&quot;"; break;
    case '\'': out += "&#39;"; break;
    default: out += c;
    }
  }
  return out;
}

std::uint32_t fnv1a(std::string_view s) {
  std::uint32_t h = 2166136261u;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

enum class PageKind { index, evaluation, assessment, order };

// One published order.
struct SiteOrder {
  const track::TrackedProject* tracked = nullptr;
  ProjectEvaluation evaluation;
  const detail::SiteAssessmentPart* assessment = nullptr;
};

struct Entry {
  const SiteOrder* order = nullptr;
  std::string href; // relative to the site root
};

// The navigation bar; `up` is the way from the page to the site root ("" or "../").
std::string nav_html(Lang lang, PageKind current, const std::string& up) {
  struct Link {
    PageKind kind;
    const char* file;
    std::string label;
  };
  const Link links[] = {{PageKind::index, "index.html", tr(lang, "全部工程", "All orders")},
                        {PageKind::evaluation, "evaluation.html", tr(lang, "每周考评", "Weekly evaluation")},
                        {PageKind::assessment, "assessment.html", tr(lang, "考核（已送电）", "Assessment (energized)")}};
  std::string out = "<nav class=\"site\" aria-label=\"" + esc(tr(lang, "站点导航", "Site")) + "\"><ul>";
  for (const auto& l : links) {
    if (l.kind == current)
      out += "<li><a href=\"" + esc(up + l.file) + "\" aria-current=\"page\">" + esc(l.label) + "</a></li>";
    else
      out += "<li><a href=\"" + esc(up + l.file) + "\">" + esc(l.label) + "</a></li>";
  }
  out += "</ul></nav>\n";
  return out;
}

// Inserts `top` right after "<main>" and `bottom` right before "</main>".
std::string splice(std::string page, const std::string& top, const std::string& bottom) {
  const std::string open = "<main>";
  const auto a = page.find(open);
  const auto b = page.rfind("</main>");
  if (a == std::string::npos || b == std::string::npos || b < a)
    throw InternalError("publish: the page renderer produced no <main> element");
  page.insert(b, bottom);
  std::size_t at = a + open.size();
  if (at < page.size() && page[at] == '\n') ++at;
  page.insert(at, top);
  return page;
}

std::string state_text(Lang lang, const SiteOrder& o) {
  if (o.evaluation.energized) return tr(lang, "已送电", "energized");
  return state_label(lang, o.evaluation.state);
}

// The CSS class the renderer already styles (s-ok, s-due_soon, s-overdue); the text says it too.
std::string state_class(const SiteOrder& o) {
  if (o.evaluation.energized) return "s-ok";
  switch (o.evaluation.state) {
  case ProjectState::on_track: return "s-ok";
  case ProjectState::at_risk: return "s-due_soon";
  case ProjectState::late: return "s-overdue";
  }
  return "";
}

std::optional<calendar::Date> energized_on(const SiteOrder& o) {
  if (o.assessment != nullptr) return o.assessment->energized;
  return std::nullopt;
}

std::string forecast_text(Lang lang, const SiteOrder& o) {
  const auto& e = o.evaluation;
  if (e.energized) {
    const auto d = energized_on(o);
    return d ? tr(lang, "已送电 ", "energized ") + d->iso() : tr(lang, "已送电", "energized");
  }
  if (!e.has_forecast) return "—";
  std::string s = e.forecast_energization.iso();
  if (e.slip_days > 0)
    s += lang == Lang::zh ? fmt::format("（滞后 {} 个工作日）", e.slip_days)
                          : fmt::format(" ({} working day{} late)", e.slip_days, e.slip_days == 1 ? "" : "s");
  return s;
}

std::string orders_table_html(Lang lang, const std::vector<Entry>& entries) {
  std::string out = "<section class=\"block table orders\">\n<h2>" + esc(tr(lang, "工程一览", "Orders")) + "</h2>\n";
  if (entries.empty()) {
    out += "<p class=\"s-muted\">" + esc(tr(lang, "没有可公示的工程。", "No order to publish.")) + "</p>\n</section>\n";
    return out;
  }
  // On a phone each row becomes a card (table.stack; data-label names the field).
  out += "<div class=\"table-wrap\">\n<table class=\"stack\">\n<thead>\n<tr>";
  const std::string headers[] = {tr(lang, "工程编号", "Order"),
                                 tr(lang, "工程名称", "Name"),
                                 tr(lang, "客户经理", "Customer manager"),
                                 tr(lang, "状态", "Status"),
                                 tr(lang, "计划接电日期", "Planned energization"),
                                 tr(lang, "预测/实际接电日期", "Forecast / actual energization")};
  for (const auto& h : headers) out += "<th scope=\"col\">" + esc(h) + "</th>";
  out += "</tr>\n</thead>\n<tbody>\n";
  for (const auto& en : entries) {
    const auto& e = en.order->evaluation;
    const bool slipped = !e.energized && e.has_forecast && e.slip_days > 0;
    auto td = [&](std::size_t col, const std::string& klass) {
      return "<td" + (klass.empty() ? std::string() : " class=\"" + klass + "\"") + " data-label=\"" + esc(headers[col]) + "\">";
    };
    out += "<tr>" + td(0, "nowrap") + "<a href=\"" + esc(en.href) + "\">" + esc(e.id) + "</a></td>";
    out += td(1, "") + "<a href=\"" + esc(en.href) + "\">" + esc(e.name) + "</a></td>";
    out += td(2, "") + esc(e.customer_manager.empty() ? "—" : e.customer_manager) + "</td>";
    out += td(3, "status " + state_class(*en.order)) + esc(state_text(lang, *en.order)) + "</td>";
    out += td(4, "nowrap") + esc(e.planned_energization.iso()) + "</td>";
    out += td(5, slipped ? "s-overdue" : "") + esc(forecast_text(lang, *en.order)) + "</td></tr>\n";
  }
  out += "</tbody>\n</table>\n</div>\n</section>\n";
  return out;
}

std::string errors_html(Lang lang, const std::vector<Diagnostic>& errors) {
  if (errors.empty()) return {};
  std::string out = "<section class=\"block list errors\">\n<h2>" +
                    esc(tr(lang, "文件错误（未公示）", "File errors (not published)")) + "</h2>\n<ul>\n";
  for (const auto& d : errors) out += "<li class=\"s-overdue\">" + esc(format_diagnostic(d)) + "</li>\n";
  out += "</ul>\n</section>\n";
  return out;
}

// Links to order pages (evaluation and assessment pages end with them).
std::string order_links_html(Lang lang, const std::string& title, const std::vector<const Entry*>& entries) {
  if (entries.empty()) return {};
  std::string out = "<section class=\"block list order-links\">\n<h2>" + esc(title) + "</h2>\n<ul>\n";
  for (const Entry* en : entries)
    out += "<li><a href=\"" + esc(en->href) + "\">" + esc(en->order->evaluation.id) + "</a> " +
           esc(en->order->evaluation.name) + " — <span class=\"" + state_class(*en->order) + "\">" +
           esc(state_text(lang, *en->order)) + "</span></li>\n";
  out += "</ul>\n</section>\n";
  return out;
}

std::string as_of_text(Lang lang, calendar::Date d) {
  return lang == Lang::zh ? fmt::format("截至 {}", date_with_weekday(lang, d))
                          : fmt::format("as of {}", date_with_weekday(lang, d));
}

Document index_document(const SiteInput& in, const std::vector<SiteOrder>& orders,
                        const std::vector<Diagnostic>& errors, Lang lang) {
  Document doc;
  doc.title = tr(lang, "业扩工程“订单式”服务公示", "Connection orders: order-style service");
  doc.subtitle = as_of_text(lang, in.as_of);
  const std::size_t bad_files = count_files(errors); // files, not messages
  if (bad_files > 0)
    doc.warnings.push_back(lang == Lang::zh
                               ? fmt::format("{} 个文件有误，未公示（见文末“文件错误”）", bad_files)
                               : fmt::format("{} {} errors and {} not published (see \"File errors\" at the end)",
                                             bad_files, bad_files == 1 ? "file has" : "files have",
                                             bad_files == 1 ? "is" : "are"));
  int counts[3] = {0, 0, 0};
  int energized = 0;
  for (const auto& o : orders) {
    if (o.evaluation.energized)
      ++energized;
    else
      ++counts[static_cast<int>(o.evaluation.state)];
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
  return doc;
}

Document order_document(const SiteOrder& o, calendar::Date as_of, Lang lang) {
  const auto& t = *o.tracked;
  std::optional<BaselineNote> note;
  if (t.baseline && !t.baseline->revisions.empty())
    note = baseline_note(t.project, *t.baseline, t.plan, t.reference, *t.calendar);
  Document plan = build_plan_document(t.project, t.plan, note, lang, *t.calendar);

  Document doc;
  doc.title = fmt::format("{} · {}", t.project.info.id, t.project.info.name);
  doc.subtitle = plan.title + " · " + as_of_text(lang, as_of);
  doc.warnings = plan.warnings;
  for (auto& w : project_warnings(o.evaluation, lang))
    if (std::find(doc.warnings.begin(), doc.warnings.end(), w) == doc.warnings.end()) doc.warnings.push_back(std::move(w));
  for (auto& b : plan.blocks)
    if (!std::holds_alternative<SignatureLines>(b)) doc.blocks.push_back(std::move(b)); // signed on paper, not online

  if (o.evaluation.energized && o.assessment != nullptr && o.assessment->assessed) {
    for (const auto& b : o.assessment->blocks) doc.blocks.push_back(b);
  } else if (o.evaluation.energized) {
    const std::string missing = o.assessment != nullptr ? join(lang, o.assessment->missing_finish, Separator::list) : "";
    doc.blocks.emplace_back(Paragraph{Cell{
        lang == Lang::zh ? fmt::format("已送电；实绩不完整，暂不考核{}", missing.empty() ? "" : "（缺少完成日期：" + missing + "）")
                         : fmt::format("Energized; the actuals are incomplete, not assessed{}",
                                       missing.empty() ? "" : " (no finish date: " + missing + ")"),
        Style::warning}});
  } else {
    track::PortfolioEvaluation one;
    one.as_of = as_of;
    one.files.push_back(track::FileResult{o.evaluation.file, o.evaluation, {}, {}});
    EvaluationDocumentOptions options;
    options.gantt = true;
    // The order's own blocks: everything up to its Gantt (then come the portfolio summaries).
    const Document whole = build_evaluation_document(one, lang, options);
    std::vector<Block> part;
    for (const auto& b : whole.blocks) {
      part.push_back(b);
      if (std::holds_alternative<Gantt>(b)) break;
    }
    if (!part.empty())
      if (auto* kv = std::get_if<KeyValues>(&part.front()))
        kv->title = tr(lang, "本周考评", "Weekly evaluation") + " · " + as_of_text(lang, as_of);
    for (auto& b : part) doc.blocks.push_back(std::move(b));
  }
  return doc;
}

} // namespace

std::string order_page_stem(std::string_view id) {
  std::string stem;
  bool lossy = false;
  for (char c : id) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || c == '_' || c == '-') {
      stem += c;
    } else if (u >= 'A' && u <= 'Z') {
      stem += static_cast<char>(u - 'A' + 'a');
    } else {
      lossy = true;
      if (!stem.empty() && stem.back() != '-') stem += '-';
    }
  }
  while (!stem.empty() && (stem.back() == '-' || stem.back() == '_')) {
    stem.pop_back();
    lossy = true;
  }
  std::size_t lead = 0;
  while (lead < stem.size() && (stem[lead] == '-' || stem[lead] == '_')) ++lead;
  if (lead > 0) {
    stem.erase(0, lead);
    lossy = true;
  }
  if (stem.size() > k_max_stem) {
    stem.resize(k_max_stem);
    lossy = true;
  }
  if (stem.empty()) {
    stem = "order";
    lossy = true;
  }
  if (lossy) stem += fmt::format("-{:08x}", fnv1a(id));
  return stem;
}

std::vector<std::string> order_page_stems(const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  std::set<std::string> used;
  for (const auto& id : ids) {
    const std::string base = order_page_stem(id);
    std::string stem = base;
    for (int n = 2; used.count(stem) > 0; ++n) stem = fmt::format("{}-{}", base, n);
    used.insert(stem);
    out.push_back(std::move(stem));
  }
  return out;
}

std::vector<SitePage> build_site(const SiteInput& in, Lang lang, const PageRenderer& render_page) {
  std::vector<Diagnostic> errors = in.errors;
  std::vector<SiteOrder> orders;
  orders.reserve(in.orders.size());
  for (const auto& t : in.orders) {
    try {
      orders.push_back({&t, track::evaluate_project(t, {in.as_of, true, in.escalation}), nullptr});
    } catch (const InputError& e) {
      errors.push_back({Severity::error, "publish-failed", SourceLoc{t.project.file, 0, 0}, e.what(), {}});
    }
  }
  std::vector<const track::TrackedProject*> tracked;
  for (const auto& o : orders) tracked.push_back(o.tracked);
  const auto assessments = detail::assess_for_site(tracked, in.as_of, lang);
  for (std::size_t k = 0; k < orders.size(); ++k) orders[k].assessment = &assessments.orders[k];

  std::vector<std::string> ids;
  for (const auto& o : orders) ids.push_back(o.evaluation.id);
  const auto stems = order_page_stems(ids);
  std::vector<Entry> entries;
  for (std::size_t k = 0; k < orders.size(); ++k) entries.push_back({&orders[k], "orders/" + stems[k] + ".html"});
  std::vector<const Entry*> active;
  std::vector<const Entry*> energized;
  for (const auto& e : entries) (e.order->evaluation.energized ? energized : active).push_back(&e);

  std::vector<SitePage> pages;
  pages.push_back({"index.html", splice(render_page(index_document(in, orders, errors, lang)),
                                        nav_html(lang, PageKind::index, ""),
                                        orders_table_html(lang, entries) + errors_html(lang, errors))});

  track::PortfolioEvaluation portfolio;
  portfolio.as_of = in.as_of;
  for (const auto& o : orders) portfolio.files.push_back(track::FileResult{o.evaluation.file, o.evaluation, {}, {}});
  for (const auto& d : errors) { // one bad file with all its errors
    auto same = std::find_if(portfolio.files.begin(), portfolio.files.end(),
                             [&](const track::FileResult& r) { return !r.evaluation && r.file == d.loc.file; });
    if (same != portfolio.files.end())
      same->errors.push_back(d);
    else
      portfolio.files.push_back(track::FileResult{d.loc.file, std::nullopt, {d}, {}});
  }
  pages.push_back({"evaluation.html",
                   splice(render_page(build_evaluation_document(portfolio, lang, {})),
                          nav_html(lang, PageKind::evaluation, ""),
                          order_links_html(lang, tr(lang, "在办工程页面", "Order pages"), active))});
  pages.push_back({"assessment.html",
                   splice(render_page(assessments.page), nav_html(lang, PageKind::assessment, ""),
                          order_links_html(lang, tr(lang, "已送电工程页面", "Energized order pages"), energized))});

  for (const auto& e : entries)
    pages.push_back({e.href, splice(render_page(order_document(*e.order, in.as_of, lang)),
                                    nav_html(lang, PageKind::order, "../"), {})});
  return pages;
}

} // namespace yekuo::report
