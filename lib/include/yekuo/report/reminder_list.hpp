#pragma once
// What the daily reminder list (催办) shows, collected from the results as they come (input
// order): the due_soon and overdue stages of the active orders by department (kept in a
// NoticeSpool), the follow-ups due, the provisional years of the listed orders and the bad
// files. Memory follows the departments and the bad files, not the number of reminders.
#include <yekuo/report/notice_spool.hpp>
#include <yekuo/report/stage_notice.hpp>
#include <yekuo/track/evaluate.hpp>
#include <yekuo/util/diagnostic.hpp>

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace yekuo::report {

class ReminderList {
public:
  struct Group {
    std::string dept;
    bool customer = false;          // the customer's own stages
    std::vector<std::size_t> items; // overdue first, most days late first; ties in file order
    bool owners = false;            // an item names its responsible person
  };
  // An energized order's revisit or inspection due on the next working day or overdue.
  struct FollowUpItem {
    std::string project; // id
    std::string project_name;
    std::string file;
    std::string customer_manager;
    track::FollowUp follow_up;
  };

  explicit ReminderList(calendar::Date as_of, std::size_t memory_limit = Spool::k_default_memory_limit);

  void add(const track::FileResult& file); // in input order

  [[nodiscard]] calendar::Date as_of() const { return m_as_of; }
  // In the department order of track::reminders() (the summary's, customer last).
  [[nodiscard]] std::vector<Group> groups() const;
  [[nodiscard]] StageNotice operator[](std::size_t index) const { return m_notices[index]; }
  [[nodiscard]] const std::vector<FollowUpItem>& follow_ups() const { return m_follow_ups; } // file order
  // Years without official holiday data that the listed orders' plans touch, in order.
  [[nodiscard]] const std::vector<int>& provisional_years() const { return m_years; }
  [[nodiscard]] int bad_files() const { return m_bad; }
  // Every error of every file, with the file it came with.
  [[nodiscard]] const std::vector<std::pair<std::string, Diagnostic>>& errors() const { return m_errors; }

private:
  struct Key {
    std::size_t group = 0;
    int days_late = 0;
  };
  struct GroupKey {
    bool customer = false;
    std::string dept;
    bool owners = false;
  };

  calendar::Date m_as_of;
  NoticeSpool m_notices;
  std::vector<Key> m_keys;          // same indices as m_notices
  std::vector<GroupKey> m_groups;   // in order of first appearance
  std::vector<FollowUpItem> m_follow_ups;
  std::vector<int> m_years;         // sorted, no duplicates
  int m_bad = 0;
  std::vector<std::pair<std::string, Diagnostic>> m_errors;
};

} // namespace yekuo::report
