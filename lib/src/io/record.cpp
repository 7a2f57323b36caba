#include <yekuo/io/record.hpp>

#include "record_fields.hpp"

#include <yekuo/io/baseline_file.hpp>
#include <yekuo/io/toml_loader.hpp>
#include <yekuo/util/atomic_file.hpp>
#include <yekuo/util/error.hpp>

#include <algorithm>
#include <fmt/format.h>
#include <utility>

namespace yekuo::io {

namespace {

using detail::Field;
using detail::RecordTable;

// The file's own line break, so that a CRLF file stays CRLF.
std::string_view newline_of(std::string_view text) {
  const auto nl = text.find('\n');
  return nl != std::string_view::npos && nl > 0 && text[nl - 1] == '\r' ? "\r\n" : "\n";
}

std::string render(const RecordTable& table, std::string_view nl) {
  std::string out = table.array ? fmt::format("[[{}]]{}", table.name, nl) : fmt::format("[{}]{}", table.name, nl);
  for (const auto& f : table.fields) out += fmt::format("{} = {}{}", f.key, detail::toml_literal(f), nl);
  return out;
}

// Byte offset just after line `line` (1-based) and its line break; the text's size for the last line.
std::size_t end_of_line(std::string_view text, int line) {
  std::size_t at = 0;
  for (int l = 1; l <= line; ++l) {
    const auto nl = text.find('\n', at);
    if (nl == std::string_view::npos) return text.size();
    at = nl + 1;
  }
  return at;
}

std::string_view line_text(std::string_view text, int line) {
  const std::size_t begin = line > 1 ? end_of_line(text, line - 1) : 0;
  const std::size_t end = text.find('\n', begin);
  return text.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin);
}

std::string_view indentation(std::string_view line) {
  return line.substr(0, std::min(line.find_first_not_of(" \t"), line.size()));
}

bool ends_with_blank_line(std::string_view text) {
  if (text.ends_with("\r\n"))
    text.remove_suffix(2);
  else if (text.ends_with('\n'))
    text.remove_suffix(1);
  else
    return false;
  return text.empty() || text.ends_with('\n');
}

int line_at(std::string_view text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

RecordEdit insert(std::string_view text, std::size_t offset, std::string inserted, bool appended) {
  RecordEdit e;
  e.offset = offset;
  e.length = inserted.size();
  e.appended = appended;
  e.text.reserve(text.size() + inserted.size());
  e.text.append(text.substr(0, offset)).append(inserted).append(text.substr(offset));
  const std::size_t first = offset + std::min(inserted.find_first_not_of("\r\n"), inserted.size());
  e.first_line = line_at(e.text, first);
  e.last_line = line_at(e.text, offset + inserted.size() - 1);
  return e;
}

// A new table after everything else, separated by a blank line.
RecordEdit append(std::string_view text, const RecordTable& table, std::string_view nl) {
  std::string sep;
  if (!text.empty() && !text.ends_with('\n')) sep += nl;
  if (!text.empty() && !ends_with_blank_line(text)) sep += nl;
  return insert(text, text.size(), sep + render(table, nl), true);
}

// The missing lines after the last line of an existing table, indented like it.
RecordEdit complete(std::string_view text, const toml::table& existing, const std::vector<const Field*>& missing,
                    std::string_view nl) {
  int last = 0;
  int last_key = 0;
  for (auto&& [k, v] : existing) {
    const int end = static_cast<int>(v.source().end.line);
    if (end >= last) {
      last = end;
      last_key = static_cast<int>(k.source().begin.line);
    }
  }
  const std::size_t offset = end_of_line(text, last);
  std::string inserted = offset == text.size() && !text.ends_with('\n') ? std::string(nl) : std::string();
  const std::string_view indent = indentation(line_text(text, last_key));
  for (const Field* f : missing) inserted += fmt::format("{}{} = {}{}", indent, f->key, detail::toml_literal(*f), nl);
  return insert(text, offset, std::move(inserted), false);
}

// Written with its own header ([[progress]], [revisit]): a key can be added after its last line.
// Not an inline table, nor a table made by dotted keys (revisit.date = ...).
bool has_header(std::string_view text, const toml::table& t) {
  if (t.is_inline()) return false;
  const std::string_view line = line_text(text, static_cast<int>(t.source().begin.line));
  return line.substr(indentation(line).size()).starts_with('[');
}

// "[[progress]] of stage \"a\"" / "[revisit]" for messages.
std::string describe(const RecordTable& table) {
  if (table.key.empty()) return fmt::format("[{}]", table.name);
  return fmt::format("the [[{}]] of {} \"{}\"", table.name, table.key,
                     std::get<std::string>(table.fields.front().value));
}

const toml::table* existing_record(const toml::table& root, const RecordTable& table) {
  const toml::node* n = root.get(table.name);
  if (n == nullptr) return nullptr;
  if (!table.array) return n->as_table();
  const auto* arr = n->as_array();
  if (arr == nullptr) return nullptr;
  for (const auto& e : *arr) {
    const auto* t = e.as_table();
    if (t == nullptr) continue;
    if (table.name != "delay") {
      // One [[progress]] per stage: the one of this stage, whatever it holds.
      const toml::node* key = t->get(table.key);
      if (key != nullptr && detail::same_value(*key, table.fields.front().value)) return t;
      continue;
    }
    // A stage may have several delays: only the same one again is "already recorded".
    const bool same = std::all_of(table.fields.begin(), table.fields.end(), [&](const Field& f) {
      const toml::node* v = t->get(f.key);
      return v != nullptr && detail::same_value(*v, f.value);
    });
    if (same) return t;
  }
  return nullptr;
}

// An array written as `progress = [{ ... }]` cannot take a [[progress]] table after it.
const toml::node* inline_array(const toml::table& root, const RecordTable& table) {
  const toml::node* n = root.get(table.name);
  if (n == nullptr || !table.array) return nullptr;
  const auto* arr = n->as_array();
  if (arr == nullptr) return n;
  for (const auto& e : *arr)
    if (e.as_table() == nullptr || e.as_table()->is_inline()) return n;
  return nullptr;
}

// Nothing recorded may be dated after today; a delay may be announced to last beyond it.
bool check_dates(const RecordTable& table, calendar::Date today, const std::string& path, Diagnostics& diags) {
  bool ok = true;
  for (const auto& f : table.fields) {
    const auto* d = std::get_if<calendar::Date>(&f.value);
    if (d == nullptr || *d <= today || (table.name == "delay" && f.key == "to")) continue;
    diags.error(
        "record-future", SourceLoc{path, 0, 0},
        fmt::format("{} {} is after today ({}): only what has happened can be recorded", f.key, d->iso(), today.iso()),
        "give the actual date; record the event on the day it happens (a delay's `to` may be later)");
    ok = false;
  }
  return ok;
}

bool has_facts(const Record& record) {
  if (const auto* p = std::get_if<ProgressRecord>(&record)) return p->started || p->finished;
  return true;
}

// The validated project holds what was asked: the edit landed where it should.
bool holds(const model::Project& p, const Record& record) {
  if (const auto* r = std::get_if<ProgressRecord>(&record)) {
    const auto* pr = p.progress_of(p.find_stage(r->stage));
    return pr != nullptr && (!r->started || pr->started == r->started) &&
           (!r->finished || pr->finished == r->finished) && (r->note.empty() || pr->note == r->note);
  }
  if (const auto* r = std::get_if<DelayRecord>(&record))
    return std::any_of(p.delays.begin(), p.delays.end(), [&](const model::Delay& d) {
      return d.stage == r->stage && d.from == r->from && d.to == r->to && d.reason == r->reason &&
             d.reported == r->reported;
    });
  const auto& r = std::get<RevisitRecord>(record);
  return p.revisit && p.revisit->date == r.date && p.revisit->satisfied == r.satisfied &&
         (r.issues.empty() || p.revisit->issues == r.issues);
}

// A revisit follows the energization: every final stage has a finish.
bool check_energized(const model::Project& p, const Record& record, Diagnostics& diags) {
  if (!std::holds_alternative<RevisitRecord>(record) || p.energization_date()) return true;
  std::string open;
  for (std::size_t i : p.final_stages())
    if (const auto* pr = p.progress_of(i); pr == nullptr || !pr->finished)
      open += fmt::format("{}\"{}\"", open.empty() ? "" : ", ", p.stages[i].id);
  diags.error("record-not-energized", p.revisit->loc,
              fmt::format("the order is not energized yet: no finish recorded for {}", open),
              "the 95598 revisit comes after energization: record the finish of the final stages first "
              "(yekuo record FILE --stage ID --finished DATE)");
  return false;
}

// Where the record goes: completing the existing record, appended, or nowhere — everything asked is
// already recorded (unchanged), or it cannot be added without rewriting bytes (refused).
struct Placement {
  RecordStatus status = RecordStatus::refused;
  RecordEdit edit;
  SourceLoc existing;
};

Placement place(std::string_view text, const std::string& path, const toml::table& root, const RecordTable& table,
                Diagnostics& diags) {
  Placement out;
  const std::string_view nl = newline_of(text);
  const toml::table* existing = existing_record(root, table);
  if (existing == nullptr) {
    if (const toml::node* n = inline_array(root, table)) {
      diags.error(
          "record-not-editable", loc_of(n->source(), path),
          fmt::format("the file writes \"{}\" as an inline array: a [[{}]] table cannot be added after it", table.name,
                      table.name),
          fmt::format("add the record to that array by hand, or write each entry as a [[{}]] table", table.name));
      return out;
    }
    out.status = RecordStatus::recorded;
    out.edit = append(text, table, nl);
    return out;
  }
  std::vector<const Field*> missing;
  bool conflict = false;
  for (const auto& f : table.fields) {
    const toml::node* v = existing->get(f.key);
    if (v == nullptr) {
      missing.push_back(&f);
    } else if (!detail::same_value(*v, f.value)) {
      conflict = true;
      const auto held = detail::value_of(*v);
      diags.error("record-conflict", loc_of(v->source(), path),
                  fmt::format("{} already records {} = {}; not changed to {}", describe(table), f.key,
                              held ? detail::toml_literal({f.key, *held}) : std::string("…"), detail::toml_literal(f)),
                  "yekuo record adds to the file and never changes what is recorded: if the recorded value is "
                  "wrong, correct it by hand in the file");
    }
  }
  if (conflict) return out;
  if (missing.empty()) {
    out.status = RecordStatus::unchanged;
    out.existing = loc_of(existing->source(), path);
    return out;
  }
  if (!has_header(text, *existing)) {
    diags.error("record-not-editable", loc_of(existing->source(), path),
                fmt::format("{} is written as an inline table or with dotted keys: yekuo record cannot add {} to it "
                            "without rewriting it",
                            describe(table), missing.front()->key),
                "add the value by hand, or write the record as its own table");
    return out;
  }
  out.status = RecordStatus::recorded;
  out.edit = complete(text, *existing, missing, nl);
  return out;
}

std::vector<std::pair<std::string, std::string>> warnings_of(const Diagnostics& diags) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& d : diags.items())
    if (d.severity != Severity::error) out.emplace_back(d.code, d.message);
  return out;
}

} // namespace

