#pragma once
// The project templates shipped inside the program (data/templates/*.toml, compiled in by
// cmake/EmbedTemplates.cmake) and their instantiation for `yekuo new`.
//
// A template is a project file with placeholders {{id}}, {{name}}, {{customer}},
// {{customer_manager}} (inside TOML basic strings), {{applied}}, {{target}} (TOML dates) and
// {{voltage_kv}}, {{capacity_kva}} (TOML numbers). instantiate_template() fills them, escaping
// strings, so whatever the user typed stays inside its string.
#include <yekuo/calendar/calendar.hpp>
#include <yekuo/calendar/date.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace yekuo::model {

struct TemplateInfo {
  std::string_view name;           // "10kv", "10kv-ordinary", "35kv", "110kv"
  std::string_view description_zh;
  std::string_view description_en;
  double voltage_kv = 0;           // default for {{voltage_kv}}
  double capacity_kva = 0;         // default for {{capacity_kva}}
  // Default total cycle in working days: an upper bound of the template's forward pass
  // (its length varies by a few days with the holidays the civil works run over).
  int typical_working_days = 0;
};

// All shipped templates, in a stable order.
[[nodiscard]] const std::vector<TemplateInfo>& list_templates();
// nullptr when there is no template of that name.
[[nodiscard]] const TemplateInfo* find_template(std::string_view name);
// The first template written for exactly this voltage (35 -> "35kv"), or nullptr.
[[nodiscard]] const TemplateInfo* template_for_voltage(double voltage_kv);
// The template text with its placeholders. Throws InputError for an unknown name.
[[nodiscard]] std::string_view template_source(std::string_view name);

struct TemplateValues {
  std::string id;
  std::string name;
  std::string customer;
  std::string customer_manager;
  calendar::Date applied;
  calendar::Date target;
  std::optional<double> voltage_kv;   // template default when empty
  std::optional<double> capacity_kva; // template default when empty
};

// What is filled in for a field the customer manager completes later (customer, manager).
inline constexpr std::string_view k_to_fill = "待填写";

// What a user knows of a new order (`yekuo new`'s options, a ledger row of `yekuo import`);
// complete_values() gives what is missing the documented defaults (docs/templates.md), so both
// commands write the same file for the same facts.
struct OrderRequest {
  std::string id;                          // required
  std::string name;                        // default: default_project_name(customer, voltage)
  std::string customer;                    // default: k_to_fill
  std::string customer_manager;            // default: k_to_fill
  calendar::Date applied;
  std::optional<calendar::Date> target;    // default: default_target(info, applied, cal)
  std::optional<double> voltage_kv;        // default: the template's
  std::optional<double> capacity_kva;      // default: the template's
};

// The values to instantiate `info` with. Throws InputError when `applied` (or the default target)
// is outside the calendar or the target is before `applied`.
[[nodiscard]] TemplateValues complete_values(const TemplateInfo& info, const OrderRequest& request,
                                             const calendar::WorkingCalendar& cal);

// The warning for an order of `voltage_kv` written from a template of another level (its stage
// names, departments and durations are those of its own level), naming the template of that level
// when there is one; nullopt when the levels agree.
[[nodiscard]] std::optional<std::string> voltage_mismatch(const TemplateInfo& info, double voltage_kv);

// The project file text. Throws InputError for an unknown template, a string that is not
// valid UTF-8, or a voltage/capacity that is not a positive finite number in a sane range.
[[nodiscard]] std::string instantiate_template(std::string_view name, const TemplateValues& values);

// applied + typical_working_days working days (the documented default when no target is given).
[[nodiscard]] calendar::Date default_target(const TemplateInfo& info, calendar::Date applied,
                                            const calendar::WorkingCalendar& cal);

// "某公司10千伏新装" style default project name ("新装工程" without a customer).
[[nodiscard]] std::string default_project_name(std::string_view customer, double voltage_kv);

// The body of a TOML basic string (without the quotes): escapes '"', '\\' and control
// characters. Throws InputError (naming `what`) if the text is not valid UTF-8.
[[nodiscard]] std::string toml_escape(std::string_view text, std::string_view what = "value");

} // namespace yekuo::model
