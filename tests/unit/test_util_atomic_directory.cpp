// replace_directory_atomically (and AtomicDirectoryWriter under it): the published site is swapped in
// as a whole. The crash tests run the replacement in a forked child (killed, or failing at a file
// size limit) and check from the parent that the previous directory is intact.
#include "kill_midway.hpp"
#include "temp_dir.hpp"

#include <yekuo/util/atomic_directory.hpp>
#include <yekuo/util/error.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {

using yekuo::DirectoryFile;
using yekuo::replace_directory_atomically;
using yekuo::test::TempDir;

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every regular file under `dir` (relative path -> content).
std::map<std::string, std::string> tree(const fs::path& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).generic_string()] = read_all(e.path());
  return out;
}

// The hidden temporaries of the replacement (".NAME.new-XXXXXX", ".NAME.old-XXXXXX").
std::vector<std::string> leftovers(const fs::path& parent) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(parent)) {
    const std::string name = e.path().filename().string();
    if (name.front() == '.' && (name.find(".new-") != std::string::npos || name.find(".old-") != std::string::npos))
      out.push_back(name);
  }
  return out;
}

mode_t mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 0777;
}

// Sets the umask for one scope.
class Umask {
public:
  explicit Umask(mode_t mask) : m_previous(::umask(mask)) {}
  ~Umask() { ::umask(m_previous); }
  Umask(const Umask&) = delete;
  Umask& operator=(const Umask&) = delete;

private:
  mode_t m_previous;
};

const std::vector<DirectoryFile> k_site = {{"index.html", "<p>index</p>\n"},
                                           {"orders/a.html", "<p>a</p>\n"},
                                           {"orders/b.html", "<p>b</p>\n"},
                                           {".marker", "written by a test\n"}};

std::map<std::string, std::string> as_tree(const std::vector<DirectoryFile>& files) {
  std::map<std::string, std::string> out;
  for (const auto& f : files) out[f.path] = f.content;
  return out;
}

} // namespace

