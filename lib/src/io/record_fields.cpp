#include "record_fields.hpp"

#include <yekuo/model/templates.hpp>

#include <fmt/format.h>

namespace yekuo::io::detail {

namespace {

template <class... F>
struct Overloaded : F... {
  using F::operator()...;
};
template <class... F>
Overloaded(F...) -> Overloaded<F...>;

// Built in place: a Field moved into the vector trips g++ 12's -Wmaybe-uninitialized on the variant.
template <class T>
void add(std::vector<Field>& fields, std::string_view key, const T& value) {
  Field& f = fields.emplace_back();
  f.key = key;
  f.value = value;
}

void add_text(std::vector<Field>& fields, std::string_view key, const std::string& text) {
  if (!text.empty()) add(fields, key, text);
}

void add_date(std::vector<Field>& fields, std::string_view key, const std::optional<calendar::Date>& date) {
  if (date) add(fields, key, *date);
}

std::optional<calendar::Date> date_of(const toml::node& node) {
  if (const auto* d = node.as_date()) {
    const auto v = d->get();
    return calendar::Date::from_ymd(v.year, v.month, v.day);
  }
  if (const auto* s = node.as_string()) return calendar::Date::parse_iso(s->get());
  return std::nullopt;
}

} // namespace

RecordTable table_of(const Record& record) {
  return std::visit(Overloaded{
                        [](const ProgressRecord& r) {
                          RecordTable t{"progress", true, "stage", {}};
                          add(t.fields, "stage", r.stage);
                          add_date(t.fields, "started", r.started);
                          add_date(t.fields, "finished", r.finished);
                          add_text(t.fields, "note", r.note);
                          return t;
                        },
                        [](const DelayRecord& r) {
                          RecordTable t{"delay", true, "stage", {}};
                          add(t.fields, "stage", r.stage);
                          add(t.fields, "from", r.from);
                          add(t.fields, "to", r.to);
                          add(t.fields, "reason", r.reason);
                          add_date(t.fields, "reported", r.reported);
                          add_text(t.fields, "note", r.note);
                          return t;
                        },
                        [](const RevisitRecord& r) {
                          RecordTable t{"revisit", false, "", {}};
                          add(t.fields, "date", r.date);
                          add(t.fields, "satisfied", r.satisfied);
                          if (!r.issues.empty()) add(t.fields, "issues", r.issues);
                          return t;
                        },
                    },
                    record);
}

std::string toml_literal(const Field& field) {
  auto quoted = [&](const std::string& s) { return fmt::format("\"{}\"", model::toml_escape(s, field.key)); };
  return std::visit(Overloaded{
                        [](const calendar::Date& d) { return d.iso(); },
                        quoted,
                        [](bool b) { return std::string(b ? "true" : "false"); },
                        [&](const std::vector<std::string>& list) {
                          std::string out;
                          for (const auto& s : list) out += fmt::format("{}{}", out.empty() ? "" : ", ", quoted(s));
                          return fmt::format("[{}]", out);
                        },
                    },
                    field.value);
}

std::optional<FieldValue> value_of(const toml::node& node) {
  if (node.as_date()) return date_of(node);
  if (const auto* s = node.as_string()) return s->get();
  if (const auto* b = node.as_boolean()) return b->get();
  const auto* a = node.as_array();
  if (a == nullptr) return std::nullopt;
  std::vector<std::string> list;
  for (const auto& e : *a) {
    if (!e.as_string()) return std::nullopt;
    list.push_back(e.as_string()->get());
  }
  return list;
}

bool same_value(const toml::node& node, const FieldValue& value) {
  return std::visit(Overloaded{
                        [&](const calendar::Date& d) { return date_of(node) == d; },
                        [&](const std::string& s) { return node.as_string() && node.as_string()->get() == s; },
                        [&](bool b) { return node.as_boolean() && node.as_boolean()->get() == b; },
                        [&](const std::vector<std::string>& list) {
                          const auto* a = node.as_array();
                          if (!a || a->size() != list.size()) return false;
                          for (std::size_t i = 0; i < list.size(); ++i)
                            if (!(*a)[i].as_string() || (*a)[i].as_string()->get() != list[i]) return false;
                          return true;
                        },
                    },
                    value);
}

} // namespace yekuo::io::detail
