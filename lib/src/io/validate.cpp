#include <yekuo/io/validate.hpp>

#include "toml_values.hpp"

#include <yekuo/calendar/cn_holidays.hpp>
#include <yekuo/graph/stage_graph.hpp>
#include <yekuo/io/toml_loader.hpp>
#include <yekuo/util/spellcheck.hpp>

#include <algorithm>
#include <fmt/format.h>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace yekuo::io {

namespace {

using detail::Reader;
using model::Date;

const std::vector<std::string_view> k_top_keys{"schema",  "project",    "stage",   "progress",
                                               "delay",   "revisit",    "calendar", "inspection",
                                               "coordination", "ruling"};
const std::vector<std::string_view> k_ruling_keys{"stage", "decision", "date", "by", "reason"};
const std::vector<std::string_view> k_coordination_keys{"stage", "date", "by", "outcome", "note"};
const std::vector<std::string_view> k_inspection_keys{"date", "result", "note"};
const std::vector<std::string_view> k_project_keys{
    "id",           "name",       "customer",       "voltage_kv",       "capacity_kva",
    "key_project",  "important",  "live_line_work", "customer_manager", "applied",
    "target",       "customer_items", "customer_payments", "notes"};
const std::vector<std::string_view> k_stage_keys{"id",       "name",     "dept",  "party", "days",
                                                 "calendar_days", "min_days", "after", "note", "finish_within",
                                                 "owner"};
const std::vector<std::string_view> k_after_keys{"stage", "type", "lag"};
const std::vector<std::string_view> k_progress_keys{"stage", "started", "finished", "note"};
const std::vector<std::string_view> k_delay_keys{"stage", "from", "to", "reason", "reported", "note"};
const std::vector<std::string_view> k_revisit_keys{"date", "satisfied", "issues"};

constexpr std::int64_t k_max_days = 2000;
constexpr std::int64_t k_max_calendar_days = 5000;
constexpr std::int64_t k_max_lag = 2000;
// Computing "did you mean" scans every stage id; a file with thousands of bad references
// gets suggestions for the first ones only, which keeps validation linear.
constexpr std::size_t k_max_suggestions = 50;

bool has_space(std::string_view s) {
  for (const char c : s)
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return true;
  return s.find("\xE3\x80\x80") != std::string_view::npos; // U+3000 ideographic space
}

std::string upper(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return out;
}

class ProjectValidator {
public:
  ProjectValidator(const RawDoc& doc, Diagnostics& diags, const LoadOptions& options)
      : m_doc(doc), m_r(doc.path, diags), m_options(options) {}

  std::optional<model::Project> run() {
    m_p.file = m_doc.path;
    const auto& root = m_doc.root;
    m_r.check_keys(root, k_top_keys, "the file (top level)");
    read_schema();
    read_project();
    read_stages();
    resolve_stages();
    check_cycle();
    read_progress();
    read_delays();
    read_revisit();
    read_inspection();
    check_follow_ups_after_energization();
    read_coordinations();
    read_rulings();
    if (const toml::node* n = root.get("calendar")) {
      if (const auto* t = n->as_table())
        m_p.calendar = detail::read_calendar_table(m_r, *t, "[calendar]");
      else
        m_r.wrong_type(*n, "\"calendar\"", "a table", "write a [calendar] table");
    }
    warn_provisional();
    if (m_r.diags().has_errors()) return std::nullopt;
    return std::move(m_p);
  }

private:
  Diagnostics& diags() { return m_r.diags(); }

  SourceLoc value_loc(const toml::table& t, std::string_view key) {
    const toml::node* n = t.get(key);
    return n ? m_r.loc(*n) : m_r.loc(t);
  }

  void read_schema() {
    const auto& root = m_doc.root;
    const toml::node* n = root.get("schema");
    if (!n) {
      diags().error("missing-key", SourceLoc{m_doc.path, 1, 1}, "missing \"schema\" (the file format version)",
                    "add `schema = 1` as the first line");
      return;
    }
    const auto* i = n->as_integer();
    if (!i) {
      m_r.wrong_type(*n, "\"schema\"", "an integer", "write `schema = 1` (no quotes)");
      return;
    }
    if (i->get() != 1) {
      diags().error("bad-schema", m_r.loc(*n), fmt::format("unsupported schema {}; this yekuo reads schema 1", i->get()),
                    "write `schema = 1`, or use the yekuo version that wrote this file");
      return;
    }
    m_p.schema = 1;
  }

