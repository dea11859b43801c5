#include "report/analysis/finite_figures.hpp"

#include <cmath>
#include <optional>
#include <string>
#include <string_view>

#include "report/common/errors.hpp"

namespace smp::report {
namespace {

enum class Source { previous, current, both };

class FiniteCheck {
 public:
  FiniteCheck(const ProfileRecord& previous, const ProfileRecord& current) : previous_(previous), current_(current) {}

  // `scope` is empty for a figure of the whole comparison.
  void operator()(double value, Source from, std::string_view scope, std::string_view figure) const {
    if (std::isfinite(value)) return;
    std::string what = scope.empty() ? std::string(figure) : "`" + std::string(scope) + "`'s " + std::string(figure);
    switch (from) {
      case Source::previous:
        throw InputError(previous_.source, what + " is not a finite number: the report's figures are out of scale");
      case Source::current:
        throw InputError(current_.source, what + " is not a finite number: the report's figures are out of scale");
      case Source::both: break;
    }
    throw InputError(current_.source, what + " against " + previous_.source.string() +
                                          " is not a finite number: the two reports' figures are out of scale");
  }

  void operator()(const std::optional<double>& value, Source from, std::string_view scope,
                  std::string_view figure) const {
    if (value) (*this)(*value, from, scope, figure);
  }

 private:
  const ProfileRecord& previous_;
  const ProfileRecord& current_;
};

void check_total(const FiniteCheck& check, const TotalChange& total, std::string_view figure) {
  check(total.previous, Source::previous, {}, figure);
  check(total.current, Source::current, {}, figure);
  check(total.delta, Source::both, {}, std::string(figure) + " change");
  check(total.change_pct, Source::both, {}, std::string(figure) + " change");
}

void check_scope(const FiniteCheck& check, const ScopeComparison& scope) {
  check(scope.previous_ms, Source::previous, scope.name, "time");
  check(scope.current_ms, Source::current, scope.name, "time");
  check(scope.delta_ms, Source::both, scope.name, "time change");
  check(scope.change_pct, Source::both, scope.name, "time change");
  check(scope.previous_alloc_mb, Source::previous, scope.name, "allocation");
  check(scope.current_alloc_mb, Source::current, scope.name, "allocation");
}

void check_throughput(const FiniteCheck& check, const ScopeComparison& model, const ModelThroughput& throughput) {
  check(throughput.tokens_per_second, Source::current, model.name, "tokens per second");
  check(throughput.latency_ms, Source::current, model.name, "latency per token");
  check(throughput.memory_mb, Source::current, model.name, "memory per token");
}

void check_smallmind(const FiniteCheck& check, const SmallMindComparison& smallmind) {
  check_total(check, smallmind.runtime_ms, "total runtime");
  check_total(check, smallmind.alloc_mb, "total allocations");
  for (const ScopeComparison& scope : smallmind.scopes) check_scope(check, scope);
  if (smallmind.models) {
    check(smallmind.models->time_ratio, Source::current, {}, "Medium/Small time ratio");
    check(smallmind.models->efficiency, Source::current, {}, "computational efficiency");
    check_throughput(check, smallmind.models->small, smallmind.models->small_throughput);
    check_throughput(check, smallmind.models->medium, smallmind.models->medium_throughput);
  }
  for (const SimdRow& row : smallmind.simd) check(row.gflops_per_call, Source::current, row.method.name, "GFLOPS");
}

void check_interval(const FiniteCheck& check, const std::optional<Interval>& interval, std::string_view scope,
                    std::string_view figure) {
  if (!interval) return;
  check(interval->low, Source::both, scope, figure);
  check(interval->high, Source::both, scope, figure);
}

void check_gate(const FiniteCheck& check, const GateResult& gate) {
  for (const ScopeStatistics& stats : gate.scopes) {
    check(stats.previous_median_ms, Source::previous, stats.name, "median time");
    check(stats.current_median_ms, Source::current, stats.name, "median time");
    check(stats.ratio, Source::both, stats.name, "time ratio");
    check_interval(check, stats.ratio_interval, stats.name, "ratio interval");
    check(stats.detectable_ratio, Source::both, stats.name, "detectable change");
  }
  check(gate.detectable_pct, Source::both, {}, "detectable change");
  if (gate.overall) {
    check(gate.overall->ratio, Source::both, {}, "overall ratio");
    check_interval(check, gate.overall->interval, {}, "overall interval");
  }
  for (const AllocationChange& change : gate.allocations) {
    check(change.previous_mb, Source::previous, change.name, "allocation");
    check(change.current_mb, Source::current, change.name, "allocation");
    check(change.size_change_pct, Source::both, change.name, "allocation change");
    check(change.count_change_pct, Source::both, change.name, "allocation count change");
  }
}

}  // namespace

void check_finite_figures(const ComparisonRecord& record, const ProfileRecord& previous, const ProfileRecord& current) {
  const FiniteCheck check(previous, current);
  check_smallmind(check, record.smallmind);
  check_gate(check, record.gate);
}

}  // namespace smp::report
