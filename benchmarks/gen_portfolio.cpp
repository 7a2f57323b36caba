// yekuo-gen-portfolio: writes a synthetic portfolio of order files for the benchmarks.
//
//   yekuo-gen-portfolio --out DIR --count 10000 --seed 1 --as-of 2025-09-15 [--invalid 8]
//
// Deterministic from --seed (file i depends on the seed and i only). Besides the order files
// (and NAME.baseline.toml for some) it writes DIR/manifest.tsv: one line per order with its
// path, stage count, defect ("valid" or the way it was broken), feasibility and baseline.
#include "portfolio_gen.hpp"

#include <yekuo/io/baseline_file.hpp>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using namespace yekuo;

namespace {

void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  if (!out) throw std::runtime_error(fmt::format("cannot write {}", path.string()));
}

// Evenly spread: order i is broken when the running count of broken files steps up at i.
bench::Defect defect_for(std::size_t i, std::size_t count, std::size_t invalid) {
  if (invalid == 0 || count == 0) return bench::Defect::none;
  const std::size_t before = i * invalid / count;
  const std::size_t after = (i + 1) * invalid / count;
  if (after == before) return bench::Defect::none;
  return static_cast<bench::Defect>(1 + static_cast<int>(before % bench::k_defect_kinds));
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"Writes a deterministic synthetic portfolio of yekuo order files (for benchmarks and tests)"};
  app.name("yekuo-gen-portfolio");
  std::string out_dir;
  std::size_t count = 1000;
  std::uint64_t seed = 1;
  std::string as_of_text = "2025-09-15";
  std::size_t invalid = 0;
  double baseline_share = 0.3;
  int stages = 0;
  int min_stages = 8;
  int max_stages = 80;
  bool force = false;
  bool feasible_only = false;
  bool quiet = false;
  app.add_option("--out", out_dir, "Directory to write (created; must be empty unless --force)")->required();
  app.add_option("--count", count, "Number of order files")->check(CLI::Range(1, 10'000'000));
  app.add_option("--seed", seed, "Seed: the same seed writes the same files");
  app.add_option("--as-of", as_of_text, "Progress, delays and revisits are recorded up to this date (<= 2026-12-31)");
  app.add_option("--invalid", invalid, "Make this many files invalid, in varied ways");
  app.add_option("--baselines", baseline_share, "Share of valid, feasible orders with a confirmed baseline")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--stages", stages, "Every order has exactly this many stages (default: 8-80, mostly small)")
      ->check(CLI::Range(4, 500));
  app.add_option("--min-stages", min_stages, "Smallest network")->check(CLI::Range(4, 500));
  app.add_option("--max-stages", max_stages, "Largest network")->check(CLI::Range(4, 500));
  app.add_flag("--feasible-only", feasible_only, "Every target leaves some slack (no infeasible orders)");
  app.add_flag("--force", force, "Replace a portfolio this program wrote before (a directory with manifest.tsv)");
  app.add_flag("-q,--quiet", quiet, "No summary");
  CLI11_PARSE(app, argc, argv);

  const auto as_of = calendar::Date::parse_iso(as_of_text);
  if (!as_of || *as_of < *calendar::Date::from_ymd(2024, 2, 1) || *as_of > bench::last_generated_date()) {
    fmt::print(stderr, "yekuo-gen-portfolio: --as-of must be a date from 2024-02-01 to {}\n",
               bench::last_generated_date().iso());
    return 2;
  }
  if (invalid > count) {
    fmt::print(stderr, "yekuo-gen-portfolio: --invalid {} is more than --count {}\n", invalid, count);
    return 2;
  }
  try {
    const fs::path root(out_dir);
    if (fs::exists(root) && !fs::is_empty(root)) {
      if (!force || !fs::exists(root / "manifest.tsv")) {
        fmt::print(stderr, "yekuo-gen-portfolio: {} is not empty (--force replaces a generated portfolio)\n",
                   out_dir);
        return 2;
      }
      fs::remove_all(root);
    }
    fs::create_directories(root);

    bench::GenOptions opts;
    opts.seed = seed;
    opts.as_of = *as_of;
    opts.min_stages = std::min(min_stages, max_stages);
    opts.max_stages = max_stages;
    opts.baseline_share = baseline_share;
    opts.feasible_only = feasible_only;

    std::string manifest = "path\tstages\tdefect\tfeasible\tbaseline\n";
    std::size_t total_stages = 0, broken = 0, infeasible = 0, baselines = 0, bytes = 0;
    for (std::size_t i = 0; i < count; ++i) {
      const bench::Defect defect = defect_for(i, count, invalid);
      const auto gen = bench::generate_project(opts, i, defect, stages > 0 ? std::optional<int>(stages) : std::nullopt);
      const std::string rel = bench::relative_path(gen.project, i);
      const fs::path path = root / rel;
      if (i % 1000 == 0) fs::create_directories(path.parent_path());
      const std::string text = bench::to_toml(gen.project, defect);
      write_file(path, text);
      bytes += text.size();
      if (gen.baseline) {
        const std::string btext = io::serialize_baseline(*gen.baseline);
        write_file(io::baseline_path_for(path.string()), btext);
        bytes += btext.size();
        ++baselines;
      }
      total_stages += gen.project.stages.size();
      broken += defect != bench::Defect::none ? 1U : 0U;
      infeasible += gen.feasible ? 0U : 1U;
      manifest += fmt::format("{}\t{}\t{}\t{}\t{}\n", rel, gen.project.stages.size(), bench::defect_name(defect),
                              gen.feasible ? "feasible" : "infeasible", gen.baseline ? "baseline" : "-");
    }
    write_file(root / "manifest.tsv", manifest);
    if (!quiet)
      fmt::print("wrote {} order files to {} ({} stages, {:.1f} on average; {} invalid, {} infeasible targets, "
                 "{} baselines; {:.1f} MB)\n",
                 count, out_dir, total_stages, static_cast<double>(total_stages) / static_cast<double>(count),
                 broken, infeasible, baselines, static_cast<double>(bytes) / 1e6);
  } catch (const std::exception& e) {
    fmt::print(stderr, "yekuo-gen-portfolio: {}\n", e.what());
    return 1;
  }
  return 0;
}