  void read_project() {
    const toml::node* n = m_doc.root.get("project");
    if (!n) {
      diags().error("missing-key", SourceLoc{m_doc.path, 1, 1}, "missing the [project] table",
                    "add a [project] table with id, name, applied and target");
      return;
    }
    const auto* t = n->as_table();
    if (!t) {
      m_r.wrong_type(*n, "\"project\"", "a table", "write a [project] table");
      return;
    }
    const std::string_view w = "[project]";
    auto& info = m_p.info;
    info.loc = m_r.loc(*t);
    m_r.check_keys(*t, k_project_keys, w);
    if (auto v = m_r.string(*t, "id", w, true, true, "add id = \"WX-2010-0117\" (the order number)")) info.id = *v;
    if (auto v = m_r.string(*t, "name", w, true, true, "add name = \"...\" (the project's name)")) info.name = *v;
    if (auto v = m_r.string(*t, "customer", w, false, false)) info.customer = *v;
    if (auto v = m_r.string(*t, "customer_manager", w, false, false)) info.customer_manager = *v;
    if (auto v = m_r.number(*t, "voltage_kv", w)) {
      if (*v > 0)
        info.voltage_kv = *v;
      else
        diags().error("bad-value", value_loc(*t, "voltage_kv"), "voltage_kv must be greater than 0",
                      "give the supply voltage in kV, for example voltage_kv = 10");
    }
    if (auto v = m_r.number(*t, "capacity_kva", w)) {
      if (*v >= 0)
        info.capacity_kva = *v;
      else
        diags().error("bad-value", value_loc(*t, "capacity_kva"), "capacity_kva must not be negative",
                      "give the installed capacity in kVA, for example capacity_kva = 48000");
    }
    if (auto v = m_r.boolean(*t, "key_project", w)) info.key_project = *v;
    if (auto v = m_r.boolean(*t, "important", w)) info.important = *v;
    if (auto v = m_r.boolean(*t, "live_line_work", w)) info.live_line_work = *v;
    if (auto v = m_r.string_array(*t, "customer_items", w)) info.customer_items = std::move(*v);
    if (auto v = m_r.string_array(*t, "customer_payments", w)) info.customer_payments = std::move(*v);
    if (auto v = m_r.string_array(*t, "notes", w)) info.notes = std::move(*v);

    const auto applied = m_r.date(*t, "applied", w, true, "add applied = 2010-01-11 (the date the application was accepted, 受理日期)");
    const auto target = m_r.date(*t, "target", w, true, "add target = 2010-05-31 (the customer's target energization date, 期望接电日期)");
    info.applied_loc = value_loc(*t, "applied");
    info.target_loc = value_loc(*t, "target");
    if (applied) {
      info.applied = *applied;
      m_applied = applied;
    }
    if (target) info.target = *target;
    if (applied && target && *target < *applied)
      diags().error("target-before-applied", info.target_loc,
                    fmt::format("target {} is before the application date {}", target->iso(), applied->iso()),
                    "the target energization date must be on or after `applied`");
  }

  // The tables of an array of tables ([[stage]]); reports a plain table or other value.
  std::vector<const toml::table*> tables_of(std::string_view key) {
    std::vector<const toml::table*> out;
    const toml::node* n = m_doc.root.get(key);
    if (!n) return out;
    const auto* arr = n->as_array();
    if (!arr) {
      m_r.wrong_type(*n, fmt::format("\"{}\"", key), fmt::format("an array of tables [[{}]]", key),
                     fmt::format("write [[{}]] (double brackets) before each entry", key));
      return out;
    }
    out.reserve(arr->size());
    for (const auto& e : *arr) {
      if (const auto* t = e.as_table())
        out.push_back(t);
      else
        m_r.wrong_type(e, fmt::format("each \"{}\" entry", key), "a table",
                       fmt::format("write each entry as a [[{}]] table", key));
    }
    return out;
  }

  void read_stages() {
    const auto tables = tables_of("stage");
    const toml::node* n = m_doc.root.get("stage");
    // A [stage] table or a list of non-tables has been reported already.
    const bool reported = n && !(n->as_array() && n->as_array()->empty());
    if (tables.empty() && !reported) {
      diags().error("no-stages", n ? m_r.loc(*n) : SourceLoc{m_doc.path, 1, 1}, "the project has no stages",
                    "add at least one [[stage]] with id, name, dept and days");
      return;
    }
    if (tables.empty()) return;
    m_p.stages.reserve(tables.size());
    m_id_locs.reserve(tables.size());
    for (std::size_t i = 0; i < tables.size(); ++i) read_stage(*tables[i], i);
  }

