#include <yekuo/util/spool.hpp>

#include <yekuo/util/error.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fmt/format.h>
#include <unistd.h>

namespace yekuo {

namespace {
// Writes to the file go out in pieces of this size (fewer system calls than one per write()).
constexpr std::size_t k_file_buffer = std::size_t{64} << 10;

[[noreturn]] void fail(const char* what) {
  throw InternalError(fmt::format("temporary file: cannot {}: {}", what, std::strerror(errno)));
}
} // namespace

Spool::Spool(std::size_t memory_limit) : m_memory_limit(memory_limit) {}

Spool::~Spool() {
  if (m_file != nullptr) std::fclose(m_file);
}

void Spool::write(std::string_view bytes) {
  m_buffer.append(bytes);
  const bool full = m_file != nullptr ? m_buffer.size() >= k_file_buffer : m_buffer.size() > m_memory_limit && !m_no_file;
  if (full) spill();
}

void Spool::spill() {
  if (m_file == nullptr) {
    m_file = std::tmpfile();
    // Without a temporary file (no writable /tmp) the spool stays in memory: the output is the
    // same, only larger reports need more memory.
    if (m_file == nullptr) {
      m_no_file = true;
      return;
    }
  }
  const int fd = ::fileno(m_file);
  std::size_t done = 0;
  while (done < m_buffer.size()) {
    const ssize_t n = ::pwrite(fd, m_buffer.data() + done, m_buffer.size() - done,
                               static_cast<off_t>(m_file_size + done));
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("write");
    }
    done += static_cast<std::size_t>(n);
  }
  m_file_size += m_buffer.size();
  m_buffer.clear();
  if (m_buffer.capacity() > 2 * k_file_buffer) m_buffer.shrink_to_fit(); // the memory spool's buffer
}

void Spool::read(std::uint64_t offset, std::size_t count, std::string& out) const {
  if (offset + count > size()) throw InternalError("Spool::read past the end");
  out.resize(count);
  std::size_t done = 0;
  if (offset < m_file_size) {
    const std::size_t from_file = static_cast<std::size_t>(std::min<std::uint64_t>(count, m_file_size - offset));
    while (done < from_file) {
      const ssize_t n = ::pread(::fileno(m_file), out.data() + done, from_file - done, static_cast<off_t>(offset + done));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) fail("read");
      done += static_cast<std::size_t>(n);
    }
  }
  if (done < count) {
    const std::size_t at = static_cast<std::size_t>(offset + done - m_file_size);
    std::memcpy(out.data() + done, m_buffer.data() + at, count - done);
  }
}

void Spool::replay(const std::function<void(std::string_view)>& sink) const {
  std::string piece;
  for (std::uint64_t at = 0; at < m_file_size; at += piece.size()) {
    read(at, static_cast<std::size_t>(std::min<std::uint64_t>(k_file_buffer, m_file_size - at)), piece);
    sink(piece);
  }
  if (!m_buffer.empty()) sink(m_buffer);
}

} // namespace yekuo
