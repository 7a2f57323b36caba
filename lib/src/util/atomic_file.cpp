#include <yekuo/util/atomic_file.hpp>

#include <yekuo/util/error.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <fmt/format.h>
#include <string>
#include <unistd.h>

namespace yekuo {

namespace {
std::string errno_text() { return std::strerror(errno); }

void write_all(int fd, std::string_view content, const std::string& tmp) {
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const std::string why = errno_text();
      ::close(fd);
      ::unlink(tmp.c_str());
      throw InternalError(fmt::format("cannot write {}: {}", tmp, why));
    }
    done += static_cast<std::size_t>(n);
  }
}
} // namespace

void write_file_atomically(const std::filesystem::path& target, std::string_view content) {
  const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec))
    throw InputError(fmt::format("cannot write {}: directory {} does not exist", target.string(), dir.string()));
  if (std::filesystem::is_directory(target, ec))
    throw InputError(fmt::format("cannot write {}: it is a directory", target.string()));

  std::string tmp = (dir / fmt::format(".{}.tmp-XXXXXX", target.filename().string())).string();
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) throw InputError(fmt::format("cannot write in {}: {}", dir.string(), errno_text()));
  // mkstemp creates 0600; published files should be readable like any other file.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, static_cast<mode_t>(0666 & ~mask));

  write_all(fd, content, tmp);
  if (::fsync(fd) != 0) {
    const std::string why = errno_text();
    ::close(fd);
    ::unlink(tmp.c_str());
    throw InternalError(fmt::format("cannot write {}: {}", tmp, why));
  }
  ::close(fd);
  if (::rename(tmp.c_str(), target.c_str()) != 0) {
    const std::string why = errno_text();
    ::unlink(tmp.c_str());
    throw InternalError(fmt::format("cannot replace {}: {}", target.string(), why));
  }
  const int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

} // namespace yekuo
