#include "report/results_dir/time_share_chart.hpp"

#include <algorithm>
#include <iterator>

#include <fmt/format.h>

#include "report/analysis/time_share.hpp"
#include "report/formats/scaled_units.hpp"

namespace smp::report {
namespace {

constexpr const char* kShareColour = "#1565c0";
constexpr const char* kOtherColour = "#9e9e9e";

std::string share_text(double percent, double time_ms) {
  return fmt::format("{:.1f}% · {}", percent, duration_text(time_ms));
}

}  // namespace

std::optional<BarChart> time_share_chart(const ProfileRecord& profile) {
  const TimeShares shares = top_level_time_shares(profile);
  if (shares.scopes.size() < 2) return std::nullopt;
  const auto small = std::find_if(shares.scopes.begin(), shares.scopes.end(),
                                  [](const TimeShare& share) { return share.percent < kOtherSharePercent; });
  const bool group = std::distance(small, shares.scopes.end()) >= 2;
  BarChart chart;
  chart.title = "Where the time goes: each top-level scope's share";
  chart.axis_label = fmt::format("% of {}, the sum of the {} top-level scopes' median times per repetition",
                                 duration_text(shares.total_ms), shares.scopes.size());
  for (auto share = shares.scopes.begin(); share != (group ? small : shares.scopes.end()); ++share) {
    chart.bars.push_back({share->name, share->percent, share_text(share->percent, share->time_ms), kShareColour});
  }
  if (group) {
    double percent = 0.0, time_ms = 0.0;
    for (auto share = small; share != shares.scopes.end(); ++share) {
      percent += share->percent;
      time_ms += share->time_ms;
    }
    chart.bars.push_back({fmt::format("other ({} scopes, each below {:g}%)", std::distance(small, shares.scopes.end()),
                                      kOtherSharePercent),
                          percent, share_text(percent, time_ms), kOtherColour});
  }
  return chart;
}

}  // namespace smp::report