  void read_stage(const toml::table& t, std::size_t number) {
    model::Stage s;
    s.loc = m_r.loc(t);
    std::string w = fmt::format("[[stage]] #{}", number + 1);
    if (auto id = m_r.string(t, "id", w, true, true, "add id = \"...\" (a short name other stages use in `after`)")) {
      if (has_space(*id)) {
        diags().error("bad-id", value_loc(t, "id"), fmt::format("stage id \"{}\" contains whitespace", *id),
                      "use letters, digits, '_' or '-' (for example plan_reply)");
      } else {
        s.id = *id;
        w = fmt::format("stage \"{}\"", s.id);
      }
    }
    m_id_locs.push_back(value_loc(t, "id"));
    m_r.check_keys(t, k_stage_keys, w);
    if (auto v = m_r.string(t, "name", w, true, true, "add name = \"...\" (the stage's name in the tables)")) s.name = *v;
    if (auto v = m_r.string(t, "dept", w, true, true, "add dept = \"...\" (the responsible department; \"客户\" for the customer)"))
      s.dept = *v;
    if (auto v = m_r.string(t, "note", w, false, false)) s.note = *v;
    bool party_utility = false;
    if (auto v = m_r.string(t, "party", w, false, true)) {
      if (*v == "customer")
        s.customer = true;
      else if (*v == "utility")
        party_utility = true;
      else
        diags().error("bad-value", value_loc(t, "party"), fmt::format("party must be \"customer\" or \"utility\", not \"{}\"", *v),
                      "write party = \"customer\" for a customer-side stage, or leave it out");
    }
    if (s.dept == model::k_customer_dept) {
      if (party_utility)
        diags().warning("party-conflict", value_loc(t, "party"),
                        fmt::format("{} has dept = \"{}\" but party = \"utility\"; it is treated as a customer stage", w,
                                    model::k_customer_dept),
                        "remove party, or give the responsible department");
      s.customer = true;
    }

    if (auto v = m_r.string(t, "owner", w, false, false)) s.owner = *v;
    read_duration(t, w, s);
    read_finish_within(t, w, s);
    if (const toml::node* a = t.get("after")) read_after(*a, w, s);
    m_p.stages.push_back(std::move(s));
  }

  void read_duration(const toml::table& t, const std::string& w, model::Stage& s) {
    const toml::node* days = t.get("days");
    const toml::node* cal = t.get("calendar_days");
    if (days && cal) {
      diags().error("bad-duration", m_r.key_loc(t, "calendar_days"), fmt::format("{} has both days and calendar_days", w),
                    "keep one: days (working days) or calendar_days (calendar days)");
      return;
    }
    if (!days && !cal) {
      m_r.missing(t, "days", w, "add days = N (working days; 0 = milestone) or calendar_days = N");
      return;
    }
    const bool working = days != nullptr;
    const std::string_view key = working ? "days" : "calendar_days";
    s.unit = working ? model::DurationUnit::working_days : model::DurationUnit::calendar_days;
    s.duration_loc = m_r.loc(working ? *days : *cal);
    const auto v = m_r.integer(t, key, w);
    if (!v) return;
    const std::int64_t lo = working ? 0 : 1;
    const std::int64_t hi = working ? k_max_days : k_max_calendar_days;
    if (*v < lo || *v > hi) {
      diags().error("bad-duration", s.duration_loc, fmt::format("{} = {} in {} is out of range {}..{}", key, *v, w, lo, hi),
                    working ? "give whole working days (0 = milestone)" : "give whole calendar days (at least 1)");
      return;
    }
    s.duration = static_cast<int>(*v);
    if (const auto m = m_r.integer(t, "min_days", w)) {
      // A calendar-day stage's min_days is in calendar days too and honoured by the compression
      // advice; it lasts at least one calendar day (docs/time-model.md).
      if (*m < lo || *m > s.duration)
        diags().error("bad-min-days", value_loc(t, "min_days"),
                      fmt::format("min_days = {} in {} must be between {} and {} = {}", *m, w, lo, key, s.duration),
                      working ? "min_days is the shortest the stage can be compressed to, in working days"
                              : "min_days of a calendar_days stage is in calendar days, at least 1");
      else
        s.min_duration = static_cast<int>(*m);
    }
  }

