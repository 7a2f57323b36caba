#include <yekuo/model/templates.hpp>

#include <yekuo/util/error.hpp>

#include <cmath>
#include <cstdint>
#include <fmt/format.h>
#include <utility>

namespace yekuo::model {

namespace {

struct EmbeddedTemplate {
  std::string_view name;
  std::string_view text;
};

// {"10kv", R"yekuo_tpl(...)yekuo_tpl"}, ... generated from data/templates/*.toml.
constexpr EmbeddedTemplate k_embedded[] = {
#include <yekuo/templates_data.inc>
};

// The typical cycles are the longest forward pass of each template over every working day
// from 2005 to mid-2025 as the acceptance date (99-107, 75-83, 182-187 working days),
// rounded up, so the default target is feasible with the template's own durations.
const std::vector<TemplateInfo> k_templates{
    {"10kv", "10千伏单电源新装（无配套电网工程；含设计审查、中间检查，适用于重要客户）",
     "10 kV single source, no grid-side works (with design review and intermediate inspection)", 10, 4000, 110},
    {"10kv-ordinary", "10千伏单电源普通客户新装（现行简化流程，无配套电网工程）",
     "10 kV single source, ordinary customer, current simplified flow, no grid-side works", 10, 4000, 85},
    {"35kv", "35千伏新装（含配套电网工程：35千伏接入线路、出线间隔；设计审查、中间检查必做）",
     "35 kV with grid-side works (35 kV access line and feeder bay; design review and intermediate inspection required)",
     35, 10000, 130},
    {"110kv", "110千伏新装（含配套电网工程：接入线路、间隔扩建、停电及带电作业、调度）",
     "110 kV with grid-side works (access line, substation bay, outage/live-line work, dispatch)", 110, 48000, 190},
};

std::string_view embedded_text(std::string_view name) {
  for (const auto& t : k_embedded)
    if (t.name == name) return t.text;
  return {};
}

// Length of the UTF-8 sequence starting at s[i], or 0 if it is malformed (overlong forms,
// surrogates and code points above U+10FFFF included).
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return 1;
  std::size_t n = 0;
  std::uint32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    n = 2;
    cp = b0 & 0x1Fu;
  } else if ((b0 & 0xF0) == 0xE0) {
    n = 3;
    cp = b0 & 0x0Fu;
  } else if ((b0 & 0xF8) == 0xF0) {
    n = 4;
    cp = b0 & 0x07u;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3Fu);
  }
  static constexpr std::uint32_t k_min_for_length[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < k_min_for_length[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

std::string format_number(double v, std::string_view what, double max) {
  if (!std::isfinite(v) || v <= 0 || v > max)
    throw InputError(fmt::format("{} must be a positive number up to {}, got {}", what, max, v));
  return fmt::format("{}", v);
}

} // namespace

const std::vector<TemplateInfo>& list_templates() { return k_templates; }

const TemplateInfo* find_template(std::string_view name) {
  for (const auto& t : k_templates)
    if (t.name == name && !embedded_text(name).empty()) return &t;
  return nullptr;
}

const TemplateInfo* template_for_voltage(double voltage_kv) {
  for (const auto& t : k_templates)
    if (t.voltage_kv == voltage_kv && find_template(t.name) != nullptr) return &t;
  return nullptr;
}

std::string_view template_source(std::string_view name) {
  if (find_template(name) == nullptr) {
    std::string known;
    for (const auto& t : k_templates) known += fmt::format("{}{}", known.empty() ? "" : ", ", t.name);
    throw InputError(fmt::format("unknown template '{}' (templates: {})", name, known));
  }
  return embedded_text(name);
}

std::string toml_escape(std::string_view text, std::string_view what) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_sequence_length(text, i);
    if (n == 0) throw InputError(fmt::format("{} is not valid UTF-8 text (byte {})", what, i + 1));
    if (n > 1) {
      out.append(text.substr(i, n));
      i += n;
      continue;
    }
    const char c = text[i++];
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\b': out += "\\b"; break;
    case '\t': out += "\\t"; break;
    case '\n': out += "\\n"; break;
    case '\f': out += "\\f"; break;
    case '\r': out += "\\r"; break;
    default:
      // TOML forbids the other control characters and DEL in basic strings.
      if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
        out += fmt::format("\\u{:04X}", static_cast<unsigned>(static_cast<unsigned char>(c)));
      else
        out += c;
    }
  }
  return out;
}

