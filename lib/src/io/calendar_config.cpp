#include <yekuo/io/calendar_config.hpp>

#include "department_table.hpp"
#include "toml_values.hpp"

#include <yekuo/calendar/supported_years.hpp>

#include <algorithm>
#include <fmt/format.h>
#include <set>
#include <unordered_map>

namespace yekuo::io {

namespace detail {

namespace {

std::vector<calendar::Date> read_dates(Reader& r, const toml::table& t, std::string_view key, std::string_view where,
                                       std::unordered_map<std::int32_t, SourceLoc>& locs) {
  std::vector<calendar::Date> out;
  const toml::node* n = t.get(key);
  if (!n) return out;
  const auto* arr = n->as_array();
  if (!arr) {
    r.wrong_type(*n, fmt::format("\"{}\" in {}", key, where), "an array of dates",
                 fmt::format("write {} = [2027-01-01, 2027-10-08]", key));
    return out;
  }
  for (const auto& e : *arr) {
    // Calendar data is not itself a dated event: it does not trigger the coverage warning.
    if (auto d = r.date_value(e, fmt::format("an entry of \"{}\" in {}", key, where), false)) {
      out.push_back(*d);
      locs.emplace(d->days(), r.loc(e));
    }
  }
  return out;
}

} // namespace

calendar::CalendarOverrides read_calendar_table(Reader& r, const toml::table& t, std::string_view where) {
  r.check_keys(t, {"holidays", "workdays", "years"}, where);
  std::unordered_map<std::int32_t, SourceLoc> holiday_locs;
  std::unordered_map<std::int32_t, SourceLoc> workday_locs;
  calendar::CalendarOverrides out;
  out.holidays = read_dates(r, t, "holidays", where, holiday_locs);
  out.workdays = read_dates(r, t, "workdays", where, workday_locs);
  for (const auto d : out.workdays) {
    if (const auto it = holiday_locs.find(d.days()); it != holiday_locs.end())
      r.diags().error("calendar-conflict", workday_locs.at(d.days()),
                      fmt::format("{} is listed both as a holiday (line {}) and as a working day", d.iso(), it->second.line),
                      "keep the date in one of the two lists");
  }
  if (const toml::node* n = t.get("years")) {
    if (const auto* arr = n->as_array()) {
      for (const auto& e : *arr) {
        const auto* i = e.as_integer();
        if (!i) {
          r.wrong_type(e, fmt::format("an entry of \"years\" in {}", where), "an integer year", "write years = [2027]");
        } else if (i->get() < calendar::k_first_supported_year || i->get() > calendar::k_last_supported_year) {
          r.diags().error("date-out-of-range", r.loc(e),
                          fmt::format("year {} is outside the supported range {}..{}", i->get(),
                                      calendar::k_first_supported_year, calendar::k_last_supported_year),
                          "check the year");
        } else {
          out.covered_years.push_back(static_cast<int>(i->get()));
        }
      }
    } else {
      r.wrong_type(*n, fmt::format("\"years\" in {}", where), "an array of years", "write years = [2027]");
    }
  }
  return out;
}

} // namespace detail

namespace {

// [escalation]: director_days, deputy_days (whole working days, 1 <= director_days <= deputy_days).
model::EscalationThresholds read_escalation_table(detail::Reader& r, const toml::table& t) {
  const std::string_view w = "[escalation]";
  r.check_keys(t, {"director_days", "deputy_days"}, w);
  model::EscalationThresholds out;
  auto read = [&](std::string_view key, int& value) {
    const auto v = r.integer(t, key, w);
    if (!v) return;
    if (*v < 1 || *v > 1000) {
      r.diags().error("bad-escalation", r.loc(*t.get(key)),
                      fmt::format("{} = {} in [escalation] is out of range 1..1000", key, *v),
                      "give whole working days overdue, for example director_days = 5, deputy_days = 10");
      return;
    }
    value = static_cast<int>(*v);
  };
  read("director_days", out.director_days);
  read("deputy_days", out.deputy_days);
  if (out.deputy_days < out.director_days) {
    const toml::node* n = t.get("deputy_days") ? t.get("deputy_days") : t.get("director_days");
    r.diags().error("bad-escalation", n ? r.loc(*n) : r.loc(t),
                    fmt::format("deputy_days = {} is less than director_days = {} in [escalation]", out.deputy_days,
                                out.director_days),
                    "the deputy general manager comes after the centre's director: deputy_days >= director_days");
  }
  return out;
}

} // namespace

std::optional<OrgSettings> load_org_settings_text(std::string_view text, const std::string& path, Diagnostics& diags) {
  Diagnostics local;
  const auto doc = parse_toml(text, path, local);
  std::optional<OrgSettings> out;
  if (doc) {
    out.emplace();
    detail::Reader r(path, local);
    r.check_keys(doc->root, {"schema", "calendar", "escalation", "department"}, "an organization file (top level)");
    if (const toml::node* s = doc->root.get("schema"); s && !(s->as_integer() && s->as_integer()->get() == 1))
      local.error("bad-schema", r.loc(*s), "unsupported schema; calendar files use schema = 1", "write `schema = 1` or leave it out");
    const toml::node* n = doc->root.get("calendar");
    const toml::node* e = doc->root.get("escalation");
    const toml::node* d = doc->root.get("department");
    if (!n) {
      if (!e && !d)
        local.error("missing-key", SourceLoc{path, 1, 1}, "missing the [calendar] table",
                    "write [calendar] followed by holidays = [...], workdays = [...], years = [...] "
                    "(or [[department]] tables, or an [escalation] table)");
    } else if (const auto* t = n->as_table()) {
      out->calendar = detail::read_calendar_table(r, *t, "[calendar]");
    } else {
      r.wrong_type(*n, "\"calendar\"", "a table", "write a [calendar] table");
    }
    if (e) {
      if (const auto* t = e->as_table())
        out->escalation = read_escalation_table(r, *t);
      else
        r.wrong_type(*e, "\"escalation\"", "a table", "write an [escalation] table");
    }
    if (d) out->capacities = detail::read_department_tables(r, *d);
  }
  for (const auto& d : local.items()) diags.add(d);
  if (local.has_errors()) return std::nullopt;
  return out;
}

std::optional<OrgSettings> load_org_settings(const std::string& path, Diagnostics& diags) {
  const auto text = read_text_file(path, diags);
  if (!text) return std::nullopt;
  return load_org_settings_text(*text, path, diags);
}

std::optional<calendar::CalendarOverrides> load_calendar_overrides_text(std::string_view text, const std::string& path,
                                                                        Diagnostics& diags) {
  auto settings = load_org_settings_text(text, path, diags);
  if (!settings) return std::nullopt;
  return std::move(settings->calendar);
}

std::optional<calendar::CalendarOverrides> load_calendar_overrides(const std::string& path, Diagnostics& diags) {
  const auto text = read_text_file(path, diags);
  if (!text) return std::nullopt;
  return load_calendar_overrides_text(*text, path, diags);
}

calendar::CalendarOverrides merge_overrides(const calendar::CalendarOverrides& org,
                                            const calendar::CalendarOverrides& local) {
  std::set<calendar::Date> holidays(local.holidays.begin(), local.holidays.end());
  std::set<calendar::Date> workdays(local.workdays.begin(), local.workdays.end());
  for (const auto d : org.holidays)
    if (!workdays.count(d)) holidays.insert(d);
  for (const auto d : org.workdays)
    if (!holidays.count(d)) workdays.insert(d);
  std::set<int> years(org.covered_years.begin(), org.covered_years.end());
  years.insert(local.covered_years.begin(), local.covered_years.end());
  calendar::CalendarOverrides out;
  out.holidays.assign(holidays.begin(), holidays.end());
  out.workdays.assign(workdays.begin(), workdays.end());
  out.covered_years.assign(years.begin(), years.end());
  return out;
}

} // namespace yekuo::io
