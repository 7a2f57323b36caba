#pragma once
// What was known on a day (SPEC §3): a command run `--as-of D` sees only the baseline revisions
// confirmed on or before D and the facts dated on or before D — progress, customer delays and their
// reports, the revisit. Nothing recorded later may change what an earlier week showed, so every
// command applies this once, when it loads an order (track::load_tracked_project), and everything
// downstream works on what is left.
#include <yekuo/calendar/date.hpp>
#include <yekuo/model/baseline.hpp>
#include <yekuo/model/project.hpp>

#include <optional>

namespace yekuo::track {

// Drops from `project` every fact dated after `day`:
//  - a `started` or `finished` after it (the stage had not started / finished yet);
//  - a [[delay]] whose `from` is after it (it had not begun); one that runs past it is kept — the
//    counting rules stop at the as-of date — and a `reported` after it is dropped (not reported yet);
//  - the [revisit] and the [inspection] when dated after it (not done yet);
//  - a [[coordination]] or a [[ruling]] dated after it (it had not taken place).
void forget_after(model::Project& project, calendar::Date day);

// The baseline as known on `day`: its revisions confirmed on or before it; nullopt when none was.
[[nodiscard]] std::optional<model::Baseline> baseline_known_on(model::Baseline baseline, calendar::Date day);

} // namespace yekuo::track
