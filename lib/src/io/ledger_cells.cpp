#include <yekuo/io/ledger_cells.hpp>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string>

namespace yekuo::io {

namespace {

constexpr std::string_view k_spaces[] = {" ", "\t", "\r", "\n", "\v", "\f", "\xC2\xA0", "\xE3\x80\x80"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

// Removes `prefix` (ASCII case ignored) and the spaces after it; false when it is not there.
bool strip_prefix(std::string_view& s, std::string_view prefix) {
  if (s.size() < prefix.size() || !iequals_ascii(s.substr(0, prefix.size()), prefix)) return false;
  s = trim_cell(s.substr(prefix.size()));
  return true;
}

bool strip_suffix(std::string_view& s, std::string_view suffix) {
  if (s.size() < suffix.size() || !iequals_ascii(s.substr(s.size() - suffix.size()), suffix)) return false;
  s = trim_cell(s.substr(0, s.size() - suffix.size()));
  return true;
}

// 1..max_digits digits at s[pos]; advances pos.
std::optional<int> read_number(std::string_view s, std::size_t& pos, std::size_t max_digits) {
  const std::size_t start = pos;
  int v = 0;
  while (pos < s.size() && is_digit(s[pos]) && pos - start < max_digits) v = v * 10 + (s[pos++] - '0');
  if (pos == start || (pos < s.size() && is_digit(s[pos]))) return std::nullopt;
  return v;
}

// "H:MM" or "H:MM:SS".
bool is_time_of_day(std::string_view s) {
  std::size_t pos = 0;
  const auto h = read_number(s, pos, 2);
  if (!h || *h > 23) return false;
  for (int part = 0; part < 2 && pos < s.size(); ++part) {
    if (s[pos] != ':') return false;
    ++pos;
    const std::size_t before = pos;
    const auto m = read_number(s, pos, 2);
    if (!m || pos - before != 2 || *m > 59) return false;
  }
  return pos == s.size() && s.find(':') != std::string_view::npos;
}

std::optional<double> parse_positive(std::string_view s) {
  double v = 0;
  const char* end = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), end, v);
  if (s.empty() || ec != std::errc{} || ptr != end || !std::isfinite(v) || v <= 0) return std::nullopt;
  return v;
}

// "48,000.5" -> "48000.5" when the commas separate groups of three digits (the first of one to
// three); otherwise unchanged, and then no number.
std::string without_thousands_separators(std::string_view s) {
  const std::size_t point = std::min(s.find('.'), s.size());
  const std::string_view whole = s.substr(0, point);
  if (whole.find(',') == std::string_view::npos) return std::string(s);
  std::string digits;
  std::size_t group_start = 0;
  for (std::size_t i = 0; i <= whole.size(); ++i) {
    if (i < whole.size() && whole[i] != ',') continue;
    const std::size_t length = i - group_start;
    if (group_start == 0 ? (length < 1 || length > 3) : length != 3) return std::string(s);
    digits += whole.substr(group_start, length);
    group_start = i + 1;
  }
  return digits + std::string(s.substr(point));
}

} // namespace

std::string_view trim_cell(std::string_view cell) {
  for (bool again = true; again;) {
    again = false;
    for (const auto sp : k_spaces) {
      if (cell.starts_with(sp)) {
        cell.remove_prefix(sp.size());
        again = true;
      }
      if (cell.ends_with(sp)) {
        cell.remove_suffix(sp.size());
        again = true;
      }
    }
  }
  return cell;
}

std::optional<calendar::Date> parse_ledger_date(std::string_view cell) {
  std::string_view s = trim_cell(cell);
  if (const std::size_t space = s.find(' '); space != std::string_view::npos) {
    if (!is_time_of_day(trim_cell(s.substr(space)))) return std::nullopt;
    s = s.substr(0, space);
  }
  std::size_t pos = 0;
  const std::size_t year_start = pos;
  const auto year = read_number(s, pos, 4);
  if (!year || pos - year_start != 4) return std::nullopt;
  // The separators: "-", "/" or "." twice, or 年 月 (日).
  constexpr std::string_view k_year = "年", k_month = "月", k_day = "日";
  const bool chinese = s.substr(pos).starts_with(k_year);
  std::string_view separator;
  if (chinese) {
    pos += k_year.size();
  } else {
    if (pos >= s.size() || (s[pos] != '-' && s[pos] != '/' && s[pos] != '.')) return std::nullopt;
    separator = s.substr(pos++, 1);
  }
  const auto month = read_number(s, pos, 2);
  if (!month) return std::nullopt;
  const std::string_view second = chinese ? k_month : separator;
  if (!s.substr(pos).starts_with(second)) return std::nullopt;
  pos += second.size();
  const auto day = read_number(s, pos, 2);
  if (!day) return std::nullopt;
  if (chinese && s.substr(pos).starts_with(k_day)) pos += k_day.size();
  if (pos != s.size()) return std::nullopt;
  return calendar::Date::from_ymd(*year, *month, *day);
}

bool looks_like_excel_serial(std::string_view cell) {
  const std::string_view s = trim_cell(cell);
  if (s.size() < 4 || s.size() > 6) return false;
  for (char c : s)
    if (!is_digit(c)) return false;
  return true;
}

std::optional<double> parse_voltage_kv(std::string_view cell) {
  std::string_view s = trim_cell(cell);
  if (!strip_prefix(s, "交流")) (void)strip_prefix(s, "AC");
  if (!strip_suffix(s, "kV")) (void)strip_suffix(s, "千伏");
  return parse_positive(s);
}

std::optional<double> parse_capacity_kva(std::string_view cell) {
  std::string_view s = trim_cell(cell);
  if (!strip_suffix(s, "kVA")) (void)strip_suffix(s, "千伏安");
  return parse_positive(without_thousands_separators(s));
}

} // namespace yekuo::io
