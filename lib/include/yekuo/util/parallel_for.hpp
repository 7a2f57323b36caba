#pragma once
// Runs body(i) for every i in [0, n) on all cores: workers take the next index from a shared
// counter, so uneven items balance out; callers store results by index, which keeps their
// output order deterministic. `body` must not throw.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace yekuo {

template <class Body> void parallel_for(std::size_t n, Body body) {
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < n; i = next++) body(i);
  };
  const std::size_t workers = std::min<std::size_t>(n, std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> threads;
  try {
    for (std::size_t t = 1; t < workers; ++t) threads.emplace_back(work);
  } catch (...) {
    // Could not start more threads: the ones running and this one finish the work.
  }
  work();
  for (auto& t : threads) t.join();
}

} // namespace yekuo
