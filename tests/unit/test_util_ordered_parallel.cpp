// ordered_parallel_map: results consumed in index order, one at a time, with a bounded window.
#include <yekuo/util/ordered_parallel.hpp>

#include <atomic>
#include <chrono>
#include <doctest/doctest.h>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using yekuo::ordered_parallel_map;

namespace {
// Uneven work so that later indices often finish before earlier ones.
void jitter(std::size_t i) { std::this_thread::sleep_for(std::chrono::microseconds((i * 7919) % 13 * 50)); }
} // namespace

TEST_SUITE("util::ordered_parallel_map") {

TEST_CASE("every result is consumed once, in index order, never two at a time, within the window") {
  for (const unsigned threads : {1u, 2u, 4u, 8u})
    for (const std::size_t window : {std::size_t{1}, std::size_t{3}, std::size_t{64}}) {
      CAPTURE(threads);
      CAPTURE(window);
      const std::size_t n = 200;
      std::vector<std::size_t> order;
      std::atomic<int> inside{0};
      std::atomic<std::size_t> consumed{0};
      std::atomic<bool> window_exceeded{false};
      ordered_parallel_map(
          n, threads, window,
          [&](std::size_t i) {
            if (i >= consumed.load() + window) window_exceeded = true;
            jitter(i);
            return std::to_string(i * i);
          },
          [&](std::size_t i, std::string&& r) {
            CHECK(++inside == 1);
            CHECK(r == std::to_string(i * i));
            order.push_back(i);
            jitter(i + 1);
            --inside;
            ++consumed;
          });
      REQUIRE(order.size() == n);
      for (std::size_t k = 0; k < n; ++k) CHECK(order[k] == k);
      CHECK_FALSE(window_exceeded.load());
    }
}

TEST_CASE("no items: nothing is called") {
  int calls = 0;
  ordered_parallel_map(
      0, 4, 8, [&](std::size_t) { return ++calls; }, [&](std::size_t, int) { ++calls; });
  CHECK(calls == 0);
}

TEST_CASE("an exception in produce stops the work and reaches the caller; what was consumed is a prefix") {
  std::vector<std::size_t> order;
  CHECK_THROWS_WITH_AS(ordered_parallel_map(
                           1000, 4, 16,
                           [](std::size_t i) {
                             if (i == 37) throw std::runtime_error("bad item 37");
                             jitter(i);
                             return i;
                           },
                           [&](std::size_t i, std::size_t r) {
                             CHECK(i == r);
                             order.push_back(i);
                           }),
                       "bad item 37", std::runtime_error);
  CHECK(order.size() <= 37);
  for (std::size_t k = 0; k < order.size(); ++k) CHECK(order[k] == k);
}

TEST_CASE("an exception in consume stops the work and reaches the caller") {
  std::atomic<std::size_t> produced{0};
  CHECK_THROWS_WITH_AS(ordered_parallel_map(
                           100000, 4, 8,
                           [&](std::size_t i) {
                             ++produced;
                             return i;
                           },
                           [](std::size_t i, std::size_t) {
                             if (i == 5) throw std::logic_error("consumer failed");
                           }),
                       "consumer failed", std::logic_error);
  CHECK(produced.load() < 100000); // the hand-out stopped early
}

} // TEST_SUITE
