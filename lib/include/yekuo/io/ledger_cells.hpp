#pragma once
// The values of a ledger's cells as spreadsheets write them (docs/import.md): dates the way
// Excel shows them, voltages and capacities with or without their unit.
#include <yekuo/calendar/date.hpp>

#include <optional>
#include <string_view>

namespace yekuo::io {

// The cell without surrounding spaces (ASCII white space, U+00A0 and the ideographic space
// U+3000, which Chinese input methods type).
[[nodiscard]] std::string_view trim_cell(std::string_view cell);

// "2026-03-02", "2026/3/2", "2026-3-2", "2026.3.2", "2026年3月2日", each optionally followed by a
// time of day after a space ("2026/3/2 0:00", Excel's date-time cells), which is dropped.
// nullopt for anything else, and for a date that does not exist (2026-02-30).
[[nodiscard]] std::optional<calendar::Date> parse_ledger_date(std::string_view cell);

// True for a whole number of 4 to 6 digits: Excel's serial day number of a date cell saved
// without a date format (46083 = 2026-03-02); the error message says so.
[[nodiscard]] bool looks_like_excel_serial(std::string_view cell);

// "10", "10kV", "10 kV", "10KV", "110千伏", also with the "交流" (AC) prefix of marketing-system
// exports ("交流10kV"). The number in kV; nullopt when it is not a finite number > 0.
[[nodiscard]] std::optional<double> parse_voltage_kv(std::string_view cell);

// "4000", "4,000", "4000kVA", "4000 千伏安". The number in kVA; nullopt when it is not a finite
// number > 0.
[[nodiscard]] std::optional<double> parse_capacity_kva(std::string_view cell);

} // namespace yekuo::io
