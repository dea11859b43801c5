#include "kernel_test_support.hpp"

TEST_CASE("kernels: the ISA can be forced to each lower path and back", "[kernels][isa]") {
  using smp::kernels::Isa;
  REQUIRE(smp::kernels::isa_supported(smp::kernels::kBaselineIsa));
  for (Isa isa : smp::test::runnable_isas()) {
    smp::test::IsaScope scope(isa);
    CHECK(smp::kernels::active_isa() == isa);
  }
  CHECK_FALSE(smp::kernels::parse_isa("mmx").has_value());
  CHECK_FALSE(smp::kernels::parse_isa("").has_value());
}

TEST_CASE("kernels: each path parses from its name and its --isa choice", "[kernels][isa]") {
  using smp::kernels::Isa;
#if defined(__x86_64__)
  CHECK(smp::kernels::parse_isa("sse4.2") == Isa::sse4_2);
  CHECK(smp::kernels::parse_isa("avx2") == Isa::avx2_fma);
  CHECK(smp::kernels::parse_isa("avx2+fma") == Isa::avx2_fma);
  CHECK(smp::kernels::parse_isa("avx512") == Isa::avx512);
  CHECK_FALSE(smp::kernels::parse_isa("neon").has_value());
  CHECK(smp::kernels::isa_choices_text() == "avx512, avx2 or sse4.2");
#elif defined(__aarch64__)
  CHECK(smp::kernels::parse_isa("neon") == Isa::neon);
  CHECK_FALSE(smp::kernels::parse_isa("avx2").has_value());
  CHECK(smp::kernels::isa_choices_text() == "neon");
#endif
  for (const smp::kernels::IsaSpelling& spelling : smp::kernels::kIsaSpellings) {
    CHECK(smp::kernels::isa_name(spelling.isa) == spelling.name);
  }
}

TEST_CASE("kernels: the widest supported path is the default choice", "[kernels][isa]") {
  using smp::kernels::Isa;
  const Isa best = smp::kernels::best_supported_isa();
  CHECK(smp::kernels::isa_supported(best));
  for (Isa wider : smp::kernels::kIsasWidestFirst) {
    if (wider == best) break;
    CHECK_FALSE(smp::kernels::isa_supported(wider));
  }
}

#if defined(__x86_64__)
TEST_CASE("kernels: this machine runs the AVX2 and SSE4.2 kernel paths", "[kernels][isa]") {
  // The CI machine has AVX2+FMA; if it ever does not, two-path coverage is lost and we want to know.
  // AVX-512 is optional: runnable_isas() warns when it is missing.
  CHECK(smp::test::runnable_isas().size() >= 2);
}
#endif