  // `finish_within = N` (承诺时限): working days after `applied`, 0..2000 (0: by the end of the
  // application day, for a milestone). Whether the plan can meet it is `yekuo plan`'s question.
  void read_finish_within(const toml::table& t, const std::string& w, model::Stage& s) {
    if (!t.get("finish_within")) return;
    const auto v = m_r.integer(t, "finish_within", w);
    if (!v) return;
    s.finish_within_loc = value_loc(t, "finish_within");
    if (*v < 0 || *v > k_max_days) {
      diags().error("bad-finish-within", s.finish_within_loc,
                    fmt::format("finish_within = {} in {} is out of range 0..{}", *v, w, k_max_days),
                    "give the promised time limit in whole working days counted from the day after `applied`");
      return;
    }
    s.finish_within = static_cast<int>(*v);
  }

  void read_after(const toml::node& n, const std::string& w, model::Stage& s) {
    const auto* arr = n.as_array();
    if (!arr) {
      const auto* str = n.as_string();
      m_r.wrong_type(n, fmt::format("\"after\" in {}", w), "an array",
                     str ? fmt::format("write after = [\"{}\"]", str->get())
                         : std::string("write after = [\"stage_id\", ...] or [{ stage = \"stage_id\", type = \"SS\", lag = 2 }]"));
      return;
    }
    for (const auto& e : *arr) {
      model::Dependency d;
      d.loc = m_r.loc(e);
      if (const auto* str = e.as_string()) {
        if (str->get().empty()) {
          diags().error("empty-value", d.loc, fmt::format("empty stage id in after of {}", w), "name a stage id");
          continue;
        }
        d.stage = str->get();
      } else if (const auto* t = e.as_table()) {
        m_r.check_keys(*t, k_after_keys, fmt::format("an after entry of {}", w));
        auto id = m_r.string(*t, "stage", fmt::format("an after entry of {}", w), true, true,
                             "write { stage = \"stage_id\", type = \"FS\", lag = 0 }");
        if (!id) continue;
        d.stage = *id;
        d.loc = value_loc(*t, "stage");
        if (auto type = m_r.string(*t, "type", "an after entry", false, true)) {
          const auto ut = upper(*type);
          if (ut == "FS")
            d.type = model::DepType::fs;
          else if (ut == "SS")
            d.type = model::DepType::ss;
          else if (ut == "FF")
            d.type = model::DepType::ff;
          else
            diags().error("bad-dependency-type", value_loc(*t, "type"),
                          fmt::format("unknown dependency type \"{}\"{}", *type, did_you_mean(upper(*type), {"FS", "SS", "FF"})),
                          "type is \"FS\" (finish-to-start, the default), \"SS\" (start-to-start) or \"FF\" (finish-to-finish)");
        }
        if (auto lag = m_r.integer(*t, "lag", "an after entry")) {
          if (*lag < -k_max_lag || *lag > k_max_lag)
            diags().error("bad-lag", value_loc(*t, "lag"), fmt::format("lag = {} is out of range -{}..{}", *lag, k_max_lag, k_max_lag),
                          "give the lag in whole working days (negative = overlap)");
          else
            d.lag = static_cast<int>(*lag);
        }
      } else {
        m_r.wrong_type(e, fmt::format("each entry of \"after\" in {}", w), "a stage id string or an inline table",
                       "write after = [\"stage_id\"] or [{ stage = \"stage_id\", type = \"SS\", lag = 2 }]");
        continue;
      }
      s.after.push_back(std::move(d));
    }
  }

  // "(did you mean ...)" among the stage ids, for the first few unknown references.
  std::string suggest_stage(std::string_view id) {
    if (m_suggestions >= k_max_suggestions) return {};
    ++m_suggestions;
    if (m_id_list.empty()) {
      m_id_list.reserve(m_p.stages.size());
      for (const auto& s : m_p.stages)
        if (!s.id.empty()) m_id_list.push_back(s.id);
    }
    return did_you_mean(id, m_id_list);
  }

