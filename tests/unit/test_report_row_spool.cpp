#include "doctest_printers.hpp"

#include <yekuo/report/row_spool.hpp>
#include <yekuo/util/error.hpp>

#include <doctest/doctest.h>
#include <string>
#include <vector>

using namespace yekuo;
using namespace yekuo::report;

namespace {

bool same(const std::vector<Cell>& x, const std::vector<Cell>& y) {
  if (x.size() != y.size()) return false;
  for (std::size_t c = 0; c < x.size(); ++c)
    if (x[c].text != y[c].text || x[c].style != y[c].style || x[c].href != y[c].href || x[c].date != y[c].date ||
        x[c].number != y[c].number || x[c].heat != y[c].heat)
      return false;
  return true;
}

// Row k: a few cells with every field used now and then, some text long enough to pass the file
// buffer between them.
std::vector<Cell> row_number(std::size_t k) {
  std::vector<Cell> row;
  for (std::size_t c = 0; c < 1 + k % 4; ++c) {
    Cell cell{std::string(k % 97 == 0 ? 3000 : 5, static_cast<char>('a' + (k + c) % 26)) + "工程" + std::to_string(k),
              static_cast<Style>((k + c) % 9)};
    if (c == 1) cell.href = "orders/" + std::to_string(k) + ".html";
    if (c == 2) cell.date = calendar::Date::from_days(static_cast<std::int32_t>(14'000 + k));
    if (c == 3) cell.number = -0.5 * static_cast<double>(k);
    if (c == 0 && k % 5 == 0) cell.heat = static_cast<int>(k % 6);
    row.push_back(std::move(cell));
  }
  if (k % 11 == 0) row.clear(); // an empty row is a row too
  return row;
}

} // namespace

TEST_SUITE("report::RowSpool") {
  TEST_CASE("rows come back whole, by group, in the order they were added, from memory or from disk") {
    for (const std::size_t limit : {Spool::k_default_memory_limit, std::size_t{0}}) {
      CAPTURE(limit);
      RowSpool spool(limit);
      CHECK(spool.groups() == 0);
      CHECK(spool.rows(3) == 0);
      constexpr std::size_t k_rows = 2'000;
      std::vector<std::vector<std::size_t>> want(5); // group → row numbers; group 2 stays empty
      for (std::size_t k = 0; k < k_rows; ++k) {
        const std::size_t group = k % 3 == 0 ? 4 : k % 2; // interleaved, the last group first
        spool.add(group, row_number(k));
        want[group].push_back(k);
      }
      CHECK(spool.on_disk() == (limit == 0));
      REQUIRE(spool.groups() == 5);
      for (std::size_t g = 0; g < 5; ++g) {
        CAPTURE(g);
        REQUIRE(spool.rows(g) == want[g].size());
        for (std::size_t i = 0; i < want[g].size(); ++i) CHECK(same(spool.row(g, i), row_number(want[g][i])));
        if (!want[g].empty()) CHECK(same(spool.row(g, 0), row_number(want[g][0]))); // asked again: the same
      }
      CHECK_THROWS_AS((void)spool.row(2, 0), InternalError);
      CHECK_THROWS_AS((void)spool.row(7, 0), InternalError);
    }
  }
}
