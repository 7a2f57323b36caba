#pragma once

namespace yekuo::cli {

// SPEC §5.
enum class ExitCode : int { ok = 0, internal = 1, bad_input = 2, infeasible = 3, overdue = 4 };

constexpr int code(ExitCode c) { return static_cast<int>(c); }

} // namespace yekuo::cli
