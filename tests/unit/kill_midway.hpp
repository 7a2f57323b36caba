#pragma once
// What the crash-safety tests of the atomic writers share: run a writer in a child process and
// SIGKILL it as soon as it is half-way (a condition the test watches on disk), then see what a
// reader finds. Used by test_util_atomic_file.cpp and test_util_atomic_directory.cpp.
#include <cerrno>
#include <chrono>
#include <csignal>
#include <functional>
#include <stdexcept>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace yekuo::test {

inline int wait_for(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  return status;
}

// Runs `write` in a child process and kills it once `halfway()` holds (polled), or after 20 s.
// Returns true when it was killed half-way, false when it finished first or never got there.
inline bool kill_midway(const std::function<void()>& write, const std::function<bool()>& halfway) {
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    try {
      write();
    } catch (...) {
    }
    ::_exit(0);
  }
  const auto start = std::chrono::steady_clock::now();
  for (;;) {
    if (halfway()) {
      ::kill(pid, SIGKILL);
      (void)wait_for(pid);
      return true;
    }
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) return false; // finished before it could be killed
    if (std::chrono::steady_clock::now() - start > std::chrono::seconds(20)) {
      ::kill(pid, SIGKILL);
      (void)wait_for(pid);
      return false;
    }
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
}

} // namespace yekuo::test
