#pragma once
// Private to lib/src/io (record.cpp): a record as the table it is written to and its `key = value`
// pairs — each value rendered as a TOML literal, and compared with the value a file already holds.
#include <yekuo/io/record.hpp>
#include <yekuo/io/toml.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace yekuo::io::detail {

using FieldValue = std::variant<calendar::Date, std::string, bool, std::vector<std::string>>;

struct Field {
  std::string_view key;
  FieldValue value;
};

struct RecordTable {
  std::string_view name;     // "progress", "delay" or "revisit"
  bool array = false;        // written [[name]] (one of many) or [name]
  std::string_view key;      // the key that names which record it is ("stage"), "" for [revisit]
  std::vector<Field> fields; // in the order they are written, the naming key first
};

[[nodiscard]] RecordTable table_of(const Record& record);

// The value as TOML: a bare local date, a basic string, true/false, an array of strings. Throws
// InputError, naming the key, for text that is not valid UTF-8.
[[nodiscard]] std::string toml_literal(const Field& field);

// A file's value as a FieldValue, for messages (nullopt for other types).
[[nodiscard]] std::optional<FieldValue> value_of(const toml::node& node);

// Whether a file's value means the same (a date may be written quoted, "2010-01-11").
[[nodiscard]] bool same_value(const toml::node& node, const FieldValue& value);

} // namespace yekuo::io::detail
