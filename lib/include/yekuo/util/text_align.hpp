#pragma once
// Where text sits in a column wider than itself. One enum for every layer: the report documents
// say it per column (report::Align is this type) and pad_to_width applies it in terminal cells.
namespace yekuo {

enum class TextAlign { left, right, center };

} // namespace yekuo
