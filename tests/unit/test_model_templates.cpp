#include "doctest_printers.hpp"
#include "test_dates.hpp"

#include <yekuo/calendar/calendar.hpp>
#include <yekuo/io/toml.hpp>
#include <yekuo/model/templates.hpp>
#include <yekuo/util/error.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <set>
#include <string>
#include <vector>

using yekuo::calendar::Date;
using namespace yekuo::model;

namespace {

TemplateValues sample_values() {
  TemplateValues v;
  v.id = "WX-2010-0117";
  v.name = "某电子有限公司新厂区110千伏新装";
  v.customer = "某电子有限公司";
  v.customer_manager = "王工";
  v.applied = D("2010-01-11");
  v.target = D("2010-05-31");
  return v;
}

toml::date to_toml(Date d) {
  return toml::date{d.year(), static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day())};
}

std::vector<std::string> stage_ids(const toml::table& doc) {
  std::vector<std::string> ids;
  const auto* stages = doc["stage"].as_array();
  REQUIRE(stages != nullptr);
  for (const auto& s : *stages) ids.push_back(s.as_table()->at("id").value_or(std::string{}));
  return ids;
}

const toml::table& stage(const toml::table& doc, std::string_view id) {
  for (const auto& s : *doc["stage"].as_array())
    if (s.as_table()->at("id").value_or(std::string{}) == id) return *s.as_table();
  FAIL("no stage " << std::string(id));
  throw std::logic_error("unreachable");
}

// Stage ids of the networks in the reference (yekuo-process.md §4 (a), (b)); 10kv-ordinary is
// (a) without design review and intermediate inspection.
const std::vector<std::string> k_10kv_ids{"negotiate",   "plan_reply",       "fees",
                                          "supply_contract", "customer_design", "design_review",
                                          "civil_works", "mid_check",        "customer_install",
                                          "completion_inspection", "energize"};
const std::vector<std::string> k_10kv_ordinary_ids{"negotiate",   "plan_reply",       "fees",
                                                   "supply_contract", "customer_design", "civil_works",
                                                   "customer_install", "completion_inspection", "energize"};
const std::vector<std::string> k_110kv_ids{
    "negotiate",      "access_design", "plan_reply",      "fees",        "supply_contract", "customer_design",
    "design_review",  "civil_works",   "mid_check",       "customer_install", "completion_inspection",
    "load_terminal",  "route_approval", "grid_project",   "grid_design", "procurement",     "line_construction",
    "bay_works",      "outage_plan",   "grid_acceptance", "dispatch",    "energize"};

// 35 kV (reference §2.4): the 110 kV network without the access-system design (110 kV and above
// only), design review and intermediate inspection kept.
const std::vector<std::string> k_35kv_ids{
    "negotiate",     "plan_reply",     "fees",            "supply_contract", "customer_design",
    "design_review", "civil_works",    "mid_check",       "customer_install", "completion_inspection",
    "load_terminal", "route_approval", "grid_project",    "grid_design",     "procurement",
    "line_construction", "bay_works",  "outage_plan",     "grid_acceptance", "dispatch",
    "energize"};

// The voltages a text mentions: a number followed by 千伏 or kV (spaces allowed between), not by
// 千伏安 or kVA (capacities).
std::vector<double> voltages_mentioned(const std::string& text) {
  std::vector<double> out;
  for (const std::string unit : {"千伏", "kV"}) {
    for (auto at = text.find(unit); at != std::string::npos; at = text.find(unit, at + unit.size())) {
      const std::string after = text.substr(at + unit.size(), 3);
      if (after.rfind("安", 0) == 0 || after.rfind("A", 0) == 0) continue;
      std::size_t end = at;
      while (end > 0 && text[end - 1] == ' ') --end;
      std::size_t begin = end;
      while (begin > 0 && ((text[begin - 1] >= '0' && text[begin - 1] <= '9') || text[begin - 1] == '.')) --begin;
      if (begin < end) out.push_back(std::stod(text.substr(begin, end - begin)));
    }
  }
  return out;
}

std::set<std::string> sorted(std::vector<std::string> v) { return {v.begin(), v.end()}; }
} // namespace

