#pragma once
// A small real portfolio for the report tests: every example order (active, energized with
// follow-ups, with owners and coordinations) and two bad files, one among them and one last.
#include "test_dates.hpp"

#include <yekuo/calendar/calendar_cache.hpp>
#include <yekuo/render/document_writer.hpp>
#include <yekuo/track/evaluate.hpp>
#include <yekuo/track/tracked_project.hpp>

#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace report_test {

inline std::vector<std::string> portfolio_files() {
  const std::filesystem::path root(YEKUO_SOURCE_DIR);
  std::vector<std::string> files;
  for (const char* dir : {"examples", "examples/portfolio", "examples/assessed"})
    for (const auto& entry : std::filesystem::directory_iterator(root / dir)) {
      const std::string name = entry.path().filename().string();
      if (entry.is_regular_file() && name.ends_with(".toml") && !name.ends_with(".baseline.toml"))
        files.push_back(entry.path().string());
    }
  std::sort(files.begin(), files.end());
  files.insert(files.begin() + 3, (root / "tests/fixtures/errors/cycle.toml").string());
  files.push_back((root / "tests/fixtures/errors/toml_syntax.toml").string());
  return files;
}

// The evaluations point into the calendars: they live together.
struct Portfolio {
  std::unique_ptr<yekuo::calendar::CalendarCache> calendars = std::make_unique<yekuo::calendar::CalendarCache>();
  yekuo::track::PortfolioEvaluation evaluation;
};

inline Portfolio evaluate(const char* as_of, bool forecast = true) {
  Portfolio p;
  yekuo::track::EvaluateOptions options;
  options.as_of = D(as_of);
  options.forecast = forecast;
  p.evaluation = yekuo::track::evaluate_portfolio({portfolio_files(), {}}, {options.as_of, 1, p.calendars.get()}, options);
  return p;
}

// As-of days with different pictures: 2010 (the reference orders running, escalations), 2025 and
// 2026 (follow-ups after energization, owners, provisional years).
inline constexpr const char* k_days[] = {"2010-03-18", "2010-05-01", "2025-12-01", "2026-06-18", "2026-07-20"};

// The formats a Document renders to (xlsx aside: its bytes are a zip, compared in its own tests).
inline constexpr yekuo::render::Format k_formats[] = {yekuo::render::Format::table, yekuo::render::Format::markdown,
                                                      yekuo::render::Format::csv, yekuo::render::Format::html};

// The text a streamed report writes: make_report(sink) builds it on a DocumentWriter, every file
// of the portfolio is added, then finish().
template <class MakeReport>
std::string streamed(const yekuo::track::PortfolioEvaluation& portfolio, yekuo::render::Format format,
                     const yekuo::render::RenderOptions& options, MakeReport&& make_report) {
  std::string out;
  yekuo::render::DocumentWriter writer(format, options, [&](std::string_view text) { out += text; });
  auto report = make_report(static_cast<yekuo::report::DocumentSink&>(writer));
  for (const auto& f : portfolio.files) report.add(f);
  report.finish();
  return out;
}

} // namespace report_test
