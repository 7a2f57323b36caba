#include <yekuo/util/atomic_file.hpp>

#include <yekuo/util/error.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

namespace yekuo {

namespace {
std::string errno_text() { return std::strerror(errno); }
} // namespace

AtomicFileWriter::AtomicFileWriter(std::filesystem::path target) : m_target(std::move(target)) {
  open();
  // mkstemp creates 0600; published files should be readable like any other file.
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(m_fd, static_cast<mode_t>(0666 & ~mask));
}

AtomicFileWriter::AtomicFileWriter(std::filesystem::path target, unsigned mode, unsigned gid)
    : m_target(std::move(target)) {
  open();
  // The group first: changing it may clear set-id bits. Only a member of the group may keep it; a
  // file in another group is still written, in the user's group.
  if (::fchown(m_fd, static_cast<uid_t>(-1), static_cast<gid_t>(gid)) != 0) {
  }
  ::fchmod(m_fd, static_cast<mode_t>(mode & 07777));
}

void AtomicFileWriter::open() {
  m_dir = m_target.has_parent_path() ? m_target.parent_path() : std::filesystem::path(".");
  std::error_code ec;
  if (!std::filesystem::is_directory(m_dir, ec))
    throw InputError(fmt::format("cannot write {}: directory {} does not exist", m_target.string(), m_dir.string()));
  if (std::filesystem::is_directory(m_target, ec))
    throw InputError(fmt::format("cannot write {}: it is a directory", m_target.string()));

  m_tmp = (m_dir / fmt::format(".{}.tmp-XXXXXX", m_target.filename().string())).string();
  m_fd = ::mkstemp(m_tmp.data());
  if (m_fd < 0) throw InputError(fmt::format("cannot write in {}: {}", m_dir.string(), errno_text()));
}

AtomicFileWriter::~AtomicFileWriter() {
  if (m_fd >= 0) {
    ::close(m_fd);
    ::unlink(m_tmp.c_str());
  }
}

void AtomicFileWriter::fail(const std::string& what) {
  const std::string why = errno_text();
  if (m_fd >= 0) ::close(m_fd);
  m_fd = -1;
  ::unlink(m_tmp.c_str());
  throw InternalError(fmt::format("{}: {}", what, why));
}

void AtomicFileWriter::write(std::string_view content) {
  if (m_fd < 0) throw InternalError("AtomicFileWriter: write after commit or failure");
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(m_fd, content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(fmt::format("cannot write {}", m_tmp));
    }
    done += static_cast<std::size_t>(n);
  }
}

void AtomicFileWriter::flush_and_close() {
  if (m_fd < 0) throw InternalError("AtomicFileWriter: commit after commit or failure");
  if (::fsync(m_fd) != 0) fail(fmt::format("cannot write {}", m_tmp));
  ::close(m_fd);
  m_fd = -1;
}

void AtomicFileWriter::sync_directory() const {
  const int dfd = ::open(m_dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
}

void AtomicFileWriter::commit() {
  flush_and_close();
  if (::rename(m_tmp.c_str(), m_target.c_str()) != 0) {
    const std::string why = errno_text();
    ::unlink(m_tmp.c_str());
    throw InternalError(fmt::format("cannot replace {}: {}", m_target.string(), why));
  }
  sync_directory();
}

bool AtomicFileWriter::commit_new() {
  flush_and_close();
  // RENAME_NOREPLACE makes "does it exist" and "put it there" one step; a file system without
  // it (EINVAL) still refuses to link over an existing name.
  int rc = ::renameat2(AT_FDCWD, m_tmp.c_str(), AT_FDCWD, m_target.c_str(), RENAME_NOREPLACE);
  if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {
    rc = ::link(m_tmp.c_str(), m_target.c_str());
    if (rc == 0 || errno == EEXIST) ::unlink(m_tmp.c_str());
  }
  if (rc != 0) {
    const int err = errno;
    const std::string why = errno_text();
    ::unlink(m_tmp.c_str());
    if (err == EEXIST) return false;
    throw InternalError(fmt::format("cannot create {}: {}", m_target.string(), why));
  }
  sync_directory();
  return true;
}

void write_file_atomically(const std::filesystem::path& target, std::string_view content) {
  AtomicFileWriter file(target);
  file.write(content);
  file.commit();
}

bool write_new_file_atomically(const std::filesystem::path& target, std::string_view content) {
  AtomicFileWriter file(target);
  file.write(content);
  return file.commit_new();
}

namespace {

// Writable for this user, and by someone at all: root passes access() on anything, but a file or
// directory without any write bit was made read-only on purpose.
bool writable(const std::filesystem::path& p, mode_t mode) {
  return ::access(p.c_str(), W_OK) == 0 && (mode & (S_IWUSR | S_IWGRP | S_IWOTH)) != 0;
}

} // namespace

void replace_file_atomically(const std::filesystem::path& target, std::string_view content) {
  std::error_code ec;
  const std::filesystem::path file = std::filesystem::canonical(target, ec);
  if (ec) throw InputError(fmt::format("cannot write {}: {}", target.string(), ec.message()));
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) throw InputError(fmt::format("cannot write {}: {}", target.string(), errno_text()));
  if (!S_ISREG(st.st_mode)) throw InputError(fmt::format("cannot write {}: not a regular file", target.string()));
  if (!writable(file, st.st_mode))
    throw InputError(fmt::format("{} is read-only: make it writable first (chmod u+w {}) if it may be changed",
                                 target.string(), target.string()));
  const std::filesystem::path dir = file.parent_path();
  struct stat dst {};
  if (::stat(dir.c_str(), &dst) != 0 || !writable(dir, dst.st_mode))
    throw InputError(fmt::format("cannot write {}: its directory {} is read-only (a file is replaced by writing a "
                                 "new one next to it); make the directory writable first",
                                 target.string(), dir.string()));
  AtomicFileWriter out(file, static_cast<unsigned>(st.st_mode), static_cast<unsigned>(st.st_gid));
  out.write(content);
  out.commit();
}

} // namespace yekuo
