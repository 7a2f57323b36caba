#pragma once
// A whole directory replaced in one step (the published site, docs/publishing.md): the new content
// is written into a fresh directory next to the target, then swapped into place, so a reader (a
// web server) sees either the previous directory or the complete new one, never a mixture, and a
// failure half-way leaves the previous directory as it was. The directory-sized sibling of
// atomic_file.hpp.
#include <filesystem>
#include <string>
#include <vector>

namespace yekuo {

struct DirectoryFile {
  std::string path;    // relative to the directory, '/'-separated, e.g. "orders/a.html"
  std::string content;
};

// Puts a directory holding exactly `files` in place of `target` (created when missing, replaced
// as a whole when it exists: files not in `files` are gone afterwards). Every file and
// subdirectory is created readable as the umask allows (a web server runs as another user).
//
// The new directory is built as `.NAME.new-XXXXXX` beside `target` (same file system), each file
// written with write_file_atomically, then exchanged with the previous one in one step
// (renameat2 RENAME_EXCHANGE) and the previous one deleted. Where the file system cannot
// exchange, the previous directory is renamed aside (`.NAME.old-XXXXXX`), the new one renamed
// in (on failure the previous one is renamed back) and the previous one deleted: a moment
// without `target`, never a mixed one.
//
// Checks nothing about what `target` holds: the caller decides whether it may be deleted (publish
// replaces only a directory it wrote itself). Throws InputError when `target` names no directory
// of its own ("/", or a last part "." or "..": the path is never normalized into the directory
// above), when its parent does not exist or cannot be written, or when it is a symbolic link or
// not a directory; InternalError when a path in `files` is not a plain relative path inside the
// directory, or on an I/O failure. On any error the temporary directory is removed and `target`
// is untouched.
void replace_directory_atomically(const std::filesystem::path& target, const std::vector<DirectoryFile>& files);

// The same for content written piece by piece (an export streamed as its rows arrive): the
// constructor checks `target` and creates the temporary directory, the caller writes its files at
// file_path(), commit() swaps the directory in. Destroyed without commit() (an error half-way),
// it removes the temporary directory and `target` is untouched. Errors are thrown as above.
class AtomicDirectoryWriter {
public:
  explicit AtomicDirectoryWriter(const std::filesystem::path& target);
  AtomicDirectoryWriter(const AtomicDirectoryWriter&) = delete;
  AtomicDirectoryWriter& operator=(const AtomicDirectoryWriter&) = delete;
  ~AtomicDirectoryWriter();

  // Where the file `relative` ('/'-separated, checked as above) of the new directory is written;
  // its subdirectories are created. The caller writes and closes it before commit().
  [[nodiscard]] std::filesystem::path file_path(const std::string& relative) const;
  void commit();

private:
  std::filesystem::path m_target;
  std::filesystem::path m_fresh; // empty once committed
};

} // namespace yekuo
