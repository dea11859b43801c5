// allocation-profile.json: the record's raw samples with, beside them, the
// summaries and analysis the text report prints (derived, for readers that
// do not want to recompute them). Layout:
//   { schema_version, kind, context (environment_to_json),
//     workloads: [ { name, shape {m,k,n | batch,hidden}, warmup, iterations,
//                    runs: [ { pool "on"|"off", samples: [ {total_ns, alloc_bytes, alloc_count,
//                              peak_live_bytes, minor_faults, major_faults, pool {…counters}} ],
//                              summary {…} } ],
//                    analysis { expected_bytes_per_iteration, expected_total_bytes,
//                               measured_reduction_percent, formula_reduction_percent,
//                               verdict, verdict_basis } } ] }
#include <nlohmann/json.hpp>

#include "report/analysis/alloc_analysis.hpp"
#include "report/formats/alloc_json.hpp"
#include "report/formats/environment_json.hpp"

namespace smp::report {
namespace {

using nlohmann::json;

json summary_json(const Summary& summary) {
  return {{"median", summary.median}, {"mad", summary.mad}, {"min", summary.min}, {"max", summary.max}};
}

json sample_json(const AllocSample& sample) {
  const model::PoolCounters& pool = sample.pool;
  return {{"total_ns", sample.total_ns},
          {"alloc_bytes", sample.alloc_bytes},
          {"alloc_count", sample.alloc_count},
          {"peak_live_bytes", sample.peak_live_bytes},
          {"minor_faults", sample.minor_faults},
          {"major_faults", sample.major_faults},
          {"pool",
           {{"rents", pool.rents},
            {"returns", pool.returns},
            {"hits", pool.hits},
            {"misses", pool.misses},
            {"bytes_from_pool", pool.bytes_from_pool},
            {"bytes_allocated", pool.bytes_allocated}}}};
}

json run_json(const AllocWorkloadRecord& workload, const AllocRun& run) {
  json samples = json::array();
  for (const AllocSample& sample : run.samples) samples.push_back(sample_json(sample));
  const double iterations = workload.iterations;
  json summary = {
      {"total_ms", summary_json(total_ms(run))},
      {"ms_per_iteration", summary_json(ms_per_iteration(run, workload.iterations))},
      {"alloc_bytes_per_iteration",
       summarise_run(run, [](const AllocSample& s) { return s.alloc_bytes; }).median / iterations},
      {"alloc_count_per_iteration",
       summarise_run(run, [](const AllocSample& s) { return s.alloc_count; }).median / iterations}};
  if (workload.workload == AllocWorkload::training) {
    summary["samples_per_second"] = samples_per_second(run, workload.iterations, workload.batch);
  }
  return {{"pool", run.pool_enabled ? "on" : "off"}, {"samples", std::move(samples)}, {"summary", std::move(summary)}};
}

json optional_json(const std::optional<double>& value) { return value ? json(*value) : json(nullptr); }

json analysis_json(const AllocWorkloadRecord& workload) {
  const AllocAnalysis analysis = analyse_allocations(workload);
  json verdict = nullptr;
  if (analysis.verdict) {
    switch (*analysis.verdict) {
      case AllocVerdict::excellent: verdict = "excellent"; break;
      case AllocVerdict::good: verdict = "good"; break;
      case AllocVerdict::lower_than_expected: verdict = "lower_than_expected"; break;
    }
  }
  json basis = nullptr;
  if (analysis.verdict) basis = analysis.verdict_from_measured ? "measured" : "smallmind_formula";
  return {{"expected_bytes_per_iteration", analysis.expected_bytes_per_iteration},
          {"expected_total_bytes", analysis.expected_total_bytes},
          {"measured_reduction_percent", optional_json(analysis.measured_reduction_percent)},
          {"formula_reduction_percent", optional_json(analysis.formula_reduction_percent)},
          {"verdict", std::move(verdict)},
          {"verdict_basis", std::move(basis)}};
}

json workload_json(const AllocWorkloadRecord& workload) {
  json shape = workload.workload == AllocWorkload::matmul_backward
                   ? json{{"m", workload.m}, {"k", workload.k}, {"n", workload.n}}
                   : json{{"batch", workload.batch}, {"hidden", workload.hidden}};
  json runs = json::array();
  for (const AllocRun& run : workload.runs) runs.push_back(run_json(workload, run));
  return {{"name", alloc_workload_key(workload.workload)},
          {"shape", std::move(shape)},
          {"warmup", workload.warmup},
          {"iterations", workload.iterations},
          {"runs", std::move(runs)},
          {"analysis", analysis_json(workload)}};
}

}  // namespace

std::string alloc_to_json(const AllocationRecord& record) {
  json workloads = json::array();
  for (const AllocWorkloadRecord& workload : record.workloads) workloads.push_back(workload_json(workload));
  const json document = {{"schema_version", kAllocSchemaVersion},
                         {"kind", kAllocKind},
                         {"context", environment_to_json(record.context)},
                         {"workloads", std::move(workloads)}};
  return document.dump(2) + "\n";
}

}  // namespace smp::report
