#include <yekuo/io/baseline_file.hpp>

#include "toml_depth.hpp"

#include <yekuo/io/toml.hpp>
#include <yekuo/io/toml_loader.hpp>

#include <filesystem>
#include <fmt/format.h>
#include <sstream>

namespace yekuo::io {

namespace {

using calendar::Date;

SourceLoc loc_of(const toml::node& n, const std::string& path) {
  const auto& b = n.source().begin;
  return {path, static_cast<int>(b.line), static_cast<int>(b.column)};
}

toml::date to_toml(Date d) {
  return toml::date{d.year(), static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day())};
}

// Reads fields of one table, reporting problems against the file; keeps going after an error.
class Reader {
public:
  Reader(const toml::table& t, const std::string& path, Diagnostics& diags, SourceLoc where)
      : m_table(t), m_path(path), m_diags(diags), m_where(std::move(where)) {}

  std::optional<std::string> string(std::string_view key, bool required = true) {
    const auto* n = m_table.get(key);
    if (n == nullptr) return missing<std::string>(key, required);
    if (const auto* s = n->as_string()) return s->get();
    return wrong<std::string>(*n, key, "a string");
  }
  std::optional<std::int64_t> integer(std::string_view key, bool required = true) {
    const auto* n = m_table.get(key);
    if (n == nullptr) return missing<std::int64_t>(key, required);
    if (const auto* i = n->as_integer()) return i->get();
    return wrong<std::int64_t>(*n, key, "an integer");
  }
  std::optional<bool> boolean(std::string_view key, bool required = true) {
    const auto* n = m_table.get(key);
    if (n == nullptr) return missing<bool>(key, required);
    if (const auto* b = n->as_boolean()) return b->get();
    return wrong<bool>(*n, key, "true or false");
  }
  std::optional<Date> date(std::string_view key, bool required = true) {
    const auto* n = m_table.get(key);
    if (n == nullptr) return missing<Date>(key, required);
    if (const auto* d = n->as_date()) {
      const auto v = d->get();
      if (auto out = Date::from_ymd(v.year, v.month, v.day)) return out;
    }
    return wrong<Date>(*n, key, "a date like 2010-01-11");
  }

private:
  template <class T> std::optional<T> missing(std::string_view key, bool required) {
    if (required)
      m_diags.error("baseline-invalid", m_where, fmt::format("baseline: missing key '{}'", key),
                    "the baseline file is written by `yekuo plan --confirm`; restore it from version control");
    return std::nullopt;
  }
  template <class T> std::optional<T> wrong(const toml::node& n, std::string_view key, const char* expected) {
    m_diags.error("baseline-invalid", loc_of(n, m_path), fmt::format("baseline: '{}' must be {}", key, expected),
                  "the baseline file is written by `yekuo plan --confirm`; restore it from version control");
    return std::nullopt;
  }

  const toml::table& m_table;
  const std::string& m_path;
  Diagnostics& m_diags;
  SourceLoc m_where;
};

} // namespace

std::string baseline_path_for(const std::string& project_path) {
  const std::string ext = ".toml";
  if (project_path.size() > ext.size() && project_path.compare(project_path.size() - ext.size(), ext.size(), ext) == 0)
    return project_path.substr(0, project_path.size() - ext.size()) + ".baseline.toml";
  return project_path + ".baseline.toml";
}

BaselineLoad load_baseline(const std::string& path, Diagnostics& diags) {
  // Only a missing file means "not confirmed yet". Anything else goes through the project
  // loader's reader: an unreadable baseline, a FIFO (no hang) or a huge file is an error, not
  // silently "absent".
  std::error_code ec;
  if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) return {};
  const auto text = read_text_file(path, diags);
  if (!text) return {BaselineStatus::invalid, {}};
  return parse_baseline(*text, path, diags);
}

