#pragma once
// One CSV field for Excel, as every CSV yekuo writes has it (the csv renderer, `yekuo export`):
// valid UTF-8, RFC 4180 quoting, and formula neutralization.
//
// Neutralization rule (docs/output-formats.md): a cell is prefixed with a single quote ' when it
// starts with TAB or CR, or when its first character other than space, TAB, CR, LF is one of
// = + - @ (ASCII) or their fullwidth forms ＝ ＋ － ＠. Negative numbers ("-3") are neutralized too:
// the rule never guesses what is "just a number", and JSON is the format for machine readers.
#include <string>
#include <string_view>

namespace yekuo {

// Whether Excel could run the text as a formula.
[[nodiscard]] bool csv_needs_neutralizing(std::string_view text);

// The text as one field: bad bytes -> U+FFFD, neutralized, line breaks as LF, other control
// characters except TAB dropped, quoted when it holds a comma, a quote or a line break.
[[nodiscard]] std::string csv_field(std::string_view raw);

} // namespace yekuo
