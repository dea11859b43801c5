// The allocation profile's results table: one row per workload and pool mode.
#include <fmt/format.h>

#include "report/analysis/alloc_analysis.hpp"
#include "report/formats/results_table.hpp"
#include "report/formats/table_cells.hpp"

namespace smp::report {
namespace {

std::string workload_text(const AllocWorkloadRecord& workload) {
  if (workload.workload == AllocWorkload::matmul_backward) {
    return fmt::format("MatMul backward {}x{} @ {}x{}", workload.m, workload.k, workload.k, workload.n);
  }
  return fmt::format("Training step {}x{}", workload.batch, workload.hidden);
}

std::vector<Cell> run_row(const AllocWorkloadRecord& workload, const AllocRun& run) {
  const double iterations = workload.iterations;
  const Summary time = ms_per_iteration(run, workload.iterations);
  const double bytes = summarise_run(run, [](const AllocSample& s) { return s.alloc_bytes; }).median / iterations;
  const double count = summarise_run(run, [](const AllocSample& s) { return s.alloc_count; }).median / iterations;
  const double peak = summarise_run(run, [](const AllocSample& s) { return s.peak_live_bytes; }).median;
  const std::string pool = run.pool_enabled ? "on" : "off";
  return {{workload_text(workload), std::string(alloc_workload_key(workload.workload))},
          {pool, pool},
          duration_cell(time.median),
          duration_cell(time.mad),
          {bytes_text(bytes), exact_number(bytes)},
          {fmt::format("{:.2f}", count), exact_number(count)},
          {bytes_text(peak), exact_number(peak)}};
}

}  // namespace

ResultsTable alloc_table(const AllocationRecord& record) {
  ResultsTable table;
  table.title = "Allocations";
  table.columns = {{"Workload", "workload", Align::left}, {"Pool", "pool", Align::left},
                   {"Time/iter", "median_ns_per_iteration"}, {"± MAD", "mad_ns_per_iteration"},
                   {"Heap/iter", "heap_bytes_per_iteration"}, {"Allocs/iter", "allocations_per_iteration"},
                   {"Peak live", "peak_live_bytes"}};
  for (const AllocWorkloadRecord& workload : record.workloads) {
    for (const AllocRun& run : workload.runs) table.rows.push_back(run_row(workload, run));
  }
  table.notes.push_back(fmt::format(
      "Median and MAD (median absolute deviation, unscaled) over {} repetition(s) of each measured loop; heap bytes "
      "and allocations are exact (operator new), per iteration (training: per step).",
      record.context.settings.repetitions));
  return table;
}

}  // namespace smp::report