std::string instantiate_template(std::string_view name, const TemplateValues& values) {
  const std::string_view src = template_source(name);
  const TemplateInfo& info = *find_template(name);
  const std::pair<std::string_view, std::string> fills[] = {
      {"id", toml_escape(values.id, "id")},
      {"name", toml_escape(values.name, "name")},
      {"customer", toml_escape(values.customer, "customer")},
      {"customer_manager", toml_escape(values.customer_manager, "customer manager")},
      {"applied", values.applied.iso()},
      {"target", values.target.iso()},
      {"voltage_kv", format_number(values.voltage_kv.value_or(info.voltage_kv), "voltage (kV)", 1000)},
      {"capacity_kva", format_number(values.capacity_kva.value_or(info.capacity_kva), "capacity (kVA)", 1e7)},
  };
  std::string out;
  out.reserve(src.size() + 256);
  std::size_t pos = 0;
  while (true) {
    const std::size_t open = src.find("{{", pos);
    if (open == std::string_view::npos) break;
    const std::size_t close = src.find("}}", open + 2);
    if (close == std::string_view::npos)
      throw InternalError(fmt::format("template {}: unterminated placeholder", name));
    const std::string_view key = src.substr(open + 2, close - open - 2);
    const std::string* value = nullptr;
    for (const auto& [k, v] : fills)
      if (k == key) value = &v;
    if (value == nullptr) throw InternalError(fmt::format("template {}: unknown placeholder {{{{{}}}}}", name, key));
    out.append(src.substr(pos, open - pos));
    out += *value;
    pos = close + 2;
  }
  out.append(src.substr(pos));
  return out;
}

TemplateValues complete_values(const TemplateInfo& info, const OrderRequest& request,
                               const calendar::WorkingCalendar& cal) {
  TemplateValues v;
  v.applied = request.applied;
  (void)cal.point(v.applied); // a date outside the calendar is an input error here, not later
  v.target = request.target ? *request.target : default_target(info, v.applied, cal);
  if (v.target < v.applied)
    throw InputError(fmt::format("the target {} is before the acceptance date {}", v.target.iso(), v.applied.iso()));
  v.id = request.id;
  v.customer = request.customer.empty() ? std::string(k_to_fill) : request.customer;
  v.customer_manager = request.customer_manager.empty() ? std::string(k_to_fill) : request.customer_manager;
  v.name = request.name.empty()
               ? default_project_name(request.customer, request.voltage_kv.value_or(info.voltage_kv))
               : request.name;
  v.voltage_kv = request.voltage_kv;
  v.capacity_kva = request.capacity_kva;
  return v;
}

std::optional<std::string> voltage_mismatch(const TemplateInfo& info, double voltage_kv) {
  if (voltage_kv == info.voltage_kv) return std::nullopt;
  const TemplateInfo* other = template_for_voltage(voltage_kv);
  return fmt::format("template {} is written for {} kV (its stage names, departments and durations); {}", info.name,
                     info.voltage_kv,
                     other != nullptr ? fmt::format("for {} kV use --template {}", voltage_kv, other->name)
                                      : std::string("check them against the site survey"));
}

calendar::Date default_target(const TemplateInfo& info, calendar::Date applied, const calendar::WorkingCalendar& cal) {
  return cal.add_working_days(applied, info.typical_working_days);
}

std::string default_project_name(std::string_view customer, double voltage_kv) {
  if (customer.empty()) return fmt::format("{}千伏新装工程", voltage_kv);
  return fmt::format("{}{}千伏新装", customer, voltage_kv);
}

} // namespace yekuo::model
