#include <yekuo/model/baseline.hpp>

namespace yekuo::model {

std::size_t BaselineRevision::find_stage(std::string_view id) const {
  for (std::size_t i = 0; i < stages.size(); ++i)
    if (stages[i].id == id) return i;
  return k_no_index;
}

} // namespace yekuo::model