  void resolve_stages() {
    // The map is built after every stage is in place: its keys view the stages' id strings.
    m_ids.reserve(m_p.stages.size());
    for (std::size_t i = 0; i < m_p.stages.size(); ++i) {
      const auto& s = m_p.stages[i];
      if (s.id.empty()) continue;
      const auto [it, inserted] = m_ids.emplace(s.id, i);
      if (!inserted)
        diags().error("duplicate-stage", m_id_locs[i],
                      fmt::format("duplicate stage id \"{}\" (first defined at line {})", s.id, m_id_locs[it->second].line),
                      "give every stage a different id");
    }
    std::unordered_map<std::size_t, std::size_t> seen; // pred -> entry in `after`, per stage
    for (std::size_t i = 0; i < m_p.stages.size(); ++i) {
      auto& s = m_p.stages[i];
      seen.clear();
      const std::string w = s.id.empty() ? std::string("this stage") : fmt::format("stage \"{}\"", s.id);
      for (std::size_t k = 0; k < s.after.size(); ++k) {
        auto& d = s.after[k];
        const auto it = m_ids.find(d.stage);
        if (it == m_ids.end()) {
          diags().error("unknown-stage", d.loc,
                        fmt::format("unknown stage \"{}\" in after of {}{}", d.stage, w, suggest_stage(d.stage)),
                        "name the id of a [[stage]] of this file");
          continue;
        }
        if (it->second == i) {
          diags().error("self-dependency", d.loc, fmt::format("{} depends on itself", w),
                        "remove it from its own `after` list");
          continue;
        }
        d.pred = it->second;
        if (const auto [pos, first] = seen.emplace(d.pred, k); !first)
          diags().warning("duplicate-dependency", d.loc,
                          fmt::format("{} lists \"{}\" in after twice (first at line {})", w, d.stage,
                                      s.after[pos->second].loc.line),
                          "keep one entry; the stricter one applies");
      }
    }
  }

  void check_cycle() {
    if (m_p.stages.empty()) return;
    const auto cycle = graph::find_cycle(m_p);
    if (!cycle) return;
    const auto& closing = m_p.stages[cycle->closing_stage];
    const SourceLoc loc = cycle->closing_dep < closing.after.size() ? closing.after[cycle->closing_dep].loc : closing.loc;
    diags().error("dependency-cycle", loc, fmt::format("dependency cycle: {}", graph::describe_cycle(m_p, *cycle)),
                  "a stage cannot wait for itself: remove or reverse one dependency of the cycle");
  }

  std::size_t stage_ref(const toml::table& t, std::string_view where) {
    const auto id = m_r.string(t, "stage", where, true, true, "add stage = \"stage_id\"");
    if (!id) return model::k_no_index;
    const auto it = m_ids.find(*id);
    if (it != m_ids.end()) return it->second;
    diags().error("unknown-stage", value_loc(t, "stage"),
                  fmt::format("unknown stage \"{}\" in {}{}", *id, where, suggest_stage(*id)),
                  "name the id of a [[stage]] of this file");
    return model::k_no_index;
  }

  void not_before_applied(Date d, const SourceLoc& loc, std::string_view what) {
    if (m_applied && d < *m_applied)
      diags().error("date-before-applied", loc,
                    fmt::format("{} {} is before the application date {}", what, d.iso(), m_applied->iso()),
                    "nothing can happen before the application was accepted: check the date");
  }

  void read_progress() {
    std::unordered_map<std::size_t, std::size_t> by_stage; // stage -> index into m_p.progress
    for (const auto* t : tables_of("progress")) {
      const std::string_view w = "[[progress]]";
      m_r.check_keys(*t, k_progress_keys, w);
      model::Progress p;
      p.loc = m_r.loc(*t);
      p.index = stage_ref(*t, w);
      if (p.index != model::k_no_index) p.stage = m_p.stages[p.index].id;
      p.started = m_r.date(*t, "started", w, false);
      p.finished = m_r.date(*t, "finished", w, false);
      p.started_loc = value_loc(*t, "started");
      p.finished_loc = value_loc(*t, "finished");
      if (auto v = m_r.string(*t, "note", w, false, false)) p.note = *v;
      if (p.started) not_before_applied(*p.started, p.started_loc, "started");
      if (p.finished) not_before_applied(*p.finished, p.finished_loc, "finished");
      if (p.started && p.finished && *p.finished < *p.started)
        diags().error("finish-before-start", p.finished_loc,
                      fmt::format("stage \"{}\" finished {} before it started {}", p.stage, p.finished->iso(), p.started->iso()),
                      "check both dates");
      if (p.index != model::k_no_index) {
        const auto [it, inserted] = by_stage.emplace(p.index, m_p.progress.size());
        if (!inserted) {
          diags().error("duplicate-progress", value_loc(*t, "stage"),
                        fmt::format("second [[progress]] for stage \"{}\" (the first is at line {})", p.stage,
                                    m_p.progress[it->second].loc.line),
                        "keep one record per stage with its started and finished dates");
          continue;
        }
      }
      m_p.progress.push_back(std::move(p));
    }
    m_progress_of = std::move(by_stage);
  }