std::string render_record(const Record& record, std::string_view newline) {
  return render(detail::table_of(record), newline);
}

RecordResult record_in_text(std::string_view text, const std::string& path, const Record& record,
                            const RecordOptions& options, Diagnostics& diags) {
  RecordResult out;
  out.source = std::string(text);
  const RecordTable table = detail::table_of(record);
  (void)render(table, "\n"); // text that cannot be written (not UTF-8) throws here, before anything else

  // The file as it is must be sound: the record is checked against it.
  Diagnostics before;
  const auto doc = parse_toml(text, path, before);
  std::optional<model::Project> old;
  if (doc) old = validate_project(*doc, before, options.load);
  if (!old) {
    diags.append(before);
    diags.error("record-invalid-file", SourceLoc{path, 0, 0}, "the file has errors already: nothing recorded",
                fmt::format("fix them first (yekuo check {}), then record again", path));
    return out;
  }
  out.project_id = old->info.id;
  if (!has_facts(record)) {
    diags.error("record-empty", SourceLoc{path, 0, 0}, "nothing to record: give started, finished or both",
                "yekuo record FILE --stage ID --started DATE and/or --finished DATE");
    return out;
  }
  if (!check_dates(table, options.today, path, diags)) return out;

  auto placed = place(text, path, doc->root, table, diags);
  if (placed.status != RecordStatus::recorded) {
    out.status = placed.status;
    out.existing = placed.existing;
    return out;
  }
  RecordEdit edit = std::move(placed.edit);

  // The file with the record passes every check of `yekuo check`.
  out.source = edit.text;
  Diagnostics after;
  const auto p = load_project_text(edit.text, path, after, options.load);
  if (!p || !check_energized(*p, record, after)) {
    for (const auto& d : after.items())
      if (d.severity == Severity::error) diags.add(d);
    out.edit = std::move(edit); // refused, but the caller can say which lines were the record
    return out;
  }
  if (!holds(*p, record))
    throw InternalError(fmt::format("{}: the edited text does not record what was asked ({})", path, describe(table)));
  const auto old_warnings = warnings_of(before);
  for (const auto& d : after.items())
    if (d.severity != Severity::error &&
        std::find(old_warnings.begin(), old_warnings.end(), std::pair(d.code, d.message)) == old_warnings.end())
      diags.add(d);
  out.status = RecordStatus::recorded;
  out.edit = std::move(edit);
  return out;
}

RecordResult record_in_file(const std::string& path, const Record& record, const RecordOptions& options,
                            Diagnostics& diags) {
  const auto text = read_text_file(path, diags);
  if (!text) return {};
  auto result = record_in_text(*text, path, record, options, diags);
  if (result.status != RecordStatus::recorded) return result;
  // Its baseline as `check` reads it: a broken or foreign baseline is fixed first.
  Diagnostics baseline;
  if (load_order_baseline(path, result.project_id, baseline).status == BaselineStatus::invalid) {
    diags.append(baseline);
    diags.error("record-invalid-file", SourceLoc{path, 0, 0}, "the order's baseline has errors: nothing recorded",
                fmt::format("fix them first (yekuo check {}), then record again", path));
    result.status = RecordStatus::refused;
    return result;
  }
  replace_file_atomically(path, result.edit.text);
  return result;
}

} // namespace yekuo::io
