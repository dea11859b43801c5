#include "app/jobs/design_power.hpp"

#include <string_view>

#include <spdlog/spdlog.h>

#include "report/analysis/t_test.hpp"

namespace smp::app {
namespace {

double degrees_of_freedom(ReplicationDesign design, std::size_t units) {
  const double n = static_cast<double>(units);
  return design == ReplicationDesign::paired_rounds ? n - 1.0 : 2.0 * n - 2.0;
}

}  // namespace

void say_design_power(ReplicationDesign design, std::size_t units, std::size_t scopes, double alpha) {
  const std::string_view unit = design == ReplicationDesign::paired_rounds ? "rounds" : "processes";
  if (units < 2) {
    spdlog::warn("one process a side: a comparison of these results cannot test time, only describe it "
                 "(2 or more processes make the process the unit the gate tests)");
    return;
  }
  const double needed_t = report::critical_t(alpha, scopes, degrees_of_freedom(design, units));
  if (needed_t <= kReachableT) {
    spdlog::info("design: {} {} a side; under Holm across up to {} scopes at alpha {:g} a change is significant "
                 "beyond {:.1f} standard errors", units, unit, scopes, alpha, needed_t);
    return;
  }
  std::size_t enough = units;
  while (report::critical_t(alpha, scopes, degrees_of_freedom(design, enough)) > kReachableT) ++enough;
  spdlog::warn("design: {} {} a side can hardly reach significance under Holm across up to {} scopes at alpha {:g} "
               "(a change must exceed {:.0f} standard errors); {} or more would", units, unit, scopes, alpha,
               needed_t, enough);
}

}  // namespace smp::app
