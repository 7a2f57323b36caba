// The organization file's [[department]] tables (department capacity, docs/capacity.md):
//
//   [[department]]
//   name = "基建部"          # as the stages' dept
//   concurrent = 3           # stages it can have running in one week
//   [[department.week]]      # optional: a week declared differently
//   start = 2027-02-08       # its Monday
//   concurrent = 1
#include "department_table.hpp"

#include <yekuo/calendar/week.hpp>

#include <algorithm>
#include <fmt/format.h>
#include <map>

namespace yekuo::io::detail {

namespace {

constexpr std::int64_t k_max_concurrent = 100000;

std::optional<int> concurrent(Reader& r, const toml::table& t, std::string_view where, std::int64_t min) {
  const auto v = r.integer(t, "concurrent", where, true, "write concurrent = 3 (stages it can run in one week)");
  if (!v) return std::nullopt;
  if (*v < min || *v > k_max_concurrent) {
    r.diags().error("bad-capacity", r.loc(*t.get("concurrent")),
                    fmt::format("concurrent = {} in {} is out of range {}..{}", *v, where, min, k_max_concurrent),
                    min == 0 ? "give the stages it can run that week (0: none)"
                             : "give how many of its stages can run in one week, at least 1");
    return std::nullopt;
  }
  return static_cast<int>(*v);
}

void read_weeks(Reader& r, const toml::node& n, model::DepartmentCapacity& dept, std::string_view where) {
  const auto* arr = n.as_array();
  if (!arr || !arr->is_array_of_tables()) {
    r.wrong_type(n, fmt::format("\"week\" in {}", where), "an array of tables",
                 "write [[department.week]] with start = 2027-02-08 and concurrent = 1");
    return;
  }
  std::map<calendar::Date, SourceLoc> seen;
  for (const auto& e : *arr) {
    const auto& t = *e.as_table();
    const std::string w = fmt::format("[[department.week]] of {}", where);
    r.check_keys(t, {"start", "concurrent"}, w);
    const auto start = r.date(t, "start", w, true, "write start = 2027-02-08 (the Monday of the week)", false);
    const auto cap = concurrent(r, t, w, 0);
    if (!start || !cap) continue;
    const auto loc = r.loc(*t.get("start"));
    if (start->weekday() != 0) {
      r.diags().error("bad-capacity", loc, fmt::format("{} is not a Monday: a week starts on a Monday", start->iso()),
                      fmt::format("write start = {} (the Monday of that week)", calendar::week_start(*start).iso()));
      continue;
    }
    if (const auto it = seen.find(*start); it != seen.end()) {
      r.diags().error("duplicate-week", loc,
                      fmt::format("the week of {} is already declared for {} (line {})", start->iso(), dept.name,
                                  it->second.line),
                      "keep one [[department.week]] per week");
      continue;
    }
    seen.emplace(*start, loc);
    dept.weeks.push_back(model::CapacityWeek{*start, *cap, loc});
  }
  std::sort(dept.weeks.begin(), dept.weeks.end(),
            [](const model::CapacityWeek& a, const model::CapacityWeek& b) { return a.week < b.week; });
}

} // namespace

model::Capacities read_department_tables(Reader& r, const toml::node& n) {
  model::Capacities out;
  const auto* arr = n.as_array();
  if (!arr || !arr->is_array_of_tables()) {
    r.wrong_type(n, "\"department\"", "an array of tables",
                 "write [[department]] with name = \"基建部\" and concurrent = 3");
    return out;
  }
  std::map<std::string, SourceLoc, std::less<>> seen;
  for (const auto& e : *arr) {
    const auto& t = *e.as_table();
    r.check_keys(t, {"name", "concurrent", "week"}, "[[department]]");
    model::DepartmentCapacity dept;
    dept.loc = r.loc(t);
    const auto name = r.string(t, "name", "[[department]]", true, true, "write name = \"基建部\" (as the stages' dept)");
    const auto where = name ? fmt::format("[[department]] \"{}\"", *name) : std::string("[[department]]");
    const auto cap = concurrent(r, t, where, 1);
    if (name) {
      dept.name = *name;
      const auto loc = r.loc(*t.get("name"));
      if (const auto it = seen.find(*name); it != seen.end())
        r.diags().error("duplicate-department", loc,
                        fmt::format("department \"{}\" is already declared (line {})", *name, it->second.line),
                        "keep one [[department]] per department");
      else
        seen.emplace(*name, loc);
    }
    if (cap) dept.concurrent = *cap;
    if (const toml::node* w = t.get("week")) read_weeks(r, *w, dept, where);
    if (name && cap) out.departments.push_back(std::move(dept));
  }
  return out;
}

} // namespace yekuo::io::detail
