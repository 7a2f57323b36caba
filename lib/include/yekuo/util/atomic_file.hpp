#pragma once
// Every file the tool writes goes through here: write a temporary file in the same
// directory, fsync it, rename it over the target, fsync the directory. A crash or a full
// disk leaves the previous file intact.
#include <filesystem>
#include <string>
#include <string_view>

namespace yekuo {

// Throws InputError when the directory does not exist or is not writable, InternalError on
// an I/O failure in the middle (the temporary file is removed, the target is untouched).
void write_file_atomically(const std::filesystem::path& target, std::string_view content);

// The same for a file that must not exist yet: returns false, writing nothing, when `target`
// exists (even when it appears between a check and the write: the rename itself refuses).
[[nodiscard]] bool write_new_file_atomically(const std::filesystem::path& target, std::string_view content);

// Rewrites a file the user keeps (an order edited by `yekuo record`) the same way, keeping its
// permission bits and, where allowed, its group. A symbolic link is followed: the file it names is
// replaced, the link stays. Refuses (InputError) a file or directory that is read-only — for this
// user, or for everyone (no write bit at all, which root would otherwise override) — because a rename
// would replace a read-only file behind its owner's back.
void replace_file_atomically(const std::filesystem::path& target, std::string_view content);

// The same, for content produced piece by piece (a report streamed as it is computed):
// write() appends to the temporary file, commit() renames it over the target. Destroyed
// without commit() (an exception, an error found half-way), it removes the temporary file
// and the target keeps its previous content. Errors are thrown as by write_file_atomically.
class AtomicFileWriter {
public:
  explicit AtomicFileWriter(std::filesystem::path target);
  // The same, the new file getting `mode` (permission bits) and, when allowed, group `gid`.
  AtomicFileWriter(std::filesystem::path target, unsigned mode, unsigned gid);
  AtomicFileWriter(const AtomicFileWriter&) = delete;
  AtomicFileWriter& operator=(const AtomicFileWriter&) = delete;
  ~AtomicFileWriter();

  void write(std::string_view content);
  // The temporary file's path, for a library that writes the file itself by its name (SQLite for
  // `yekuo export`); it must have closed the file before commit(), which syncs and renames it.
  [[nodiscard]] const std::string& temp_path() const { return m_tmp; }
  void commit();
  // commit() unless the target exists: then the temporary file is removed and false returned.
  [[nodiscard]] bool commit_new();

private:
  void open(); // creates the temporary file
  void fail(const std::string& what); // closes, removes the temporary file, throws InternalError
  void flush_and_close();
  void sync_directory() const;

  std::filesystem::path m_target;
  std::filesystem::path m_dir;
  std::string m_tmp;
  int m_fd = -1;
};

} // namespace yekuo