  void read_delays() {
    for (const auto* t : tables_of("delay")) {
      const std::string_view w = "[[delay]]";
      m_r.check_keys(*t, k_delay_keys, w);
      model::Delay d;
      d.loc = m_r.loc(*t);
      d.index = stage_ref(*t, w);
      if (d.index != model::k_no_index) d.stage = m_p.stages[d.index].id;
      const auto from = m_r.date(*t, "from", w, true, "add from = YYYY-MM-DD (the first day of the customer-caused delay)");
      const auto to = m_r.date(*t, "to", w, true, "add to = YYYY-MM-DD (the last day of the delay, inclusive)");
      if (auto v = m_r.string(*t, "reason", w, true, true, "add reason = \"...\" (the customer reason, 客户原因)")) d.reason = *v;
      d.reported = m_r.date(*t, "reported", w, false);
      if (d.reported) not_before_applied(*d.reported, value_loc(*t, "reported"), "reported");
      if (!from || !to) continue;
      d.from = *from;
      d.to = *to;
      if (*to < *from) {
        diags().error("bad-delay-range", value_loc(*t, "to"),
                      fmt::format("delay ends {} before it starts {}", to->iso(), from->iso()),
                      "`to` is the last day of the delay and must be on or after `from`");
        continue;
      }
      const std::string s = fmt::format("stage \"{}\"", d.stage);
      if (m_applied && *to < *m_applied) {
        diags().error("delay-outside-stage", value_loc(*t, "to"),
                      fmt::format("a delay outside its stage: it ends {} before the application date {}", to->iso(),
                                  m_applied->iso()),
                      "a customer-caused delay must fall within its stage; check the dates");
        continue;
      }
      if (d.index != model::k_no_index) {
        if (const auto it = m_progress_of.find(d.index); it != m_progress_of.end()) {
          const auto& p = m_p.progress[it->second];
          if (p.finished && *from > *p.finished)
            diags().error("delay-outside-stage", value_loc(*t, "from"),
                          fmt::format("a delay outside its stage: it starts {} after {} finished {}", from->iso(), s,
                                      p.finished->iso()),
                          "a customer-caused delay must fall within its stage; check the dates or the stage");
          else if (p.started && *to < *p.started)
            diags().error("delay-outside-stage", value_loc(*t, "to"),
                          fmt::format("a delay outside its stage: it ends {} before {} started {}", to->iso(), s,
                                      p.started->iso()),
                          "a customer-caused delay must fall within its stage; check the dates or the stage");
        }
      }
      m_p.delays.push_back(std::move(d));
    }
  }

  // [[coordination]] (客户经理协调): stage, date, by, outcome = "resolved" | "unresolved", note.
  void read_coordinations() {
    for (const auto* t : tables_of("coordination")) {
      const std::string_view w = "[[coordination]]";
      m_r.check_keys(*t, k_coordination_keys, w);
      model::Coordination c;
      c.loc = m_r.loc(*t);
      c.index = stage_ref(*t, w);
      if (c.index != model::k_no_index) c.stage = m_p.stages[c.index].id;
      const auto date = m_r.date(*t, "date", w, true, "add date = YYYY-MM-DD (the day of the coordination)");
      if (date) {
        c.date = *date;
        not_before_applied(*date, value_loc(*t, "date"), "coordination date");
      }
      if (auto v = m_r.string(*t, "by", w, false, false)) c.by = *v;
      if (auto v = m_r.string(*t, "note", w, false, false)) c.note = *v;
      const auto outcome =
          m_r.string(*t, "outcome", w, true, true, "add outcome = \"resolved\" or outcome = \"unresolved\"");
      bool good = date.has_value() && c.index != model::k_no_index && outcome.has_value();
      if (outcome) {
        if (*outcome == "resolved" || *outcome == "unresolved") {
          c.resolved = *outcome == "resolved";
        } else {
          diags().error("bad-outcome", value_loc(*t, "outcome"),
                        fmt::format("outcome in [[coordination]] must be \"resolved\" or \"unresolved\", not \"{}\"{}",
                                    *outcome, did_you_mean(*outcome, {"resolved", "unresolved"})),
                        "write outcome = \"resolved\" or outcome = \"unresolved\"");
          good = false;
        }
      }
      if (good) m_p.coordinations.push_back(std::move(c));
    }
  }

