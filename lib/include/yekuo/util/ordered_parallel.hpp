#pragma once
// ordered_parallel_map: produce(i) for every i in [0, n) on several threads, and consume(i, result)
// for each result one at a time, in index order, as soon as the results before it are consumed.
// A portfolio report is written while later files are still being read, and only a window of
// finished results waits in memory: memory does not grow with n.
//
// - A worker takes the next index only while it is less than `window` ahead of the next one to
//   be consumed (window >= 1), so at most `window` results are held.
// - consume() runs on whichever worker completes the result it waits for, never two at once.
// - The first exception (from produce or consume) stops the hand-out of work; it is rethrown
//   in the caller once every worker has returned. Results not yet consumed are dropped.
#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

namespace yekuo {

template <class Produce, class Consume>
void ordered_parallel_map(std::size_t n, unsigned threads, std::size_t window, Produce produce, Consume consume) {
  using Result = std::invoke_result_t<Produce&, std::size_t>;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(n, 1)));
  window = std::max<std::size_t>(window, 1);

  std::mutex mutex;
  std::condition_variable room;               // signalled when `consumed` advances or work stops
  std::vector<std::optional<Result>> slots(std::min(window, std::max<std::size_t>(n, 1))); // result i in slot i % size
  const std::size_t ring = slots.size();
  std::size_t next = 0;                       // next index to hand out
  std::size_t consumed = 0;                   // next index to consume
  bool consuming = false;                     // a worker is inside the consume loop
  bool stop = false;
  std::exception_ptr failure;

  auto fail = [&](std::unique_lock<std::mutex>& lock) {
    if (!lock.owns_lock()) lock.lock();
    if (!failure) failure = std::current_exception();
    stop = true;
    room.notify_all();
  };

  auto work = [&] {
    for (;;) {
      std::size_t i = 0;
      {
        std::unique_lock lock(mutex);
        room.wait(lock, [&] { return stop || next >= n || next < consumed + ring; });
        if (stop || next >= n) return;
        i = next++;
      }
      std::optional<Result> result;
      try {
        result.emplace(produce(i));
      } catch (...) {
        std::unique_lock lock(mutex, std::defer_lock);
        fail(lock);
        return;
      }
      std::unique_lock lock(mutex);
      slots[i % ring] = std::move(result);
      if (consuming) continue; // the worker consuming now will reach this result
      consuming = true;
      while (!stop && consumed < n && slots[consumed % ring]) {
        Result ready = std::move(*slots[consumed % ring]);
        slots[consumed % ring].reset();
        const std::size_t k = consumed;
        lock.unlock();
        try {
          consume(k, std::move(ready));
        } catch (...) {
          fail(lock);
          consuming = false;
          return;
        }
        lock.lock();
        ++consumed;
        room.notify_all();
      }
      consuming = false;
    }
  };

  std::vector<std::thread> pool;
  try {
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  } catch (...) {
    // Could not start more threads: the ones running and this one do the work.
  }
  work();
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

} // namespace yekuo
