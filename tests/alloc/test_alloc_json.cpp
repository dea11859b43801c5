#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "fake_alloc_record.hpp"
#include "report/formats/alloc_json.hpp"
#include "report/common/errors.hpp"
#include "report/io/input_limits.hpp"

namespace {

using smp::report::alloc_from_json;
using smp::report::alloc_to_json;

const std::filesystem::path kPath = "allocation-profile.json";

bool same_sample(const smp::report::AllocSample& a, const smp::report::AllocSample& b) {
  return a.total_ns == b.total_ns && a.alloc_bytes == b.alloc_bytes && a.alloc_count == b.alloc_count &&
         a.peak_live_bytes == b.peak_live_bytes && a.minor_faults == b.minor_faults &&
         a.major_faults == b.major_faults && a.pool.rents == b.pool.rents && a.pool.returns == b.pool.returns &&
         a.pool.hits == b.pool.hits && a.pool.misses == b.pool.misses &&
         a.pool.bytes_from_pool == b.pool.bytes_from_pool && a.pool.bytes_allocated == b.pool.bytes_allocated;
}

}  // namespace

TEST_CASE("the allocation JSON reads back to the same record", "[alloc][json]") {
  const auto record = smp::test::fake_record();
  const auto read = alloc_from_json(alloc_to_json(record), kPath);
  CHECK(read.context.machine.compiler == record.context.machine.compiler);
  CHECK(read.context.settings.repetitions == record.context.settings.repetitions);
  REQUIRE(read.workloads.size() == record.workloads.size());
  for (std::size_t w = 0; w < record.workloads.size(); ++w) {
    const auto& want = record.workloads[w];
    const auto& got = read.workloads[w];
    CHECK(got.workload == want.workload);
    CHECK((got.m == want.m && got.k == want.k && got.n == want.n));
    CHECK((got.batch == want.batch && got.hidden == want.hidden));
    CHECK(got.warmup == want.warmup);
    CHECK(got.iterations == want.iterations);
    REQUIRE(got.runs.size() == want.runs.size());
    for (std::size_t r = 0; r < want.runs.size(); ++r) {
      CHECK(got.runs[r].pool_enabled == want.runs[r].pool_enabled);
      REQUIRE(got.runs[r].samples.size() == want.runs[r].samples.size());
      for (std::size_t s = 0; s < want.runs[r].samples.size(); ++s) {
        CHECK(same_sample(got.runs[r].samples[s], want.runs[r].samples[s]));
      }
    }
  }
}

TEST_CASE("the allocation JSON is versioned and carries the context and the analysis", "[alloc][json]") {
  const auto document = nlohmann::json::parse(alloc_to_json(smp::test::fake_record()));
  CHECK(document["schema_version"] == 1);
  CHECK(document["context"]["cpu_model"] == "Test CPU");
  const auto& matmul = document["workloads"][0];
  CHECK(matmul["name"] == "matmul_backward");
  CHECK(matmul["runs"][0]["samples"].size() == 3);
  CHECK(matmul["analysis"]["expected_bytes_per_iteration"] == 262144);
  CHECK(matmul["analysis"]["measured_reduction_percent"] == 100.0);
  CHECK(matmul["analysis"]["verdict"] == "excellent");
  CHECK(matmul["analysis"]["verdict_basis"] == "measured");
  CHECK(document["workloads"][1]["runs"][0]["summary"]["samples_per_second"] == Approx(40'000.0));
}

TEST_CASE("the allocation JSON reader refuses what it cannot trust", "[alloc][json]") {
  auto document = nlohmann::json::parse(alloc_to_json(smp::test::fake_record()));
  SECTION("malformed JSON") {
    CHECK_THROWS_WITH(alloc_from_json("{", kPath), Catch::Contains("allocation-profile.json: invalid JSON"));
  }
  SECTION("another schema version") {
    document["schema_version"] = 2;
    CHECK_THROWS_WITH(alloc_from_json(document.dump(), kPath), Catch::Contains("$.schema_version 2 is not supported"));
  }
  SECTION("another kind of report") {
    document["kind"] = "smallmind-prof profile";
    CHECK_THROWS_WITH(alloc_from_json(document.dump(), kPath), Catch::Contains("not an allocation profile"));
  }
  SECTION("a negative figure") {
    document["workloads"][1]["runs"][0]["samples"][2]["alloc_bytes"] = -5;
    CHECK_THROWS_WITH(alloc_from_json(document.dump(), kPath),
                      Catch::Contains("$.workloads[1].runs[0].samples[2].alloc_bytes is not an integer of at least 0"));
  }
  SECTION("a missing field") {
    document["workloads"][0].erase("iterations");
    CHECK_THROWS_WITH(alloc_from_json(document.dump(), kPath), Catch::Contains("$.workloads[0].iterations is missing"));
  }
  SECTION("an unknown workload") {
    document["workloads"][0]["name"] = "inference";
    CHECK_THROWS_AS(alloc_from_json(document.dump(), kPath), smp::InputError);
  }
  SECTION("an array longer than the row limit, refused before its entries are read") {
    auto& runs = document["workloads"][0]["runs"];
    runs = nlohmann::json::array();
    while (runs.size() <= smp::report::kMaxReportRows) runs.push_back(0);
    CHECK_THROWS_WITH(alloc_from_json(document.dump(), kPath),
                      Catch::Contains("$.workloads[0].runs has 100001 entries, over the limit of 100000"));
  }
}