TEST_SUITE("util::replace_directory_atomically") {

TEST_CASE("a new directory gets exactly the files, subdirectories included, and nothing is left beside it") {
  TempDir dir;
  const auto site = dir.path() / "site";
  replace_directory_atomically(site, k_site);
  CHECK(tree(site) == as_tree(k_site));
  CHECK(leftovers(dir.path()).empty());
}

TEST_CASE("an existing directory is replaced as a whole: files not given are gone") {
  TempDir dir;
  const auto site = dir.path() / "site";
  replace_directory_atomically(site, k_site);
  std::ofstream(site / "orders" / "stale.html") << "stale";
  const std::vector<DirectoryFile> smaller = {{"index.html", "<p>new</p>\n"}, {"orders/b.html", "<p>b2</p>\n"}};
  replace_directory_atomically(dir.path() / "site/", smaller); // a trailing slash names the same directory
  CHECK(tree(site) == as_tree(smaller));
  CHECK(leftovers(dir.path()).empty());
}

TEST_CASE("directories and files are created as the umask allows, readable by a web server under 022") {
  TempDir dir;
  for (const mode_t mask : {mode_t{022}, mode_t{027}, mode_t{077}}) {
    CAPTURE(mask);
    const Umask scoped(mask);
    const auto site = dir.path() / "site";
    replace_directory_atomically(site, k_site);
    CHECK(mode_of(site) == (0777 & ~mask));
    CHECK(mode_of(site / "orders") == (0777 & ~mask));
    CHECK(mode_of(site / "index.html") == (0666 & ~mask));
    CHECK(mode_of(site / "orders" / "a.html") == (0666 & ~mask));
  }
}

TEST_CASE("a failure half-way keeps the previous directory exactly and removes the new one") {
  TempDir dir;
  const auto site = dir.path() / "site";
  replace_directory_atomically(site, k_site);
  // "a" is written as a file, then "a/b" needs it as a directory: the third file fails.
  const std::vector<DirectoryFile> clash = {{"index.html", "<p>new</p>\n"}, {"a", "x"}, {"a/b", "y"}};
  CHECK_THROWS_AS(replace_directory_atomically(site, clash), yekuo::InternalError);
  CHECK(tree(site) == as_tree(k_site)); // nothing of the new content is visible
  CHECK(leftovers(dir.path()).empty());
}

TEST_CASE("paths that would leave the directory are refused before the target is touched") {
  TempDir dir;
  const auto site = dir.path() / "site";
  replace_directory_atomically(site, k_site);
  // An absolute path inside the test's directory: were it accepted, nothing outside would be hit.
  const std::string absolute = (dir.path() / "abs.html").string();
  for (const std::string& bad : {std::string("../escape.html"), absolute, std::string(), std::string("a//b"),
                                 std::string("./a"), std::string("orders/.."), std::string("a/")}) {
    CAPTURE(bad);
    CHECK_THROWS_AS(replace_directory_atomically(site, {{"index.html", "new"}, {bad, "x"}}), yekuo::InternalError);
    CHECK(tree(site) == as_tree(k_site));
  }
  CHECK_FALSE(fs::exists(dir.path() / "escape.html"));
  CHECK_FALSE(fs::exists(absolute));
  CHECK(leftovers(dir.path()).empty());
}

TEST_CASE("a missing parent, a file or a symbolic link at the target, or no directory name is bad input") {
  TempDir dir;
  // "x/.." and "x/." are refused as they are, never normalized into the directory above: here
  // both stay inside the test's directory, so that a regression cannot replace anything else.
  const auto inner = dir.path() / "box" / "inner";
  fs::create_directories(inner);
  std::ofstream(inner / "keep.txt") << "keep";
  CHECK_THROWS_AS(replace_directory_atomically(inner / "..", k_site), yekuo::InputError);
  CHECK_THROWS_AS(replace_directory_atomically(inner / ".", k_site), yekuo::InputError);
  CHECK_THROWS_AS(replace_directory_atomically(inner / "../", k_site), yekuo::InputError);
  CHECK(read_all(inner / "keep.txt") == "keep");
  CHECK(leftovers(inner).empty());
  CHECK(leftovers(inner.parent_path()).empty());
  CHECK_THROWS_AS(replace_directory_atomically(dir.path() / "no" / "site", k_site), yekuo::InputError);
  std::ofstream(dir.path() / "file") << "keep";
  CHECK_THROWS_AS(replace_directory_atomically(dir.path() / "file", k_site), yekuo::InputError);
  CHECK(read_all(dir.path() / "file") == "keep");
  fs::create_directory(dir.path() / "real");
  fs::create_directory_symlink(dir.path() / "real", dir.path() / "link");
  CHECK_THROWS_AS(replace_directory_atomically(dir.path() / "link", k_site), yekuo::InputError);
  CHECK(fs::is_empty(dir.path() / "real"));
  CHECK(leftovers(dir.path()).empty());
}

TEST_CASE("a parent that cannot be written is bad input and keeps the previous directory (unless root)") {
  TempDir dir;
  const auto parent = dir.path() / "www";
  fs::create_directory(parent);
  replace_directory_atomically(parent / "site", k_site);
  fs::permissions(parent, fs::perms::owner_read | fs::perms::owner_exec);
  const bool privileged = ::access(parent.c_str(), W_OK) == 0; // root ignores the mode bits
  if (!privileged) {
    CHECK_THROWS_AS(replace_directory_atomically(parent / "site", {{"index.html", "new"}}), yekuo::InputError);
    CHECK(tree(parent / "site") == as_tree(k_site));
  }
  fs::permissions(parent, fs::perms::owner_all);
  CHECK(leftovers(parent).empty());
}

TEST_CASE("a full disk (file size limit, EFBIG) in the middle keeps the previous directory and removes the new one") {
  TempDir dir;
  const auto site = dir.path() / "site";
  replace_directory_atomically(site, k_site);
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    // Child: the second file passes a 64 KiB limit; with SIGXFSZ ignored write() fails with EFBIG.
    std::signal(SIGXFSZ, SIG_IGN);
    const rlimit lim{64 * 1024, 64 * 1024};
    ::setrlimit(RLIMIT_FSIZE, &lim);
    int code = 3;
    try {
      replace_directory_atomically(site, {{"index.html", "small"}, {"orders/big.html", std::string(1 << 20, 'n')}});
      code = 2; // no error: wrong
    } catch (const yekuo::InternalError&) {
      code = 0;
    } catch (...) {
      code = 1;
    }
    ::_exit(code);
  }
  const int status = yekuo::test::wait_for(pid);
  REQUIRE(WIFEXITED(status));
  CHECK_MESSAGE(WEXITSTATUS(status) == 0, "the replacement must fail with InternalError (exit code ", WEXITSTATUS(status), ")");
  CHECK(tree(site) == as_tree(k_site));
  CHECK(leftovers(dir.path()).empty());
}

