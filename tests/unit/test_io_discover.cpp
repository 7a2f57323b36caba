#include "doctest_printers.hpp"

#include <yekuo/io/discover.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using yekuo::io::discover_project_files;
using yekuo::io::sniff_baseline;

namespace {

// A fresh directory under the system's temporary directory, removed at the end of the test.
class TempDir {
public:
  TempDir() {
    std::string templ = (fs::temp_directory_path() / "yekuo-discover-XXXXXX").string();
    REQUIRE(::mkdtemp(templ.data()) != nullptr);
    m_path = templ;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] std::string file(const std::string& name, const std::string& text) const {
    const auto p = (m_path / name).string();
    std::ofstream(p) << text;
    return p;
  }
  [[nodiscard]] std::string path() const { return m_path.string(); }

private:
  fs::path m_path;
};

const char* k_project = "schema = 1\n\n[project]\nid = \"A\"\n\n[[stage]]\nid = \"s\"\n";
// As `yekuo plan --confirm` writes it (toml++ writes literal strings).
const char* k_baseline = "# Confirmed plan (基线) written by `yekuo plan --confirm`. Do not edit by hand.\n"
                         "# Revisions are only appended; the last one is in force.\n\n"
                         "project = 'A'\nschema = 1\n\n[[revision]]\nnumber = 1\n";

} // namespace

TEST_SUITE("io::discover") {

TEST_CASE("a baseline is recognised by its content, a project file is not") {
  TempDir dir;
  CHECK(sniff_baseline(dir.file("a.toml", k_project)) == std::nullopt);
  CHECK(sniff_baseline(dir.file("copy.toml", k_baseline)) == std::optional<std::string>("A"));
  CHECK(sniff_baseline(dir.file("b.toml", "project = \"B\"\n[[revision]]\n")) == std::optional<std::string>("B"));
  // A project table after the key is still a project file (a broken one, for the loader to report),
  // and so is a mistaken `project = "X"` followed by stages.
  CHECK(sniff_baseline(dir.file("c.toml", "project = \"B\"\n[project]\nid = \"B\"\n")) == std::nullopt);
  CHECK(sniff_baseline(dir.file("d.toml", "project = \"B\"\n[[stage]]\nid = \"s\"\n")) == std::nullopt);
  CHECK(sniff_baseline(dir.file("e.toml", "project = \"B\"\nschema = 1\n")) == std::nullopt);
  CHECK(sniff_baseline(dir.file("f.toml", "[[revision]]\nnumber = 1\n")) == std::nullopt); // no project key
  CHECK(sniff_baseline(dir.file("empty.toml", "")) == std::nullopt);
  CHECK(sniff_baseline(dir.path()) == std::nullopt);        // a directory
  CHECK(sniff_baseline(dir.path() + "/missing.toml") == std::nullopt);
}

TEST_CASE("baselines named by a glob are kept apart from the project files, with their orders") {
  TempDir dir;
  const auto a = dir.file("a.toml", k_project);
  const auto a_base = dir.file("a.baseline.toml", k_baseline);
  const auto copy = dir.file("copy.toml", k_baseline);
  const auto orphan = dir.file("gone.baseline.toml", k_baseline);
  const auto b_base = dir.file("b.baseline.toml", k_baseline);
  (void)dir.file("b.toml", k_project);

  const auto in = discover_project_files({a, a_base, copy, orphan, b_base});
  CHECK(in.files == std::vector<std::string>{a});
  REQUIRE(in.baselines.size() == 4);
  CHECK(in.baselines[0].path == a_base);
  CHECK(in.baselines[0].order == a);
  CHECK(in.baselines[0].order_named);
  CHECK_FALSE(yekuo::io::skipped_baseline_note(in.baselines[0]).has_value()); // read with its order
  CHECK(in.baselines[1].path == b_base);
  CHECK(in.baselines[1].order_exists);
  CHECK_FALSE(in.baselines[1].order_named);
  CHECK(yekuo::io::skipped_baseline_note(in.baselines[1])->find("not among the inputs") != std::string::npos);
  CHECK(in.baselines[2].path == copy);
  CHECK(in.baselines[2].order.empty());
  CHECK(in.baselines[2].project_id == "A");
  CHECK(in.baselines[3].path == orphan);
  CHECK_FALSE(in.baselines[3].order_exists);
  CHECK(yekuo::io::skipped_baseline_note(in.baselines[3])->find("does not exist") != std::string::npos);

  // The directory form: NAME.baseline.toml skipped silently, a baseline under another name found.
  const auto walked = discover_project_files({dir.path()});
  CHECK(walked.files == std::vector<std::string>{a, dir.path() + "/b.toml"});
  REQUIRE(walked.baselines.size() == 1);
  CHECK(walked.baselines[0].path == copy);
}
}

TEST_CASE("an organization settings file among the orders is kept apart, a project file with [calendar] is not") {
  TempDir dir;
  const auto org = dir.file("org.toml", "# 本单位设置\n[[department]]\nname = \"基建部\"\nconcurrent = 3\n");
  const auto cal = dir.file("calendar.toml", "schema = 1\n\n[calendar]\nholidays = [2027-01-04]\n");
  const auto esc = dir.file("escalation.toml", "[escalation]\ndirector_days = 5\n");
  // A project file whose [calendar] table comes first is still a project file.
  const auto order = dir.file("order.toml", "schema = 1\n[calendar]\nholidays = [2027-01-04]\n[project]\nid = \"X\"\n"
                                            "[[stage]]\nid = \"a\"\n");
  const auto keyed = dir.file("keyed.toml", "title = \"x\"\n[calendar]\nholidays = []\n"); // a top-level key
  // Far from the beginning: a long [calendar] (comments, many dates) before [project] or before the end.
  std::string long_calendar = "[calendar]\n";
  for (int i = 0; i < 400; ++i) long_calendar += "# a local holiday of the county, agreed with the grid company\n";
  const auto long_order = dir.file("long-order.toml", long_calendar + "[project]\nid = \"Y\"\n[[stage]]\nid = \"a\"\n");
  const auto long_org = dir.file("long-org.toml", long_calendar + "[[department]]\nname = \"基建部\"\nconcurrent = 3\n");
  REQUIRE(long_calendar.size() > 16384);
  CHECK_FALSE(yekuo::io::sniff_org_settings(long_order));
  CHECK(yekuo::io::sniff_org_settings(long_org));
  CHECK(yekuo::io::sniff_org_settings(org));
  CHECK(yekuo::io::sniff_org_settings(cal));
  CHECK(yekuo::io::sniff_org_settings(esc));
  CHECK_FALSE(yekuo::io::sniff_org_settings(order));
  CHECK_FALSE(yekuo::io::sniff_org_settings(keyed));
  const auto in = discover_project_files({dir.path()});
  CHECK(in.settings == std::vector<std::string>{cal, esc, long_org, org});
  CHECK(in.files == std::vector<std::string>{keyed, long_order, order});
  // Named on the command line too.
  const auto named = discover_project_files({org, order});
  CHECK(named.settings == std::vector<std::string>{org});
  CHECK(named.files == std::vector<std::string>{order});
}
