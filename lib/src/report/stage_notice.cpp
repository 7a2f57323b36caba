#include <yekuo/report/stage_notice.hpp>

namespace yekuo::report {

StageNotice make_notice(const track::ProjectEvaluation& project, const track::StageEvaluation& stage) {
  return StageNotice{project.id,        project.name,          project.file,
                     project.customer_manager, stage.id,       stage.name,
                     stage.dept,        stage.customer,        stage.state.deadline,
                     stage.state.effective_deadline, stage.state.status, stage.state.days_late,
                     stage.calendar_days, stage.blocks, stage.blocks_names, stage.owner,
                     stage.escalation_level, stage.unresolved_coordinations, stage.overdue_working_days};
}

} // namespace yekuo::report