  // [[ruling]] (核实, 申诉): stage, decision = "upheld" | "waived" | "appealed", date, by, reason.
  void read_rulings() {
    for (const auto* t : tables_of("ruling")) {
      const std::string_view w = "[[ruling]]";
      m_r.check_keys(*t, k_ruling_keys, w);
      model::Ruling r;
      r.loc = m_r.loc(*t);
      r.index = stage_ref(*t, w);
      if (r.index != model::k_no_index) r.stage = m_p.stages[r.index].id;
      const auto date = m_r.date(*t, "date", w, true, "add date = YYYY-MM-DD (the day of the decision)");
      if (date) {
        r.date = *date;
        not_before_applied(*date, value_loc(*t, "date"), "ruling date");
      }
      if (auto v = m_r.string(*t, "by", w, false, false)) r.by = *v;
      if (auto v = m_r.string(*t, "reason", w, false, false)) r.reason = *v;
      const auto decision = m_r.string(*t, "decision", w, true, true,
                                       "add decision = \"upheld\", \"waived\" or \"appealed\"");
      bool good = date.has_value() && r.index != model::k_no_index && decision.has_value();
      if (decision) {
        if (*decision == "upheld") {
          r.decision = model::RulingDecision::upheld;
        } else if (*decision == "waived") {
          r.decision = model::RulingDecision::waived;
        } else if (*decision == "appealed") {
          r.decision = model::RulingDecision::appealed;
        } else {
          diags().error("bad-decision", value_loc(*t, "decision"),
                        fmt::format("decision in [[ruling]] must be \"upheld\", \"waived\" or \"appealed\", not \"{}\"{}",
                                    *decision, did_you_mean(*decision, {"upheld", "waived", "appealed"})),
                        "write decision = \"upheld\", \"waived\" or \"appealed\"");
          good = false;
        }
      }
      if (good) m_p.rulings.push_back(std::move(r));
    }
  }

  // [inspection] (回头看): date, result = "ok" | "issues", note.
  void read_inspection() {
    const toml::node* n = m_doc.root.get("inspection");
    if (!n) return;
    const auto* t = n->as_table();
    if (!t) {
      m_r.wrong_type(*n, "\"inspection\"", "a table", "write an [inspection] table");
      return;
    }
    const std::string_view w = "[inspection]";
    m_r.check_keys(*t, k_inspection_keys, w);
    model::Inspection in;
    in.loc = m_r.loc(*t);
    in.date = m_r.date(*t, "date", w, false);
    if (in.date) {
      m_inspection_date_loc = value_loc(*t, "date");
      not_before_applied(*in.date, m_inspection_date_loc, "inspection date");
    }
    if (auto v = m_r.string(*t, "result", w, false, true)) {
      if (*v == "ok" || *v == "issues")
        in.result = *v;
      else
        diags().error("bad-value", value_loc(*t, "result"),
                      fmt::format("result in [inspection] must be \"ok\" or \"issues\", not \"{}\"{}", *v,
                                  did_you_mean(*v, {"ok", "issues"})),
                      "write result = \"ok\" or result = \"issues\" (then describe them in note)");
    }
    if (auto v = m_r.string(*t, "note", w, false, false)) in.note = *v;
    m_p.inspection = std::move(in);
  }

  void read_revisit() {
    const toml::node* n = m_doc.root.get("revisit");
    if (!n) return;
    const auto* t = n->as_table();
    if (!t) {
      m_r.wrong_type(*n, "\"revisit\"", "a table", "write a [revisit] table");
      return;
    }
    const std::string_view w = "[revisit]";
    m_r.check_keys(*t, k_revisit_keys, w);
    model::Revisit r;
    r.loc = m_r.loc(*t);
    r.date = m_r.date(*t, "date", w, false);
    if (r.date) {
      m_revisit_date_loc = value_loc(*t, "date");
      not_before_applied(*r.date, m_revisit_date_loc, "revisit date");
    }
    r.satisfied = m_r.boolean(*t, "satisfied", w);
    if (auto v = m_r.string_array(*t, "issues", w)) r.issues = std::move(*v);
    m_p.revisit = std::move(r);
  }

