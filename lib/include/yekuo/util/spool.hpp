#pragma once
// Bytes set aside to be read back later: a report streams its body before it knows the lines
// above it (how many files were bad), or collects a list it can sort only at the end (every
// overdue stage of a province). A small spool stays in memory; past its memory limit it moves to
// an unlinked temporary file (std::tmpfile), so memory does not grow with the report.
#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

namespace yekuo {

class Spool {
public:
  static constexpr std::size_t k_default_memory_limit = std::size_t{1} << 20;

  explicit Spool(std::size_t memory_limit = k_default_memory_limit);
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;
  ~Spool();

  // Appends at offset size(). Throws InternalError when the temporary file cannot be written.
  void write(std::string_view bytes);
  [[nodiscard]] std::uint64_t size() const { return m_file_size + m_buffer.size(); }
  // Replaces `out` with the `count` bytes written at `offset` (offset + count <= size()).
  void read(std::uint64_t offset, std::size_t count, std::string& out) const;
  // Everything written, in order, in pieces.
  void replay(const std::function<void(std::string_view)>& sink) const;
  // Whether the bytes went to a temporary file (for tests).
  [[nodiscard]] bool on_disk() const { return m_file != nullptr; }

private:
  void spill();

  std::size_t m_memory_limit;
  std::FILE* m_file = nullptr;     // the temporary file, once the limit is passed
  std::uint64_t m_file_size = 0;   // bytes in the file
  std::string m_buffer;            // the bytes after them (all of them while in memory)
  bool m_no_file = false;          // no temporary file could be made: stay in memory
};

} // namespace yekuo
