// yekuo-read-floor: the least any tool must do to look at every file of a portfolio: walk
// the directory for *.toml (as `yekuo evaluate DIR` does) and read each file whole, one
// thread, one reused buffer. A tighter floor than `cat` (which maps a fresh buffer per file).
//
//   yekuo-read-floor DIR     prints "files bytes"
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: yekuo-read-floor DIR\n");
    return 2;
  }
  namespace fs = std::filesystem;
  std::vector<char> buf(1 << 20);
  std::size_t files = 0, bytes = 0;
  for (const auto& e : fs::recursive_directory_iterator(argv[1])) {
    if (!e.is_regular_file() || e.path().extension() != ".toml") continue;
    const int fd = ::open(e.path().c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) continue;
    for (;;) {
      const ssize_t n = ::read(fd, buf.data(), buf.size());
      if (n <= 0) break;
      bytes += static_cast<std::size_t>(n);
    }
    ::close(fd);
    ++files;
  }
  std::printf("%zu %zu\n", files, bytes);
  return 0;
}