TEST_CASE("SIGKILL at any moment shows either the whole previous directory or the whole new one, never a mix") {
  TempDir dir;
  const auto site = dir.path() / "site";
  std::vector<DirectoryFile> big;
  for (int k = 0; k < 8; ++k) big.push_back({"orders/" + std::to_string(k) + ".html", std::string(std::size_t{4} << 20, 'n')});
  int caught_mid_write = 0;
  for (int round = 1; round <= 6; ++round) {
    fs::remove_all(site);
    for (const auto& t : leftovers(dir.path())) fs::remove_all(dir.path() / t);
    replace_directory_atomically(site, k_site);
    // Kill once the new directory holds `round` files (later in each round), or after a time limit.
    const bool mid = yekuo::test::kill_midway([&] { replace_directory_atomically(site, big); }, [&] {
      std::size_t written = 0;
      for (const auto& t : leftovers(dir.path())) {
        std::error_code ec;
        if (fs::is_directory(dir.path() / t / "orders", ec))
          for (const auto& e : fs::directory_iterator(dir.path() / t / "orders", ec)) written += e.path().filename().string().front() != '.';
      }
      return written >= static_cast<std::size_t>(round);
    });
    const auto now = tree(site);
    if (now == as_tree(k_site)) {
      if (mid) ++caught_mid_write;
    } else {
      CHECK(now == as_tree(big)); // the complete new directory, never a part of it
    }
  }
  INFO("rounds killed while the new directory was being written: ", caught_mid_write);
  CHECK(caught_mid_write >= 1);
}

TEST_CASE("AtomicDirectoryWriter: files written piece by piece appear only at commit") {
  TempDir tmp;
  const fs::path site = tmp.path() / "tables";
  replace_directory_atomically(site, {{"old.csv", "old"}});
  {
    yekuo::AtomicDirectoryWriter writer(site);
    std::ofstream(writer.file_path("sub/a.csv")) << "a";
    CHECK(read_all(site / "old.csv") == "old"); // not yet
  } // destroyed without commit: the previous directory stays, the temporary one is gone
  CHECK(read_all(site / "old.csv") == "old");
  CHECK(std::distance(fs::directory_iterator(tmp.path()), fs::directory_iterator()) == 1);

  yekuo::AtomicDirectoryWriter writer(site);
  std::ofstream(writer.file_path("a.csv")) << "a";
  CHECK_THROWS_AS((void)writer.file_path("../escape.csv"), yekuo::InternalError);
  writer.commit();
  CHECK(read_all(site / "a.csv") == "a");
  CHECK_FALSE(fs::exists(site / "old.csv"));
  CHECK(std::distance(fs::directory_iterator(tmp.path()), fs::directory_iterator()) == 1);
}

} // TEST_SUITE