  // The 95598 revisit and the 回头看 inspection follow the energization (an order not energized yet
  // is not judged here).
  void check_follow_ups_after_energization() {
    const bool revisit = m_p.revisit && m_p.revisit->date;
    const bool inspection = m_p.inspection && m_p.inspection->date;
    if (!revisit && !inspection) return;
    const auto energized = m_p.energization_date(); // as recorded in the file
    if (!energized) return;
    if (revisit && *m_p.revisit->date < *energized)
      diags().error("revisit-before-energization", m_revisit_date_loc,
                    fmt::format("the revisit ({}) is before the energization ({}, the last finish of a final stage)",
                                m_p.revisit->date->iso(), energized->iso()),
                    "the 95598 revisit comes after energization: check the revisit date and the stages' finish dates");
    if (inspection && *m_p.inspection->date < *energized)
      diags().error("inspection-before-energization", m_inspection_date_loc,
                    fmt::format("the inspection ({}) is before the energization ({}, the last finish of a final stage)",
                                m_p.inspection->date->iso(), energized->iso()),
                    "the 回头看 inspection comes after energization: check the inspection date and the stages' "
                    "finish dates");
  }

  // One provisional-calendar warning per uncovered year, at the first date of that year.
  void warn_provisional() {
    auto covered = [&](int y) {
      if (y >= calendar::first_official_year() && y <= calendar::last_official_year()) return true;
      const auto& a = m_options.org_calendar.covered_years;
      const auto& b = m_p.calendar.covered_years;
      return std::find(a.begin(), a.end(), y) != a.end() || std::find(b.begin(), b.end(), y) != b.end();
    };
    auto dates = m_r.dates();
    std::stable_sort(dates.begin(), dates.end(), [](const detail::DateRecord& a, const detail::DateRecord& b) {
      return std::tie(a.loc.line, a.loc.column) < std::tie(b.loc.line, b.loc.column);
    });
    std::unordered_set<int> warned;
    for (const auto& d : dates) {
      const int y = d.date.year();
      if (covered(y) || !warned.insert(y).second) continue;
      diags().warning("provisional-calendar", d.loc, calendar::WorkingCalendar::provisional_warning(y),
                      fmt::format("when the {} holidays are published, update yekuo, or list them in a [calendar] "
                                  "table or --calendar file with years = [{}]",
                                  y, y));
    }
  }

  const RawDoc& m_doc;
  Reader m_r;
  const LoadOptions& m_options;
  model::Project m_p;
  SourceLoc m_revisit_date_loc;
  SourceLoc m_inspection_date_loc;
  std::optional<Date> m_applied;
  std::vector<SourceLoc> m_id_locs; // per stage: its id value
  std::unordered_map<std::string_view, std::size_t> m_ids;
  std::unordered_map<std::size_t, std::size_t> m_progress_of; // stage -> index into m_p.progress
  std::vector<std::string_view> m_id_list;
  std::size_t m_suggestions = 0;
};

// Diagnostics of one file in source order, so the output reads top to bottom.
void append_sorted(Diagnostics& local, Diagnostics& out) {
  auto items = local.items();
  std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.loc.line, a.loc.column) < std::tie(b.loc.line, b.loc.column);
  });
  for (auto& d : items) out.add(std::move(d));
}

} // namespace

std::optional<model::Project> validate_project(const RawDoc& doc, Diagnostics& diags, const LoadOptions& options) {
  Diagnostics local;
  auto p = ProjectValidator(doc, local, options).run();
  append_sorted(local, diags);
  return p;
}

std::optional<model::Project> load_project_text(std::string_view text, const std::string& path, Diagnostics& diags,
                                                const LoadOptions& options) {
  Diagnostics local;
  const auto doc = parse_toml(text, path, local);
  std::optional<model::Project> p;
  if (doc) p = ProjectValidator(*doc, local, options).run();
  append_sorted(local, diags);
  return p;
}

LoadedProject load_project_file(const std::string& path, Diagnostics& diags, const LoadOptions& options) {
  LoadedProject out;
  auto text = read_text_file(path, diags);
  if (!text) return out;
  out.text = std::move(*text);
  out.project = load_project_text(out.text, path, diags, options);
  return out;
}

std::optional<model::Project> load_project(const std::string& path, Diagnostics& diags, const LoadOptions& options) {
  return load_project_file(path, diags, options).project;
}

} // namespace yekuo::io
