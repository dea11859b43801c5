// Reads allocation-profile.json back into an AllocationRecord. Only the raw
// samples and the run's settings are read; summaries and the analysis are
// derived from them, so a reader recomputes rather than trusts them.
#include <cstdint>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/formats/alloc_json.hpp"
#include "report/formats/environment_json.hpp"
#include "report/io/json_field_reader.hpp"
#include "report/io/json_input.hpp"

namespace smp::report {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

constexpr std::string_view kDocument = "allocation JSON";

model::PoolCounters pool_from_json(const FieldReader& object) {
  model::PoolCounters pool;
  pool.rents = object.integer<std::uint64_t>("rents", 0);
  pool.returns = object.integer<std::uint64_t>("returns", 0);
  pool.hits = object.integer<std::uint64_t>("hits", 0);
  pool.misses = object.integer<std::uint64_t>("misses", 0);
  pool.bytes_from_pool = object.integer<std::uint64_t>("bytes_from_pool", 0);
  pool.bytes_allocated = object.integer<std::uint64_t>("bytes_allocated", 0);
  return pool;
}

AllocSample sample_from_json(const FieldReader& object) {
  AllocSample sample;
  sample.total_ns = object.integer<std::int64_t>("total_ns", 0);
  sample.alloc_bytes = object.integer<std::uint64_t>("alloc_bytes", 0);
  sample.alloc_count = object.integer<std::uint64_t>("alloc_count", 0);
  sample.peak_live_bytes = object.integer<std::int64_t>("peak_live_bytes", 0);
  sample.minor_faults = object.integer<std::int64_t>("minor_faults", 0);
  sample.major_faults = object.integer<std::int64_t>("major_faults", 0);
  sample.pool = pool_from_json(object.object("pool"));
  return sample;
}

AllocRun run_from_json(const FieldReader& object) {
  AllocRun run;
  const std::string pool = object.text("pool");
  if (pool != "on" && pool != "off") object.fail(object.at("pool"), "is neither \"on\" nor \"off\"");
  run.pool_enabled = pool == "on";
  const json& samples = object.array("samples");
  if (samples.empty()) object.fail(object.at("samples"), "is empty");
  for (std::size_t i = 0; i < samples.size(); ++i) {
    run.samples.push_back(sample_from_json(object.reader_for(samples[i], object.at("samples", i))));
  }
  return run;
}

AllocWorkloadRecord workload_from_json(const FieldReader& object) {
  AllocWorkloadRecord workload;
  const std::string name = object.text("name");
  const auto kind = parse_alloc_workload_key(name);
  if (!kind) object.fail(object.at("name"), fmt::format("`{}` is not a known workload", name));
  workload.workload = *kind;
  const FieldReader shape = object.object("shape");
  if (workload.workload == AllocWorkload::matmul_backward) {
    workload.m = shape.integer<int>("m", 1);
    workload.k = shape.integer<int>("k", 1);
    workload.n = shape.integer<int>("n", 1);
  } else {
    workload.batch = shape.integer<int>("batch", 1);
    workload.hidden = shape.integer<int>("hidden", 1);
  }
  workload.warmup = object.integer<int>("warmup", 0);
  workload.iterations = object.integer<int>("iterations", 1);
  const json& runs = object.array("runs");
  for (std::size_t i = 0; i < runs.size(); ++i) {
    workload.runs.push_back(run_from_json(object.reader_for(runs[i], object.at("runs", i))));
  }
  return workload;
}

}  // namespace

AllocationRecord alloc_from_json(std::string_view text, const fs::path& path) {
  const json document = parse_json_input(text, path);
  const FieldReader top(path, kDocument, document, "$");
  const json& version = top.required("schema_version");
  if (!version.is_number_integer() || version.get<std::int64_t>() != kAllocSchemaVersion) {
    top.fail("$.schema_version", fmt::format("{} is not supported (this build reads version {})", version.dump(),
                                             kAllocSchemaVersion));
  }
  if (top.text("kind") != kAllocKind) {
    top.fail("$.kind", fmt::format("is not \"{}\" (not an allocation profile)", kAllocKind));
  }
  AllocationRecord record;
  record.context = environment_from_json(top.object("context"));
  const json& workloads = top.array("workloads");
  for (std::size_t i = 0; i < workloads.size(); ++i) {
    record.workloads.push_back(workload_from_json(top.reader_for(workloads[i], top.at("workloads", i))));
  }
  return record;
}

}  // namespace smp::report
