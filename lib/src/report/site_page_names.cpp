// The file names of the order pages of the site (report/site.hpp): safe on every file system and
// web server whatever the order id holds.
#include <yekuo/report/site.hpp>
#include <yekuo/util/name_hash.hpp>

#include <fmt/format.h>
#include <set>

namespace yekuo::report {

namespace {

constexpr std::size_t k_max_stem = 64;

} // namespace

std::string order_page_stem(std::string_view id) {
  std::string stem;
  bool lossy = false;
  for (char c : id) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || c == '_' || c == '-') {
      stem += c;
    } else if (u >= 'A' && u <= 'Z') {
      stem += static_cast<char>(u - 'A' + 'a');
    } else {
      lossy = true;
      if (!stem.empty() && stem.back() != '-') stem += '-';
    }
  }
  while (!stem.empty() && (stem.back() == '-' || stem.back() == '_')) {
    stem.pop_back();
    lossy = true;
  }
  std::size_t lead = 0;
  while (lead < stem.size() && (stem[lead] == '-' || stem[lead] == '_')) ++lead;
  if (lead > 0) {
    stem.erase(0, lead);
    lossy = true;
  }
  if (stem.size() > k_max_stem) {
    stem.resize(k_max_stem);
    lossy = true;
  }
  if (stem.empty()) {
    stem = "order";
    lossy = true;
  }
  if (lossy) stem += fmt::format("-{:08x}", name_hash(id));
  return stem;
}

std::vector<std::string> order_page_stems(const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  std::set<std::string> used;
  for (const auto& id : ids) {
    const std::string base = order_page_stem(id);
    std::string stem = base;
    for (int n = 2; used.count(stem) > 0; ++n) stem = fmt::format("{}-{}", base, n);
    used.insert(stem);
    out.push_back(std::move(stem));
  }
  return out;
}

} // namespace yekuo::report
