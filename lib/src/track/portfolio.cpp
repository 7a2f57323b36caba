#include <yekuo/track/portfolio.hpp>

namespace yekuo::track {

PortfolioInputs portfolio_inputs(io::DiscoveredInputs discovered) {
  PortfolioInputs inputs;
  inputs.files = std::move(discovered.files);
  inputs.unusable = discovered.problems.items();
  return inputs;
}

namespace detail {

std::optional<TrackedProject> load_order(const std::string& path, const PortfolioLoad& load, Diagnostics& diags) {
  if (load.calendars == nullptr) throw InternalError("for_each_order: no calendar cache");
  auto tracked = load.load(path, *load.calendars, diags, load.as_of);
  if (diags.has_errors()) return std::nullopt;
  return tracked;
}

void unusable(Diagnostics& diags, const std::string& path, std::string why) {
  diags.error(std::string(io::k_unusable_input), SourceLoc{path, 0, 0}, std::move(why),
              "run `yekuo check` on the file; check its dates");
}

void settle(const std::string& path, Diagnostics&& diags, bool has_result, std::vector<Diagnostic>& errors,
            std::vector<Diagnostic>& warnings) {
  if (!has_result && !diags.has_errors()) unusable(diags, path, "the file could not be loaded");
  for (const Diagnostic& d : diags.items()) {
    if (d.severity == Severity::error)
      errors.push_back(d);
    else
      warnings.push_back(d);
  }
}

} // namespace detail

} // namespace yekuo::track
