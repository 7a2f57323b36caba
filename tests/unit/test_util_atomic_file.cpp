// write_file_atomically: the one way the tool writes files (SPEC §5). The crash tests run the
// write in a forked child and kill it (SIGKILL from the parent, or the kernel's SIGXFSZ at a file
// size limit), then check from the parent that the previous file is intact.
#include "kill_midway.hpp"
#include "temp_dir.hpp"

#include <yekuo/util/atomic_file.hpp>
#include <yekuo/util/error.hpp>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
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

using yekuo::test::TempDir;

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void write_plain(const fs::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

// Files whose name marks them as write_file_atomically's temporaries (".NAME.tmp-XXXXXX").
std::vector<std::string> temporaries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().find(".tmp-") != std::string::npos) out.push_back(e.path().filename().string());
  return out;
}

} // namespace

TEST_SUITE("util::write_file_atomically") {

TEST_CASE("a new file gets the content and the usual permissions, and no temporary file is left") {
  TempDir dir;
  const auto target = dir.path() / "plan.html";
  yekuo::write_file_atomically(target, "<p>hello</p>\n");
  CHECK(read_all(target) == "<p>hello</p>\n");
  CHECK(temporaries(dir.path()).empty());
  // mkstemp creates 0600; the result must be readable like any file the user writes (umask applies).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  struct stat st {};
  REQUIRE(::stat(target.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == (0666 & ~mask));
}

TEST_CASE("an existing file is replaced as a whole, also by shorter content") {
  TempDir dir;
  const auto target = dir.path() / "wx.baseline.toml";
  write_plain(target, std::string(10000, 'x'));
  yekuo::write_file_atomically(target, "short\n");
  CHECK(read_all(target) == "short\n");
  yekuo::write_file_atomically(target, "");
  CHECK(read_all(target).empty());
  CHECK(temporaries(dir.path()).empty());
}

TEST_CASE("write_new_file_atomically creates a file but never replaces one, not even a dangling link") {
  TempDir dir;
  const auto target = dir.path() / "WX-1.toml";
  CHECK(yekuo::write_new_file_atomically(target, "first\n"));
  CHECK(read_all(target) == "first\n");
  CHECK_FALSE(yekuo::write_new_file_atomically(target, "second\n"));
  CHECK(read_all(target) == "first\n");
  const auto link = dir.path() / "dangling.toml";
  fs::create_symlink(dir.path() / "nowhere", link);
  CHECK_FALSE(yekuo::write_new_file_atomically(link, "x"));
  CHECK(fs::is_symlink(link));
  CHECK_FALSE(fs::exists(dir.path() / "nowhere"));
  CHECK(temporaries(dir.path()).empty());
}

TEST_CASE("AtomicFileWriter: pieces appear only at commit; without commit the previous file stays and nothing is left") {
  TempDir dir;
  const auto target = dir.path() / "evaluate.json";
  write_plain(target, "previous\n");
  {
    yekuo::AtomicFileWriter out(target);
    out.write("{\"projects\": [");
    out.write("1, 2");
    CHECK(read_all(target) == "previous\n"); // nothing visible before commit
    CHECK(temporaries(dir.path()).size() == 1);
    out.write("]}\n");
    out.commit();
    CHECK_THROWS_AS(out.write("more"), yekuo::InternalError);
  }
  CHECK(read_all(target) == "{\"projects\": [1, 2]}\n");
  CHECK(temporaries(dir.path()).empty());
  {
    yekuo::AtomicFileWriter out(target);
    out.write("half a report");
    // an error half-way: the writer goes out of scope without commit
  }
  CHECK(read_all(target) == "{\"projects\": [1, 2]}\n");
  CHECK(temporaries(dir.path()).empty());
}

TEST_CASE("a missing directory or a directory as the target is bad input and writes nothing") {
  TempDir dir;
  CHECK_THROWS_AS(yekuo::write_file_atomically(dir.path() / "no" / "such" / "x.csv", "x"), yekuo::InputError);
  fs::create_directory(dir.path() / "out.html");
  CHECK_THROWS_AS(yekuo::write_file_atomically(dir.path() / "out.html", "x"), yekuo::InputError);
  CHECK(fs::is_directory(dir.path() / "out.html"));
  CHECK(temporaries(dir.path()).empty());
}

TEST_CASE("a directory that cannot be written is bad input, unless the process may write anyway (root)") {
  TempDir dir;
  const auto locked = dir.path() / "locked";
  fs::create_directory(locked);
  write_plain(locked / "a.html", "previous");
  fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
  const bool privileged = ::access(locked.c_str(), W_OK) == 0; // root ignores the mode bits
  if (privileged) {
    yekuo::write_file_atomically(locked / "a.html", "new");
    CHECK(read_all(locked / "a.html") == "new");
  } else {
    CHECK_THROWS_AS(yekuo::write_file_atomically(locked / "a.html", "new"), yekuo::InputError);
    CHECK(read_all(locked / "a.html") == "previous");
  }
  fs::permissions(locked, fs::perms::owner_all);
  CHECK(temporaries(locked).empty());
}

TEST_CASE("a full disk (file size limit, EFBIG) fails the write, keeps the previous file and removes the temporary") {
  TempDir dir;
  const auto target = dir.path() / "wx.baseline.toml";
  write_plain(target, "revision 1\n");
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    // Child: writes past a 64 KiB limit. With SIGXFSZ ignored, write() fails with EFBIG, as on a full disk.
    std::signal(SIGXFSZ, SIG_IGN);
    const rlimit lim{64 * 1024, 64 * 1024};
    ::setrlimit(RLIMIT_FSIZE, &lim);
    int code = 3;
    try {
      yekuo::write_file_atomically(target, std::string(1 << 20, 'n'));
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
  CHECK_MESSAGE(WEXITSTATUS(status) == 0, "the write must fail with InternalError (exit code ", WEXITSTATUS(status), ")");
  CHECK(read_all(target) == "revision 1\n");
  CHECK(temporaries(dir.path()).empty());
}

TEST_CASE("a process killed by the kernel in the middle of writing (SIGXFSZ) leaves the previous file intact") {
  TempDir dir;
  const auto target = dir.path() / "plan.csv";
  write_plain(target, "previous\n");
  const pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    const rlimit lim{64 * 1024, 64 * 1024}; // default SIGXFSZ action: terminate
    ::setrlimit(RLIMIT_FSIZE, &lim);
    try {
      yekuo::write_file_atomically(target, std::string(1 << 20, 'n'));
    } catch (...) {
    }
    ::_exit(0);
  }
  const int status = yekuo::test::wait_for(pid);
  REQUIRE(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGXFSZ);
  CHECK(read_all(target) == "previous\n");
  // Nothing runs after a kill: the partial data stays in the hidden temporary file, which every
  // command ignores (a dot file). docs/security.md says so.
  const auto left = temporaries(dir.path());
  REQUIRE(left.size() == 1);
  CHECK(left[0].rfind(".plan.csv.tmp-", 0) == 0);
  CHECK(fs::file_size(dir.path() / left[0]) == 64 * 1024);
}

TEST_CASE("SIGKILL at any moment of a large write leaves either the previous or the new file, never a mix") {
  TempDir dir;
  const auto target = dir.path() / "big.html";
  const std::string previous = "previous\n";
  constexpr std::size_t k_size = std::size_t{96} << 20;
  int caught_mid_write = 0;
  for (int round = 0; round < 6; ++round) {
    write_plain(target, previous);
    for (const auto& t : temporaries(dir.path())) fs::remove(dir.path() / t);
    // Kill as soon as the temporary file has data (later in each round), or after a time limit.
    const bool mid = yekuo::test::kill_midway(
        [&] { yekuo::write_file_atomically(target, std::string(k_size, 'n')); },
        [&] {
          const auto tmps = temporaries(dir.path());
          std::error_code ec;
          return !tmps.empty() && fs::file_size(dir.path() / tmps[0], ec) > std::uintmax_t{1} << (20 + round);
        });
    const auto size = fs::file_size(target);
    if (size == previous.size()) {
      CHECK(read_all(target) == previous);
    } else {
      CHECK(size == k_size); // the complete new file, never a prefix of it
    }
    if (mid && size == previous.size()) ++caught_mid_write;
  }
  INFO("rounds killed while the temporary file was being written: ", caught_mid_write);
  CHECK(caught_mid_write >= 1);
}

TEST_CASE("replace_file_atomically keeps the file's permissions and replaces the file a link names") {
  TempDir dir;
  const auto target = dir.path() / "order.toml";
  write_plain(target, "old\n");
  fs::permissions(target, fs::perms(0640));
  yekuo::replace_file_atomically(target, "new\n");
  CHECK(read_all(target) == "new\n");
  CHECK(fs::status(target).permissions() == fs::perms(0640));
  CHECK(temporaries(dir.path()).empty());

  const auto link = dir.path() / "link.toml";
  fs::create_symlink("order.toml", link);
  yekuo::replace_file_atomically(link, "via link\n");
  CHECK(fs::is_symlink(link));
  CHECK(read_all(target) == "via link\n");
}

TEST_CASE("replace_file_atomically refuses a read-only file or directory, also for root, and changes nothing") {
  TempDir dir;
  const auto target = dir.path() / "order.toml";
  write_plain(target, "old\n");
  SUBCASE("a file nobody may write") {
    fs::permissions(target, fs::perms(0444));
    CHECK_THROWS_WITH_AS(yekuo::replace_file_atomically(target, "new\n"), doctest::Contains("read-only"),
                         yekuo::InputError);
  }
  SUBCASE("a directory nobody may write") {
    fs::permissions(dir.path(), fs::perms(0555));
    CHECK_THROWS_WITH_AS(yekuo::replace_file_atomically(target, "new\n"), doctest::Contains("is read-only"),
                         yekuo::InputError);
    fs::permissions(dir.path(), fs::perms(0755));
  }
  SUBCASE("a missing file is not created") {
    CHECK_THROWS_AS(yekuo::replace_file_atomically(dir.path() / "gone.toml", "new\n"), yekuo::InputError);
    CHECK_FALSE(fs::exists(dir.path() / "gone.toml"));
  }
  CHECK(read_all(target) == "old\n");
  CHECK(temporaries(dir.path()).empty());
}

} // TEST_SUITE
