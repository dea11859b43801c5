#pragma once
// A confidence interval, as comparisons carry it.
namespace smp::report {

struct Interval {
  double low = 0.0;
  double high = 0.0;
};

}  // namespace smp::report
