#include "app/jobs/design_power.hpp"

#include <string_view>

#include <spdlog/spdlog.h>

#include "report/analysis/t_test.hpp"

namespace smp::app {

void say_design_power(report::ReplicationDesign design, std::size_t units, std::size_t scopes, double alpha) {
  const std::string_view unit = design == report::ReplicationDesign::paired_rounds ? "rounds" : "processes";
  if (units < 2) {
    spdlog::warn("one process a side: a comparison of these results cannot test time, only describe it "
                 "(2 or more processes make the process the unit the gate tests)");
    return;
  }
  const double needed_t = report::critical_t(alpha, scopes, report::planning_df(design, units));
  if (needed_t <= kReachableT) {
    spdlog::info("design: {} {} a side; under Holm across up to {} scopes at alpha {:g} a change is significant "
                 "beyond {:.1f} standard errors", units, unit, scopes, alpha, needed_t);
    return;
  }
  std::size_t enough = units;
  while (report::critical_t(alpha, scopes, report::planning_df(design, enough)) > kReachableT) ++enough;
  spdlog::warn("design: {} {} a side can hardly reach significance under Holm across up to {} scopes at alpha {:g} "
               "(a change must exceed {:.0f} standard errors); {} or more would", units, unit, scopes, alpha,
               needed_t, enough);
}

}  // namespace smp::app
