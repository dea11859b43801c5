// Reads allocation-profile.json back into an AllocationRecord. Only the raw
// samples and the run's settings are read; summaries and the analysis are
// derived from them, so a reader recomputes rather than trusts them.
#include <cstdint>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "report/formats/alloc_json.hpp"
#include "report/formats/environment_json.hpp"
#include "report/common/errors.hpp"
#include "report/io/input_limits.hpp"
#include "report/io/json_input.hpp"

namespace smp::report {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Field access that names the file and the field's JSON path in every error.
class Reader {
 public:
  explicit Reader(const fs::path& path) : path_(path) {}

  [[noreturn]] void fail(const std::string& where, const std::string& problem) const {
    throw InputError(path_, "invalid allocation JSON: " + where + " " + problem);
  }

  const json& field(const json& object, const char* key, const std::string& where) const {
    if (!object.is_object()) fail(where, "is not an object");
    const auto it = object.find(key);
    if (it == object.end()) fail(where + "." + key, "is missing");
    return *it;
  }

  const json& array(const json& object, const char* key, const std::string& where) const {
    const json& value = field(object, key, where);
    if (!value.is_array()) fail(where + "." + key, "is not an array");
    if (value.size() > kMaxReportRows) {
      fail(where + "." + key, "has " + std::to_string(value.size()) + " entries, over the limit of " +
                                  std::to_string(kMaxReportRows));
    }
    return value;
  }

  std::string text(const json& object, const char* key, const std::string& where) const {
    const json& value = field(object, key, where);
    if (!value.is_string()) fail(where + "." + key, "is not a string");
    return value.get<std::string>();
  }

  // An integer in [minimum, the type's maximum]. nlohmann keeps non-negative
  // integers unsigned and negative ones signed, so both are looked at.
  template <class Integer>
  Integer integer(const json& object, const char* key, const std::string& where, Integer minimum) const {
    const json& value = field(object, key, where);
    const auto accept = [minimum](auto number) {
      return std::in_range<Integer>(number) && std::cmp_greater_equal(number, minimum);
    };
    if (value.is_number_unsigned() && accept(value.get<std::uint64_t>())) return value.get<Integer>();
    if (value.is_number_integer() && !value.is_number_unsigned() && accept(value.get<std::int64_t>())) {
      return value.get<Integer>();
    }
    fail(where + "." + key, "is not an integer of at least " + std::to_string(minimum));
  }

 private:
  const fs::path& path_;
};

model::PoolCounters pool_from_json(const Reader& read, const json& object, const std::string& where) {
  model::PoolCounters pool;
  pool.rents = read.integer<std::uint64_t>(object, "rents", where, 0);
  pool.returns = read.integer<std::uint64_t>(object, "returns", where, 0);
  pool.hits = read.integer<std::uint64_t>(object, "hits", where, 0);
  pool.misses = read.integer<std::uint64_t>(object, "misses", where, 0);
  pool.bytes_from_pool = read.integer<std::uint64_t>(object, "bytes_from_pool", where, 0);
  pool.bytes_allocated = read.integer<std::uint64_t>(object, "bytes_allocated", where, 0);
  return pool;
}

AllocSample sample_from_json(const Reader& read, const json& object, const std::string& where) {
  AllocSample sample;
  sample.total_ns = read.integer<std::int64_t>(object, "total_ns", where, 0);
  sample.alloc_bytes = read.integer<std::uint64_t>(object, "alloc_bytes", where, 0);
  sample.alloc_count = read.integer<std::uint64_t>(object, "alloc_count", where, 0);
  sample.peak_live_bytes = read.integer<std::int64_t>(object, "peak_live_bytes", where, 0);
  sample.minor_faults = read.integer<std::int64_t>(object, "minor_faults", where, 0);
  sample.major_faults = read.integer<std::int64_t>(object, "major_faults", where, 0);
  sample.pool = pool_from_json(read, read.field(object, "pool", where), where + ".pool");
  return sample;
}

AllocRun run_from_json(const Reader& read, const json& object, const std::string& where) {
  AllocRun run;
  const std::string pool = read.text(object, "pool", where);
  if (pool != "on" && pool != "off") read.fail(where + ".pool", "is neither \"on\" nor \"off\"");
  run.pool_enabled = pool == "on";
  const json& samples = read.array(object, "samples", where);
  if (samples.empty()) read.fail(where + ".samples", "is empty");
  for (std::size_t i = 0; i < samples.size(); ++i) {
    run.samples.push_back(sample_from_json(read, samples[i], where + ".samples[" + std::to_string(i) + "]"));
  }
  return run;
}

AllocWorkloadRecord workload_from_json(const Reader& read, const json& object, const std::string& where) {
  AllocWorkloadRecord workload;
  const std::string name = read.text(object, "name", where);
  const auto kind = parse_alloc_workload_key(name);
  if (!kind) read.fail(where + ".name", "`" + name + "` is not a known workload");
  workload.workload = *kind;
  const json& shape = read.field(object, "shape", where);
  const std::string shape_where = where + ".shape";
  if (workload.workload == AllocWorkload::matmul_backward) {
    workload.m = read.integer<int>(shape, "m", shape_where, 1);
    workload.k = read.integer<int>(shape, "k", shape_where, 1);
    workload.n = read.integer<int>(shape, "n", shape_where, 1);
  } else {
    workload.batch = read.integer<int>(shape, "batch", shape_where, 1);
    workload.hidden = read.integer<int>(shape, "hidden", shape_where, 1);
  }
  workload.warmup = read.integer<int>(object, "warmup", where, 0);
  workload.iterations = read.integer<int>(object, "iterations", where, 1);
  const json& runs = read.array(object, "runs", where);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    workload.runs.push_back(run_from_json(read, runs[i], where + ".runs[" + std::to_string(i) + "]"));
  }
  return workload;
}

}  // namespace

AllocationRecord alloc_from_json(std::string_view text, const fs::path& path) {
  const json document = parse_json_input(text, path);
  const Reader read(path);
  const json& version = read.field(document, "schema_version", "$");
  if (!version.is_number_integer() || version.get<std::int64_t>() != kAllocSchemaVersion) {
    read.fail("$.schema_version", version.dump() + " is not supported (this build reads version " +
                                      std::to_string(kAllocSchemaVersion) + ")");
  }
  if (read.text(document, "kind", "$") != kAllocKind) {
    read.fail("$.kind", "is not \"" + std::string(kAllocKind) + "\" (not an allocation profile)");
  }
  AllocationRecord record;
  const json& context = read.field(document, "context", "$");
  if (!context.is_object()) read.fail("$.context", "is not an object");
  try {
    record.context = environment_from_json(context);
  } catch (const json::exception& error) {
    read.fail("$.context", std::string("has a field of the wrong type: ") + error.what());
    } catch (const std::length_error& error) {
      read.fail("$.context", error.what());
  }
  const json& workloads = read.array(document, "workloads", "$");
  for (std::size_t i = 0; i < workloads.size(); ++i) {
    record.workloads.push_back(workload_from_json(read, workloads[i], "$.workloads[" + std::to_string(i) + "]"));
  }
  return record;
}

}  // namespace smp::report
