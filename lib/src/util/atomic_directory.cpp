#include <yekuo/util/atomic_directory.hpp>

#include <yekuo/util/atomic_file.hpp>
#include <yekuo/util/error.hpp>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

namespace yekuo {

namespace {

namespace fs = std::filesystem;

std::string errno_text() { return std::strerror(errno); }

fs::path parent_of(const fs::path& target) { return target.has_parent_path() ? target.parent_path() : fs::path("."); }

// The permissions of a new directory under the process's umask (umask can only be read by setting it).
fs::perms directory_perms() {
  const mode_t mask = ::umask(0);
  ::umask(mask);
  return static_cast<fs::perms>(0777 & ~mask);
}

// A rename is durable only once the directory holding the entry is synced.
void fsync_dir(const fs::path& dir) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

// A fresh hidden directory beside `target`, on its file system (so that renames are atomic).
fs::path make_temp_dir(const fs::path& target, std::string_view what) {
  const fs::path parent = parent_of(target);
  std::string tmpl = (parent / fmt::format(".{}.{}-XXXXXX", target.filename().string(), what)).string();
  if (::mkdtemp(tmpl.data()) == nullptr)
    throw InputError(fmt::format("cannot create a directory in {}: {}", parent.string(), errno_text()));
  // mkdtemp creates 0700; a web server must be able to read the result.
  std::error_code ec;
  fs::permissions(tmpl, directory_perms(), ec);
  return tmpl;
}

// Each '/'-separated part a plain name: nothing absolute, empty, "." or "..", so no file lands
// outside the new directory.
void check_relative(const std::string& path) {
  bool ok = !path.empty() && path.front() != '/';
  for (std::size_t start = 0; ok && start <= path.size();) {
    const std::size_t slash = std::min(path.find('/', start), path.size());
    const std::string_view part = std::string_view(path).substr(start, slash - start);
    ok = !part.empty() && part != "." && part != ".." && part.find('\0') == std::string_view::npos;
    start = slash + 1;
  }
  if (!ok) throw InternalError(fmt::format("replace_directory_atomically: '{}' is not a relative file path", path));
}

// The file `relative` of the directory `dir`, its subdirectories created.
fs::path prepare_file(const fs::path& dir, const std::string& relative) {
  check_relative(relative);
  const fs::path path = dir / fs::path(relative);
  const fs::path sub = path.parent_path();
  if (sub != dir && !fs::is_directory(sub)) {
    try {
      fs::create_directories(sub);
      fs::permissions(sub, directory_perms());
    } catch (const fs::filesystem_error& e) {
      throw InternalError(fmt::format("cannot create the directory {}: {}", sub.string(), e.code().message()));
    }
  }
  return path;
}

// Puts the complete new directory `fresh` in place of `target` (see the header).
void swap_into_place(const fs::path& fresh, const fs::path& target) {
  std::error_code ec;
  const fs::path parent = parent_of(target);
  if (!fs::exists(fs::symlink_status(target, ec))) {
    if (::rename(fresh.c_str(), target.c_str()) != 0)
      throw InternalError(fmt::format("cannot rename {} to {}: {}", fresh.string(), target.string(), errno_text()));
    fsync_dir(parent);
    return;
  }
  if (::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    fsync_dir(parent);
    fs::remove_all(fresh, ec); // now the previous directory
    return;
  }
  const fs::path old = make_temp_dir(target, "old");
  fs::remove(old, ec); // only its unique name is wanted
  if (::rename(target.c_str(), old.c_str()) != 0)
    throw InternalError(fmt::format("cannot move the previous {} aside: {}", target.string(), errno_text()));
  if (::rename(fresh.c_str(), target.c_str()) != 0) {
    const std::string why = errno_text();
    ::rename(old.c_str(), target.c_str()); // put the previous directory back
    throw InternalError(fmt::format("cannot rename {} to {}: {}", fresh.string(), target.string(), why));
  }
  fsync_dir(parent);
  fs::remove_all(old, ec);
}

} // namespace

AtomicDirectoryWriter::AtomicDirectoryWriter(const fs::path& given) {
  // "site/" names the directory "site". The path is not normalized: "x/.." is the directory above
  // x, which must never be taken for a site; ".", ".." and "/" are refused as they are.
  fs::path target = given;
  while (!target.has_filename() && target.has_relative_path()) target = target.parent_path();
  if (!target.has_filename() || target.filename() == "." || target.filename() == "..")
    throw InputError(fmt::format("cannot replace {}: give the directory's own name", given.string()));
  std::error_code ec;
  if (!fs::is_directory(parent_of(target), ec))
    throw InputError(fmt::format("cannot write {}: the directory {} does not exist", target.string(),
                                 parent_of(target).string()));
  const auto status = fs::symlink_status(target, ec);
  if (fs::is_symlink(status)) throw InputError(fmt::format("cannot replace {}: it is a symbolic link", target.string()));
  if (fs::exists(status) && !fs::is_directory(status))
    throw InputError(fmt::format("cannot replace {}: it is not a directory", target.string()));
  m_target = target;
  m_fresh = make_temp_dir(target, "new");
}

AtomicDirectoryWriter::~AtomicDirectoryWriter() {
  std::error_code ec;
  if (!m_fresh.empty()) fs::remove_all(m_fresh, ec);
}

fs::path AtomicDirectoryWriter::file_path(const std::string& relative) const {
  if (m_fresh.empty()) throw InternalError("AtomicDirectoryWriter: file_path after commit");
  return prepare_file(m_fresh, relative);
}

void AtomicDirectoryWriter::commit() {
  if (m_fresh.empty()) throw InternalError("AtomicDirectoryWriter: committed twice");
  fsync_dir(m_fresh);
  swap_into_place(m_fresh, m_target);
  m_fresh.clear();
}

void replace_directory_atomically(const fs::path& target, const std::vector<DirectoryFile>& files) {
  AtomicDirectoryWriter writer(target);
  for (const auto& file : files) write_file_atomically(writer.file_path(file.path), file.content);
  writer.commit();
}

} // namespace yekuo
