// The portfolio pipeline (track/portfolio.hpp): any per-file result, input order whatever the
// threads do, unusable files and paths as items with the one code, bugs not swallowed.
#include <yekuo/track/portfolio.hpp>

#include <atomic>
#include <doctest/doctest.h>
#include <fmt/format.h>
#include <string>
#include <vector>

using yekuo::track::PortfolioItem;
using yekuo::track::TrackedProject;

namespace {

// A loader that needs no file: "bad-*" has a validation error, "warn-*" a warning, "throw-*"
// throws InputError while loading, "none-*" returns nothing and says nothing.
yekuo::track::ProjectLoader fake_loader(std::atomic<int>& calls) {
  return [&calls](const std::string& path, yekuo::calendar::CalendarCache&, yekuo::Diagnostics& diags,
                  yekuo::calendar::Date) -> std::optional<TrackedProject> {
    ++calls;
    if (path.starts_with("bad-")) {
      diags.error("unknown-key", {path, 3, 7}, "unknown key 'bogus'");
      return std::nullopt;
    }
    if (path.starts_with("throw-")) throw yekuo::InputError("applied 1800-01-01 is outside the calendar");
    if (path.starts_with("none-")) return std::nullopt;
    if (path.starts_with("warn-")) diags.warning("provisional-calendar", {path, 0, 0}, "2027 is provisional");
    TrackedProject t;
    t.project.info.id = path;
    return t;
  };
}

} // namespace

TEST_SUITE("track::for_each_order") {

TEST_CASE("results of any type come in input order, then the unusable paths, on 1 to 8 threads") {
  std::vector<std::string> files;
  for (int k = 0; k < 300; ++k) files.push_back(fmt::format("order-{:03}.toml", k));
  files[5] = "bad-5.toml";
  files[50] = "throw-50.toml";
  files[120] = "none-120.toml";
  files[200] = "warn-200.toml";
  files[201] = "work-throws.toml";
  yekuo::track::PortfolioInputs inputs{files, {}};
  inputs.unusable.push_back({yekuo::Severity::error, "unusable-input", {"gone/", 0, 0}, "no such file or directory", {}});
  for (unsigned threads : {1u, 2u, 3u, 8u}) {
    CAPTURE(threads);
    std::atomic<int> calls{0};
    yekuo::calendar::CalendarCache cache;
    std::vector<PortfolioItem<std::size_t>> items;
    yekuo::track::for_each_order(
        inputs, {{}, threads, &cache, fake_loader(calls)},
        [](TrackedProject&& t) -> std::size_t {
          if (t.project.info.id == "work-throws.toml") throw yekuo::InputError("a date the calendar cannot place");
          return t.project.info.id.size();
        },
        [&](PortfolioItem<std::size_t>&& item) { items.push_back(std::move(item)); });
    CHECK(calls == 300);
    REQUIRE(items.size() == 301);
    for (std::size_t k = 0; k < files.size(); ++k) CHECK(items[k].file == files[k]);
    CHECK(items[300].file == "gone/");
    int unusable = 0;
    for (const auto& item : items) {
      CHECK(item.usable() == item.errors.empty()); // never a result with errors, never a failure without one
      if (!item.usable()) ++unusable;
    }
    CHECK(unusable == 5);
    REQUIRE(items[0].result);
    CHECK(*items[0].result == files[0].size());
    // The file's own diagnostics keep their position and code.
    REQUIRE(items[5].errors.size() == 1);
    CHECK(items[5].errors[0].code == "unknown-key");
    CHECK(items[5].errors[0].loc.line == 3);
    // Everything else that makes a file unusable has the one code, at the file.
    for (std::size_t k : {50u, 120u, 201u}) {
      REQUIRE(items[k].errors.size() == 1);
      CHECK(items[k].errors[0].code == "unusable-input");
      CHECK(items[k].errors[0].loc.file == files[k]);
    }
    CHECK(items[50].errors[0].message.find("outside the calendar") != std::string::npos);
    CHECK(items[201].errors[0].message.find("cannot place") != std::string::npos);
    CHECK(items[300].errors[0].code == "unusable-input");
    // A warning travels with a usable result.
    CHECK(items[200].usable());
    REQUIRE(items[200].warnings.size() == 1);
    CHECK(items[200].warnings[0].code == "provisional-calendar");
  }
}

TEST_CASE("a bug in the work or in the consumer stops the run") {
  std::atomic<int> calls{0};
  yekuo::calendar::CalendarCache cache;
  const yekuo::track::PortfolioInputs inputs{{"a.toml", "b.toml", "c.toml"}, {}};
  CHECK_THROWS_AS(yekuo::track::for_each_order(
                      inputs, {{}, 2, &cache, fake_loader(calls)},
                      [](TrackedProject&&) -> int { throw yekuo::InternalError("bug"); },
                      [](PortfolioItem<int>&&) {}),
                  yekuo::InternalError);
  CHECK_THROWS_AS(yekuo::track::for_each_order(
                      inputs, {{}, 2, &cache, fake_loader(calls)}, [](TrackedProject&&) { return 1; },
                      [](PortfolioItem<int>&&) { throw std::runtime_error("disk full"); }),
                  std::runtime_error);
}

TEST_CASE("discovery's problems become the unusable inputs") {
  yekuo::io::DiscoveredInputs discovered;
  discovered.files = {"a.toml"};
  discovered.problems.error("unusable-input", {"missing.toml", 0, 0}, "no such file or directory");
  const auto inputs = yekuo::track::portfolio_inputs(std::move(discovered));
  CHECK(inputs.files == std::vector<std::string>{"a.toml"});
  REQUIRE(inputs.unusable.size() == 1);
  CHECK(inputs.unusable[0].loc.file == "missing.toml");
}

} // TEST_SUITE