TEST_SUITE("model::templates") {

TEST_CASE("the shipped templates are listed and each has its text compiled in") {
  std::vector<std::string> names;
  for (const auto& t : list_templates()) {
    names.emplace_back(t.name);
    CHECK(find_template(t.name) == &t);
    CHECK(template_source(t.name).find("[[stage]]") != std::string_view::npos);
    CHECK(t.typical_working_days > 0);
    CHECK(!t.description_zh.empty());
    CHECK(!t.description_en.empty());
  }
  CHECK(names == std::vector<std::string>{"10kv", "10kv-ordinary", "35kv", "110kv"});
  CHECK(find_template("220kv") == nullptr);
  REQUIRE(template_for_voltage(35) != nullptr);
  CHECK(template_for_voltage(35)->name == "35kv");
  CHECK(template_for_voltage(110)->name == "110kv");
  CHECK(template_for_voltage(10)->name == "10kv");
  CHECK(template_for_voltage(220) == nullptr);
}

TEST_CASE("an unknown template name is an input error that lists the known ones") {
  try {
    (void)instantiate_template("220kv", sample_values());
    FAIL("no exception");
  } catch (const yekuo::InputError& e) {
    CHECK(std::string(e.what()).find("10kv, 10kv-ordinary, 35kv, 110kv") != std::string::npos);
  }
}

TEST_CASE("every template instantiates to TOML with the given values and a consistent stage network") {
  const std::pair<const char*, const std::vector<std::string>*> cases[] = {
      {"10kv", &k_10kv_ids}, {"10kv-ordinary", &k_10kv_ordinary_ids}, {"35kv", &k_35kv_ids}, {"110kv", &k_110kv_ids}};
  for (const auto& [name, expected_ids] : cases) {
    CAPTURE(std::string(name));
    const auto v = sample_values();
    const std::string text = instantiate_template(name, v);
    CHECK(text.find("{{") == std::string::npos);
    toml::table doc;
    REQUIRE_NOTHROW(doc = toml::parse(text));
    CHECK(doc["schema"].value<int64_t>() == 1);
    const auto& p = *doc["project"].as_table();
    CHECK(p["id"].value<std::string>() == v.id);
    CHECK(p["name"].value<std::string>() == v.name);
    CHECK(p["customer"].value<std::string>() == v.customer);
    CHECK(p["customer_manager"].value<std::string>() == v.customer_manager);
    CHECK(p["applied"].value<toml::date>() == to_toml(v.applied));
    CHECK(p["target"].value<toml::date>() == to_toml(v.target));
    CHECK(p["voltage_kv"].value<double>() == find_template(name)->voltage_kv);
    CHECK(p["capacity_kva"].value<double>() == find_template(name)->capacity_kva);
    for (const char* key : {"key_project", "live_line_work"}) CHECK(p[key].is_boolean());
    for (const char* key : {"customer_items", "customer_payments", "notes"}) CHECK(p[key].is_array());

    const auto ids = stage_ids(doc);
    CHECK(ids.size() == expected_ids->size());
    CHECK(sorted(ids) == sorted(*expected_ids));
    CHECK(ids.back() == "energize");
    const std::set<std::string> known(ids.begin(), ids.end());
    for (const auto& node : *doc["stage"].as_array()) {
      const auto& s = *node.as_table();
      CAPTURE(s["id"].value_or(std::string{}));
      CHECK(s["name"].is_string());
      CHECK(s["dept"].is_string());
      // Exactly one duration, positive; min_days (when given) shorter, in the same unit.
      CHECK(s.contains("days") != s.contains("calendar_days"));
      const int64_t d = s["days"].value_or(s["calendar_days"].value_or(int64_t{0}));
      CHECK(d > 0);
      if (s.contains("min_days")) {
        CHECK(s["min_days"].value_or(int64_t{0}) > 0);
        CHECK(s["min_days"].value_or(int64_t{0}) < d);
      }
      if (const auto* after = s["after"].as_array()) {
        for (const auto& a : *after) {
          const std::string pred = a.is_string() ? a.value_or(std::string{})
                                                 : a.as_table()->at("stage").value_or(std::string{});
          CHECK(known.count(pred) == 1);
        }
      }
    }
    // Customer stages are marked with the customer department.
    CHECK(stage(doc, "civil_works")["dept"].value<std::string>() == "客户");
    CHECK(stage(doc, "civil_works").contains("calendar_days"));
  }
}

TEST_CASE("the 110 kV template uses the reference's normal durations as days and the compressed ones as min_days") {
  const auto doc = toml::parse(instantiate_template("110kv", sample_values()));
  // yekuo-process.md §4(b): id, normal days, compressed days.
  const std::tuple<const char*, int, int> rows[] = {
      {"access_design", 20, 15}, {"plan_reply", 20, 10},      {"customer_design", 25, 15},
      {"design_review", 20, 5},  {"mid_check", 5, 3},         {"customer_install", 20, 15},
      {"completion_inspection", 7, 5}, {"route_approval", 30, 20}, {"grid_project", 20, 10},
      {"grid_design", 25, 15},   {"procurement", 35, 22},     {"line_construction", 35, 24},
      {"bay_works", 25, 15},     {"grid_acceptance", 5, 3},   {"energize", 7, 3}};
  for (const auto& [id, normal, compressed] : rows) {
    CAPTURE(id);
    CHECK(stage(doc, id)["days"].value<int64_t>() == normal);
    CHECK(stage(doc, id)["min_days"].value<int64_t>() == compressed);
  }
  // Stages the reference does not compress carry no min_days.
  for (const char* id : {"negotiate", "fees", "supply_contract", "outage_plan", "dispatch", "load_terminal"})
    CHECK_FALSE(stage(doc, id).contains("min_days"));
  CHECK(stage(doc, "civil_works")["calendar_days"].value<int64_t>() == 75);
  CHECK(stage(doc, "civil_works")["min_days"].value<int64_t>() == 50);
  // outage planning overlaps line construction (SS + 10).
  const auto& dep = *stage(doc, "outage_plan")["after"].as_array()->get(0)->as_table();
  CHECK(dep["stage"].value<std::string>() == "line_construction");
  CHECK(dep["type"].value<std::string>() == "SS");
  CHECK(dep["lag"].value<int64_t>() == 10);
}

TEST_CASE("every template's text names only its own voltage level") {
  // Stage names, notes, customer items and the description of a template are read by customers
  // and departments: a 35 kV order must not say "110千伏接入线路施工". Any voltage they mention
  // ("35千伏", "110 kV"; not 千伏安 or kVA, which are capacities) is the template's own.
  for (const auto& t : list_templates()) {
    CAPTURE(std::string(t.name));
    TemplateValues v = sample_values();
    v.name = "某公司新装"; // the sample's name says 110千伏
    const auto doc = toml::parse(instantiate_template(t.name, v));
    std::vector<std::string> texts{std::string(t.description_zh), std::string(t.description_en)};
    for (const auto& node : *doc["stage"].as_array()) {
      texts.push_back(node.as_table()->at("name").value_or(std::string{}));
      if (const auto* note = node.as_table()->get_as<std::string>("note")) texts.push_back(note->get());
    }
    for (const char* key : {"customer_items", "customer_payments", "notes"})
      for (const auto& item : *doc["project"][key].as_array()) texts.push_back(item.value_or(std::string{}));
    int mentions = 0;
    for (const auto& text : texts) {
      for (double kv : voltages_mentioned(text)) {
        CAPTURE(text);
        CHECK(kv == t.voltage_kv);
        ++mentions;
      }
    }
    CHECK(mentions > 0); // at least the description says which level it is for
  }
  CHECK(voltages_mentioned("35千伏接入线路施工、4000 千伏安、110 kV、10 kVA") == std::vector<double>{35, 110});
}

TEST_CASE("the 35 kV template has its own stage names and the 10 kV time limits with both checks") {
  const auto doc = toml::parse(instantiate_template("35kv", sample_values()));
  CHECK(stage(doc, "line_construction")["name"].value<std::string>() == "35千伏接入线路施工");
  CHECK_FALSE(stage_ids(doc).empty());
  // Reference §2.4: the same limits as 10 kV; design review and intermediate inspection required.
  const std::pair<const char*, int> limits[] = {{"plan_reply", 15},       {"design_review", 10}, {"mid_check", 5},
                                                {"completion_inspection", 5}, {"energize", 5}};
  for (const auto& [id, days] : limits) {
    CAPTURE(id);
    CHECK(stage(doc, id)["days"].value<int64_t>() == days);
  }
  CHECK(stage(doc, "plan_reply")["dept"].value<std::string>() == "发展策划部");
  CHECK(stage(doc, "grid_design")["dept"].value<std::string>() == "基建部");
  const auto ids = stage_ids(doc);
  CHECK(std::find(ids.begin(), ids.end(), "access_design") == ids.end()); // 110 kV and above only
}

TEST_CASE("hostile text stays inside its string") {
  const std::vector<std::string> hostile{
      "a\"b",
      "back\\slash\\",
      "line1\nline2\r\n",
      "\"\nevil = 1\n[evil]\nx = \"",
      "\"\"\" triple",
      "# not a comment ] } {{id}}",
      std::string("nul\0byte", 8),
      "bell\x07 esc\x1b del\x7f tab\t",
      "中文名称 😀",
  };
  for (const auto& h : hostile) {
    CAPTURE(h);
    auto v = sample_values();
    v.id = h;
    v.name = h;
    v.customer = h;
    v.customer_manager = h;
    toml::table doc;
    REQUIRE_NOTHROW(doc = toml::parse(instantiate_template("10kv", v)));
    const auto& p = *doc["project"].as_table();
    CHECK(p["id"].value<std::string>() == h);
    CHECK(p["name"].value<std::string>() == h);
    CHECK(p["customer"].value<std::string>() == h);
    CHECK(p["customer_manager"].value<std::string>() == h);
    CHECK_FALSE(doc.contains("evil"));
    CHECK_FALSE(p.contains("evil"));
    CHECK(p["applied"].value<toml::date>() == to_toml(v.applied));
    CHECK(stage_ids(doc).size() == k_10kv_ids.size());
  }
}

TEST_CASE("toml_escape writes TOML basic-string escapes") {
  CHECK(toml_escape("a\"b\\c") == "a\\\"b\\\\c");
  CHECK(toml_escape("\t\n\r\b\f") == "\\t\\n\\r\\b\\f");
  CHECK(toml_escape(std::string("\x01\x1f\x7f", 3)) == "\\u0001\\u001F\\u007F");
  CHECK(toml_escape("王工") == "王工");
  CHECK(toml_escape("") == "");
}

TEST_CASE("text that is not UTF-8 is refused, naming the field") {
  for (const std::string& bad : {std::string("\xff"), std::string("ab\xc3"), std::string("\xc0\xaf"),
                                std::string("\xed\xa0\x80"), std::string("\xf4\x90\x80\x80"), std::string("\x80")}) {
    CAPTURE(bad);
    auto v = sample_values();
    v.customer = bad;
    CHECK_THROWS_WITH_AS((void)instantiate_template("110kv", v), doctest::Contains("customer is not valid UTF-8"),
                         yekuo::InputError);
  }
  // The largest code point and a 4-byte emoji are fine.
  CHECK(toml_escape("\xf4\x8f\xbf\xbf") == "\xf4\x8f\xbf\xbf");
}

TEST_CASE("voltage and capacity override the template's defaults and are checked") {
  auto v = sample_values();
  v.voltage_kv = 20;
  v.capacity_kva = 6300;
  auto doc = toml::parse(instantiate_template("10kv", v));
  CHECK(doc["project"]["voltage_kv"].value<double>() == 20);
  CHECK(doc["project"]["capacity_kva"].value<double>() == 6300);
  v.voltage_kv = 0.4;
  doc = toml::parse(instantiate_template("10kv", v));
  CHECK(doc["project"]["voltage_kv"].value<double>() == doctest::Approx(0.4));
  for (double bad : {0.0, -10.0, std::nan(""), std::numeric_limits<double>::infinity(), 5000.0}) {
    CAPTURE(bad);
    v.voltage_kv = bad;
    CHECK_THROWS_AS((void)instantiate_template("10kv", v), yekuo::InputError);
  }
  v.voltage_kv.reset();
  v.capacity_kva = -1;
  CHECK_THROWS_AS((void)instantiate_template("10kv", v), yekuo::InputError);
}

TEST_CASE("the default target is the template's typical cycle in working days after acceptance") {
  const auto& cal = yekuo::calendar::WorkingCalendar::china();
  const auto* t110 = find_template("110kv");
  REQUIRE(t110 != nullptr);
  const Date target = default_target(*t110, D("2010-01-11"), cal);
  CHECK(cal.working_days_between(D("2010-01-11"), target) == t110->typical_working_days);
  CHECK(cal.is_working_day(target));
  // The reference puts the usual sequential cycle of this project at about 9 months, 2010-10-11
  // (yekuo-process.md §2.3); the default target must leave that feasible.
  CHECK(target >= D("2010-10-11"));
  CHECK(target <= D("2010-11-30"));
}

TEST_CASE("complete_values gives what a request leaves out the documented defaults") {
  const auto& cal = yekuo::calendar::WorkingCalendar::china();
  OrderRequest r;
  r.id = "WX-1";
  r.applied = D("2010-01-11");
  const TemplateValues v = complete_values(*find_template("110kv"), r, cal);
  CHECK(v.id == "WX-1");
  CHECK(v.customer == k_to_fill);
  CHECK(v.customer_manager == k_to_fill);
  CHECK(v.name == "110千伏新装工程");
  CHECK(v.target == D("2010-10-18")); // 190 working days after acceptance
  CHECK_FALSE(v.voltage_kv.has_value());

  r.customer = "某电子有限公司";
  r.voltage_kv = 35;
  r.target = D("2010-05-31");
  const TemplateValues w = complete_values(*find_template("35kv"), r, cal);
  CHECK(w.name == "某电子有限公司35千伏新装");
  CHECK(w.customer == "某电子有限公司");
  CHECK(w.target == D("2010-05-31"));

  r.target = D("2010-01-08");
  CHECK_THROWS_AS((void)complete_values(*find_template("35kv"), r, cal), yekuo::InputError);
}

TEST_CASE("voltage_mismatch names the template of the other level, and nothing when the levels agree") {
  CHECK_FALSE(voltage_mismatch(*find_template("10kv-ordinary"), 10).has_value());
  const auto note = voltage_mismatch(*find_template("110kv"), 35);
  REQUIRE(note.has_value());
  CHECK(note->find("for 35 kV use --template 35kv") != std::string::npos);
  const auto none = voltage_mismatch(*find_template("10kv"), 20);
  REQUIRE(none.has_value());
  CHECK(none->find("check them against the site survey") != std::string::npos);
}

TEST_CASE("the default project name is built from the customer and the voltage") {
  CHECK(default_project_name("某电子有限公司", 110) == "某电子有限公司110千伏新装");
  CHECK(default_project_name("", 10) == "10千伏新装工程");
  CHECK(default_project_name("甲", 0.4) == "甲0.4千伏新装");
}

TEST_CASE("the example project files parse and their dependencies name existing stages") {
  // `yekuo check` over examples/ is the full validation; this guards the files' TOML shape.
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(YEKUO_SOURCE_DIR) + "/examples")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".toml") continue;
    CAPTURE(entry.path().string());
    ++files;
    toml::table doc;
    REQUIRE_NOTHROW(doc = toml::parse_file(entry.path().string()));
    CHECK(doc["schema"].value<int64_t>() == 1);
    CHECK(doc["project"]["applied"].is_date());
    CHECK(doc["project"]["target"].is_date());
    const auto ids = stage_ids(doc);
    const std::set<std::string> known(ids.begin(), ids.end());
    CHECK(known.size() == ids.size());
    for (const auto& node : *doc["stage"].as_array())
      if (const auto* after = node.as_table()->get_as<toml::array>("after"))
        for (const auto& a : *after)
          CHECK(known.count(a.is_string() ? a.value_or(std::string{})
                                          : a.as_table()->at("stage").value_or(std::string{})) == 1);
  }
  CHECK(files >= 3);
}

}
