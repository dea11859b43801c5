#include "kernel_test_support.hpp"

TEST_CASE("kernels: the ISA can be forced to the lower path and back", "[kernels][isa]") {
  using smp::kernels::Isa;
  REQUIRE(smp::kernels::isa_supported(Isa::sse4_2));
  {
    smp::test::IsaScope scope(Isa::sse4_2);
    CHECK(smp::kernels::active_isa() == Isa::sse4_2);
  }
  CHECK(smp::kernels::parse_isa("sse4.2") == Isa::sse4_2);
  CHECK(smp::kernels::parse_isa("avx2") == Isa::avx2_fma);
  CHECK_FALSE(smp::kernels::parse_isa("neon").has_value());
}

TEST_CASE("kernels: this machine runs both kernel paths", "[kernels][isa]") {
  // The CI machine has AVX2+FMA; if it ever does not, both-path coverage is lost and we want to know.
  CHECK(smp::test::runnable_isas().size() == 2);
}
