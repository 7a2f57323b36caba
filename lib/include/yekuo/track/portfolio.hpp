#pragma once
// The portfolio pipeline: what every command over a directory of orders (evaluate, remind,
// assess, publish, and the next ones) does with its inputs. Each order file is loaded as known
// on the as-of date (load_tracked_project), the command's own work runs on it, and the results
// come back in input order, one at a time, while later files are still being read: so a report is
// written as it is computed and memory does not grow with the number of files.
//
// A file that cannot be used never stops the others: its item carries the errors (file:line:col)
// and no result. Every failure that is not the file's own diagnostics, and every path discovery
// could not use, has the one code io::k_unusable_input (docs/diagnostics.md).
//
//   auto inputs = track::portfolio_inputs(io::discover_project_files(args));
//   track::for_each_order(inputs, {as_of, threads, &calendars},
//                         [&](track::TrackedProject&& order) { return my_work(order); },   // any result type
//                         [&](track::PortfolioItem<MyResult>&& item) { report.add(item); });
#include <yekuo/calendar/calendar_cache.hpp>
#include <yekuo/io/discover.hpp>
#include <yekuo/track/tracked_project.hpp>
#include <yekuo/util/diagnostic.hpp>
#include <yekuo/util/error.hpp>
#include <yekuo/util/ordered_parallel.hpp>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace yekuo::track {

// What one input became.
template <class T>
struct PortfolioItem {
  std::string file;                 // as discovery spelled it (the command line's spelling)
  std::optional<T> result;          // nullopt: the file or path cannot be used; `errors` say why
  std::vector<Diagnostic> errors;   // never empty without a result
  std::vector<Diagnostic> warnings; // provisional calendar years, no baseline …
  [[nodiscard]] bool usable() const { return result.has_value(); }
};

// The files a portfolio command reads and the paths it could not use (as errors).
struct PortfolioInputs {
  std::vector<std::string> files;
  std::vector<Diagnostic> unusable;
};

[[nodiscard]] PortfolioInputs portfolio_inputs(io::DiscoveredInputs discovered);

// Loads one order as known on the as-of date; normally load_tracked_project (tests substitute it).
using ProjectLoader = std::function<std::optional<TrackedProject>(const std::string& path, calendar::CalendarCache&,
                                                                  Diagnostics&, calendar::Date as_of)>;

struct PortfolioLoad {
  calendar::Date as_of;
  unsigned threads = 0;                        // 0: hardware concurrency
  calendar::CalendarCache* calendars = nullptr; // shared by the workers (it is thread-safe)
  ProjectLoader load = &load_tracked_project;
};

// At most this many finished results wait to be consumed.
inline constexpr std::size_t k_portfolio_window = 256;

namespace detail {

// Loads `path`; nullopt with the reasons in `diags` when it cannot be used.
[[nodiscard]] std::optional<TrackedProject> load_order(const std::string& path, const PortfolioLoad& load,
                                                       Diagnostics& diags);
// Records `why` as the file's k_unusable_input error.
void unusable(Diagnostics& diags, const std::string& path, std::string why);
// Splits the diagnostics into the item's errors and warnings; an item without a result and
// without an error gets one ("could not be loaded").
void settle(const std::string& path, Diagnostics&& diags, bool has_result, std::vector<Diagnostic>& errors,
            std::vector<Diagnostic>& warnings);

} // namespace detail

// Loads and works on one file: an InputError from the work (a date the calendar cannot place …)
// makes the file unusable; any other exception is a bug and propagates.
template <class Work>
[[nodiscard]] auto process_order(const std::string& path, const PortfolioLoad& load, Work& work)
    -> PortfolioItem<std::invoke_result_t<Work&, TrackedProject&&>> {
  PortfolioItem<std::invoke_result_t<Work&, TrackedProject&&>> item;
  item.file = path;
  Diagnostics diags;
  try {
    if (auto tracked = detail::load_order(path, load, diags)) item.result.emplace(work(std::move(*tracked)));
  } catch (const InputError& e) {
    item.result.reset();
    detail::unusable(diags, path, e.what());
  }
  detail::settle(path, std::move(diags), item.result.has_value(), item.errors, item.warnings);
  return item;
}

// work(TrackedProject&&) -> T for every file, in parallel on load.threads workers; consume(
// PortfolioItem<T>&&) for every file in input order, one at a time, as soon as the files before
// it are done; then one item per unusable path (in discovery order). An exception from consume,
// or one other than InputError from work, stops the run and is rethrown.
template <class Work, class Consume>
void for_each_order(const PortfolioInputs& inputs, const PortfolioLoad& load, Work&& work, Consume&& consume) {
  using T = std::invoke_result_t<Work&, TrackedProject&&>;
  ordered_parallel_map(
      inputs.files.size(), load.threads, k_portfolio_window,
      [&](std::size_t k) { return process_order(inputs.files[k], load, work); },
      [&](std::size_t, PortfolioItem<T>&& item) { consume(std::move(item)); });
  for (const Diagnostic& d : inputs.unusable) {
    PortfolioItem<T> item;
    item.file = d.loc.file;
    item.errors.push_back(d);
    consume(std::move(item));
  }
}

} // namespace yekuo::track
