#include "toml_values.hpp"

#include <yekuo/util/spellcheck.hpp>

#include <cmath>
#include <fmt/format.h>

namespace yekuo::io::detail {

const char* type_phrase(toml::node_type t) {
  switch (t) {
  case toml::node_type::none: return "nothing";
  case toml::node_type::table: return "a table";
  case toml::node_type::array: return "an array";
  case toml::node_type::string: return "a string";
  case toml::node_type::integer: return "an integer";
  case toml::node_type::floating_point: return "a floating-point number";
  case toml::node_type::boolean: return "a boolean";
  case toml::node_type::date: return "a date";
  case toml::node_type::time: return "a time";
  case toml::node_type::date_time: return "a date-time";
  }
  return "a value";
}

SourceLoc Reader::loc(const toml::node& n) const {
  auto l = loc_of(n.source(), m_path);
  if (l.line <= 0) l.line = l.column = 1;
  return l;
}

SourceLoc Reader::loc(const toml::key& k) const {
  auto l = loc_of(k.source(), m_path);
  if (l.line <= 0) l.line = l.column = 1;
  return l;
}

SourceLoc Reader::key_loc(const toml::table& t, std::string_view key) const {
  const auto it = t.find(key);
  return it == t.end() ? loc(t) : loc(it->first);
}

void Reader::check_keys(const toml::table& t, const std::vector<std::string_view>& allowed, std::string_view where) {
  for (auto&& [k, v] : t) {
    const std::string_view name = k.str();
    bool known = false;
    for (const auto a : allowed) known = known || a == name;
    if (known) continue;
    std::string list;
    for (const auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
    m_diags.error("unknown-key", loc(k),
                  fmt::format("unknown key \"{}\" in {}{}", name, where, did_you_mean(name, allowed)),
                  fmt::format("keys allowed here: {}", list));
  }
}

void Reader::missing(const toml::table& t, std::string_view key, std::string_view where, std::string hint) {
  m_diags.error("missing-key", loc(t), fmt::format("missing key \"{}\" in {}", key, where), std::move(hint));
}

void Reader::wrong_type(const toml::node& n, std::string_view what, std::string_view expected, std::string hint) {
  m_diags.error("wrong-type", loc(n), fmt::format("{} must be {}, not {}", what, expected, type_phrase(n.type())),
                std::move(hint));
}

std::optional<std::string> Reader::string(const toml::table& t, std::string_view key, std::string_view where,
                                          bool required, bool non_empty, std::string hint) {
  const toml::node* n = t.get(key);
  if (!n) {
    if (required) missing(t, key, where, hint.empty() ? fmt::format("add {} = \"...\"", key) : std::move(hint));
    return std::nullopt;
  }
  const auto* s = n->as_string();
  if (!s) {
    wrong_type(*n, fmt::format("\"{}\" in {}", key, where), "a string", fmt::format("write {} = \"...\"", key));
    return std::nullopt;
  }
  if (non_empty && s->get().find_first_not_of(" \t") == std::string::npos) {
    m_diags.error("empty-value", loc(*n), fmt::format("\"{}\" in {} is empty", key, where),
                  hint.empty() ? fmt::format("give {} a value", key) : std::move(hint));
    return std::nullopt;
  }
  return s->get();
}

std::optional<std::int64_t> Reader::integer(const toml::table& t, std::string_view key, std::string_view where,
                                            bool required, std::string hint) {
  const toml::node* n = t.get(key);
  if (!n) {
    if (required) missing(t, key, where, std::move(hint));
    return std::nullopt;
  }
  if (const auto* i = n->as_integer()) return i->get();
  if (const auto* f = n->as_floating_point(); f && std::isfinite(f->get()) && f->get() == std::floor(f->get()) &&
                                              std::fabs(f->get()) < 1e9) {
    // 5.0 is a whole number; accept it rather than nag.
    return static_cast<std::int64_t>(f->get());
  }
  wrong_type(*n, fmt::format("\"{}\" in {}", key, where), "a whole number",
             fmt::format("write {} = 5 (no quotes, no decimals)", key));
  return std::nullopt;
}

std::optional<double> Reader::number(const toml::table& t, std::string_view key, std::string_view where) {
  const toml::node* n = t.get(key);
  if (!n) return std::nullopt;
  if (const auto* i = n->as_integer()) return static_cast<double>(i->get());
  if (const auto* f = n->as_floating_point()) {
    if (std::isfinite(f->get())) return f->get();
    m_diags.error("bad-value", loc(*n), fmt::format("\"{}\" in {} must be a finite number", key, where),
                  fmt::format("write {} = 10", key));
    return std::nullopt;
  }
  wrong_type(*n, fmt::format("\"{}\" in {}", key, where), "a number", fmt::format("write {} = 10 (no quotes)", key));
  return std::nullopt;
}

std::optional<bool> Reader::boolean(const toml::table& t, std::string_view key, std::string_view where) {
  const toml::node* n = t.get(key);
  if (!n) return std::nullopt;
  if (const auto* b = n->as_boolean()) return b->get();
  wrong_type(*n, fmt::format("\"{}\" in {}", key, where), "a boolean",
             fmt::format("write {} = true or {} = false (no quotes)", key, key));
  return std::nullopt;
}

std::optional<std::vector<std::string>> Reader::string_array(const toml::table& t, std::string_view key,
                                                             std::string_view where) {
  const toml::node* n = t.get(key);
  if (!n) return std::nullopt;
  const auto* arr = n->as_array();
  if (!arr) {
    wrong_type(*n, fmt::format("\"{}\" in {}", key, where), "an array of strings",
               fmt::format("write {} = [\"...\", \"...\"]", key));
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (const auto& e : *arr) {
    if (const auto* s = e.as_string()) {
      out.push_back(s->get());
    } else {
      wrong_type(e, fmt::format("each entry of \"{}\" in {}", key, where), "a string", "put the text in quotes");
      ok = false;
    }
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<calendar::Date> Reader::date(const toml::table& t, std::string_view key, std::string_view where,
                                           bool required, std::string hint, bool track) {
  const toml::node* n = t.get(key);
  if (!n) {
    if (required) missing(t, key, where, hint.empty() ? fmt::format("add {} = 2010-01-11", key) : std::move(hint));
    return std::nullopt;
  }
  return date_value(*n, fmt::format("\"{}\" in {}", key, where), track);
}

std::optional<calendar::Date> Reader::date_value(const toml::node& n, std::string_view what, bool track) {
  std::optional<calendar::Date> d;
  int year = 0;
  if (const auto* v = n.as_date()) {
    const toml::date td = v->get();
    year = td.year;
    d = calendar::Date::from_ymd(td.year, td.month, td.day); // toml++ has checked the day of the month
  } else if (const auto* s = n.as_string()) {
    const std::string& text = s->get();
    d = calendar::Date::parse_iso(text);
    if (!d) {
      const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-';
      if (shaped && text.substr(0, 4) == "0000") {
        year = 0; // fall through to the range error below
      } else {
        m_diags.error("bad-date", loc(n),
                      shaped ? fmt::format("{}: \"{}\" is not a real date", what, text)
                             : fmt::format("{} must be a date (YYYY-MM-DD), got \"{}\"", what, text),
                      "write the date as YYYY-MM-DD, for example 2010-01-11");
        return std::nullopt;
      }
    } else {
      year = d->year();
    }
  } else if (n.is_date_time()) {
    wrong_type(n, what, "a date", "write only the date, without a time: 2010-01-11");
    return std::nullopt;
  } else {
    wrong_type(n, what, "a date", "write the date as YYYY-MM-DD without quotes, for example 2010-01-11");
    return std::nullopt;
  }
  if (!d || !calendar::is_supported_year(year)) {
    m_diags.error("date-out-of-range", loc(n),
                  fmt::format("{}: {} is outside the supported range {}-01-01..{}-12-31", what,
                              d ? d->iso() : fmt::format("year {}", year), calendar::k_first_supported_year,
                              calendar::k_last_supported_year),
                  "check the year");
    return std::nullopt;
  }
  if (track) m_dates.push_back({*d, loc(n)});
  return d;
}

} // namespace yekuo::io::detail
