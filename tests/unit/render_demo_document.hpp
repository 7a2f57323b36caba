#pragma once
// A small plan-confirmation-like Document used by the render tests (and to look at the HTML).
#include "test_dates.hpp"

#include <yekuo/report/document.hpp>

namespace render_test {

inline yekuo::report::Document demo_document() {
  using namespace yekuo::report;
  Document doc;
  doc.title = "业扩工程计划安排确认表";
  doc.subtitle = "WX-2010-0117 某电子有限公司新厂区110千伏新装";
  doc.warnings = {"2011 年无官方节假日数据，按周一至周五计算（计划为临时计划）"};
  doc.blocks.emplace_back(KeyValues{"项目信息",
                                    {{"客户", {"某电子有限公司", Style::customer}},
                                     {"受理日期", {"2010-01-11", Style::normal}},
                                     {"客户期望接电日期", {"2010-05-31", Style::strong}},
                                     {"带电作业", {"是", Style::normal}}}});
  Table t;
  t.title = "阶段时限";
  t.columns = {{"序号", Align::right}, {"阶段", Align::left}, {"部门", Align::left}, {"工作日", Align::right},
               {"时限", Align::center}, {"状态", Align::left}};
  t.rows = {
      {{"1"}, {"客户商谈及初步供电方案"}, {"客户服务中心"}, {"5"}, {"2010-01-18"}, {"按期完成", Style::ok}},
      {{"2"}, {"供电方案答复"}, {"发展策划部"}, {"15"}, {"2010-02-08"}, {"逾期 3 天", Style::overdue}},
      {{"3"}, {"客户受电工程土建"}, {"客户"}, {"40"}, {"2010-04-20"}, {"关键", Style::critical}},
  };
  doc.blocks.emplace_back(t);
  doc.blocks.emplace_back(BulletList{"客户需办理事项", {{"提供用电报装资料"}, {"接入工程路径及通道规划报批"}}});
  doc.blocks.emplace_back(Paragraph{{"接入工程需停电配合，请提前安排。"}});
  Gantt g;
  g.title = "计划与实际";
  g.from = D("2010-01-11");
  g.to = D("2010-05-31");
  g.rows = {
      {"客户商谈及初步供电方案", "客户服务中心", false, false,
       {{D("2010-01-12"), D("2010-01-18"), BarKind::planned, Style::normal, ""},
        {D("2010-01-12"), D("2010-01-15"), BarKind::actual, Style::ok, ""}}},
      {"供电方案答复", "发展策划部", false, true,
       {{D("2010-01-19"), D("2010-02-08"), BarKind::planned, Style::normal, ""},
        {D("2010-01-19"), D("2010-02-05"), BarKind::baseline, Style::normal, ""},
        {D("2010-01-19"), D("2010-02-11"), BarKind::actual, Style::overdue, ""}}},
      {"客户受电工程土建", "客户", true, true,
       {{D("2010-02-09"), D("2010-04-20"), BarKind::planned, Style::normal, ""},
        {D("2010-03-01"), D("2010-03-05"), BarKind::excluded, Style::normal, "客户土建图纸变更"}}},
  };
  g.markers = {{D("2010-05-31"), "目标接电日期", Style::critical}, {D("2010-03-10"), "今天", Style::normal}};
  for (auto d = g.from; d <= g.to; d = d.plus_days(1))
    if (d.is_weekend()) g.non_working_days.push_back(d);
  doc.blocks.emplace_back(g);
  doc.blocks.emplace_back(SignatureLines{{"客户确认（签字）", "客户经理"}, "日期"});
  return doc;
}

// A page of a site: navigation (the second link current), a stacked table whose first column
// links, a linked list item, a linked key/value and a linked paragraph.
inline yekuo::report::Document site_document() {
  using namespace yekuo::report;
  Document doc;
  doc.title = "全部工程";
  doc.navigation = {"站点导航",
                    {{"全部工程", "index.html", false}, {"每周考评", "evaluation.html", true}, {"考核", "assessment.html", false}}};
  Table t;
  t.title = "工程一览";
  t.stack = true;
  t.columns = {{"工程编号"}, {"状态"}};
  t.rows = {{{"SZ-1", Style::normal, "orders/sz-1.html"}, {"滞后", Style::overdue}},
            {{"SZ-2", Style::strong, "orders/sz-2.html"}, {"正常", Style::ok}}};
  doc.blocks.emplace_back(t);
  doc.blocks.emplace_back(BulletList{"在办工程页面", {{"SZ-1 某工程 — 滞后", Style::normal, "orders/sz-1.html"}}});
  doc.blocks.emplace_back(KeyValues{"概况", {{"首页", {"index", Style::normal, "index.html"}}}});
  doc.blocks.emplace_back(Paragraph{{"返回", Style::muted, "../index.html"}});
  return doc;
}

} // namespace render_test