BaselineLoad parse_baseline(std::string_view text, const std::string& path, Diagnostics& diags) {
  BaselineLoad out;
  out.status = BaselineStatus::invalid;
  const std::size_t errors_before = diags.error_count();
  toml::table root;
  if (auto bad = find_invalid_utf8(text)) {
    diags.error("baseline-invalid", {path, bad->line, bad->column}, "baseline: the file is not valid UTF-8 text",
                "the baseline file is written by `yekuo plan --confirm`; restore it from version control");
    return out;
  }
  if (auto deep = detail::find_too_deep_key(text)) {
    diags.error("baseline-invalid", {path, deep->line, deep->column}, "baseline: keys nested too deep",
                "the baseline file is written by `yekuo plan --confirm`; restore it from version control");
    return out;
  }
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    diags.error("baseline-invalid", {path, static_cast<int>(b.line), static_cast<int>(b.column)},
                fmt::format("baseline: {}", e.description()),
                "the baseline file is written by `yekuo plan --confirm`; restore it from version control");
    return out;
  }
  Reader top(root, path, diags, {path, 1, 1});
  if (auto schema = top.integer("schema"); schema && *schema != 1)
    diags.error("baseline-invalid", {path, 1, 1}, fmt::format("baseline: unsupported schema {}", *schema));
  out.baseline.project_id = top.string("project").value_or("");
  if (const auto* pn = root.get("project")) out.baseline.project_loc = loc_of(*pn, path);
  else out.baseline.project_loc = {path, 1, 1};

  const auto* revisions = root.get_as<toml::array>("revision");
  if (revisions == nullptr || revisions->empty()) {
    diags.error("baseline-invalid", {path, 1, 1}, "baseline: no [[revision]]",
                "the baseline file is written by `yekuo plan --confirm`; restore it from version control");
    return out;
  }
  for (const auto& rnode : *revisions) {
    const auto* rt = rnode.as_table();
    if (rt == nullptr) {
      diags.error("baseline-invalid", loc_of(rnode, path), "baseline: [[revision]] must be a table");
      continue;
    }
    model::BaselineRevision rev;
    rev.loc = loc_of(rnode, path);
    Reader r(*rt, path, diags, rev.loc);
    rev.number = static_cast<int>(r.integer("number").value_or(0));
    rev.confirmed = r.date("confirmed").value_or(Date{});
    rev.reason = r.string("reason").value_or("");
    rev.applied = r.date("applied").value_or(Date{});
    rev.target = r.date("target").value_or(Date{});
    rev.planned_energization = r.date("planned_energization").value_or(Date{});
    if (const auto* stages = rt->get_as<toml::array>("stage")) {
      for (const auto& snode : *stages) {
        const auto* st = snode.as_table();
        if (st == nullptr) continue;
        Reader s(*st, path, diags, loc_of(snode, path));
        model::BaselineStage bs;
        bs.id = s.string("id").value_or("");
        bs.name = s.string("name", false).value_or(bs.id);
        bs.dept = s.string("dept", false).value_or("");
        bs.customer = s.boolean("customer", false).value_or(false);
        if (st->contains("calendar_days")) {
          bs.unit = model::DurationUnit::calendar_days;
          bs.duration = static_cast<int>(s.integer("calendar_days").value_or(0));
        } else {
          bs.duration = static_cast<int>(s.integer("days").value_or(0));
        }
        bs.limit_days = static_cast<int>(s.integer("limit_days").value_or(bs.duration));
        bs.start = s.date("start").value_or(Date{});
        bs.deadline = s.date("deadline").value_or(Date{});
        if (bs.deadline < bs.start)
          diags.error("baseline-invalid", loc_of(snode, path),
                      fmt::format("baseline: stage '{}' has its deadline before its start", bs.id));
        rev.stages.push_back(std::move(bs));
      }
    }
    out.baseline.revisions.push_back(std::move(rev));
  }
  if (diags.error_count() == errors_before) out.status = BaselineStatus::loaded;
  return out;
}

bool check_baseline_owner(const model::Baseline& baseline, std::string_view project_id, const std::string& order_path,
                          Diagnostics& diags) {
  if (baseline.project_id == project_id) return true;
  diags.error("baseline-mismatch", baseline.project_loc,
              fmt::format("this baseline belongs to order '{}', not to '{}' ({})", baseline.project_id, project_id,
                          order_path),
              fmt::format("a baseline is the confirmed plan of the order next to it: restore the right file from "
                          "version control, or remove it and confirm again with `yekuo plan {} --confirm`",
                          order_path));
  return false;
}

BaselineLoad load_order_baseline(const std::string& order_path, std::string_view project_id, Diagnostics& diags) {
  auto out = load_baseline(baseline_path_for(order_path), diags);
  if (out.status == BaselineStatus::loaded && !check_baseline_owner(out.baseline, project_id, order_path, diags))
    out.status = BaselineStatus::invalid;
  return out;
}

std::optional<std::string> peek_project_id(const std::string& order_path) {
  Diagnostics ignored;
  const auto text = read_text_file(order_path, ignored);
  if (!text) return std::nullopt;
  const auto doc = parse_toml(*text, order_path, ignored);
  if (!doc) return std::nullopt;
  if (const auto* id = doc->root.at_path("project.id").as_string()) return id->get();
  return std::nullopt;
}

std::string serialize_baseline(const model::Baseline& baseline) {
  toml::table root;
  root.insert("schema", 1);
  root.insert("project", baseline.project_id);
  toml::array revisions;
  for (const auto& rev : baseline.revisions) {
    toml::table r;
    r.insert("number", rev.number);
    r.insert("confirmed", to_toml(rev.confirmed));
    r.insert("reason", rev.reason);
    r.insert("applied", to_toml(rev.applied));
    r.insert("target", to_toml(rev.target));
    r.insert("planned_energization", to_toml(rev.planned_energization));
    toml::array stages;
    for (const auto& s : rev.stages) {
      toml::table t;
      t.insert("id", s.id);
      t.insert("name", s.name);
      t.insert("dept", s.dept);
      t.insert("customer", s.customer);
      t.insert(s.unit == model::DurationUnit::calendar_days ? "calendar_days" : "days", s.duration);
      t.insert("limit_days", s.limit_days);
      t.insert("start", to_toml(s.start));
      t.insert("deadline", to_toml(s.deadline));
      stages.push_back(std::move(t));
    }
    r.insert("stage", std::move(stages));
    revisions.push_back(std::move(r));
  }
  root.insert("revision", std::move(revisions));
  std::ostringstream out;
  out << "# Confirmed plan (基线) written by `yekuo plan --confirm`. Do not edit by hand.\n"
         "# Revisions are only appended; the last one is in force.\n\n";
  out << root << "\n";
  return out.str();
}

} // namespace yekuo::io
