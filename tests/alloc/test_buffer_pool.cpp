#include <catch2/catch.hpp>

#include "heap_traffic.hpp"
#include "model/training/buffer_pool.hpp"

using smp::model::BufferPool;
using smp::model::PooledBuffer;
using smp::test::heap_traffic;

TEST_CASE("pool on: a returned buffer serves the next rent of its size class", "[alloc][pool]") {
  BufferPool pool(true);
  float* first = nullptr;
  {
    PooledBuffer buffer = pool.rent(1000);
    REQUIRE(buffer.size() == 1000);
    first = buffer.data();
  }
  PooledBuffer again = pool.rent(1024);  // 1000 and 1024 share the 1024-float class
  CHECK(again.data() == first);
  CHECK(again.size() == 1024);

  const auto& counters = pool.counters();
  CHECK(counters.rents == 2);
  CHECK(counters.returns == 1);
  CHECK(counters.hits == 1);
  CHECK(counters.misses == 1);
  CHECK(counters.bytes_allocated == 1024 * sizeof(float));
  CHECK(counters.bytes_from_pool == 1024 * sizeof(float));
}

TEST_CASE("pool on: a rent of another size class misses", "[alloc][pool]") {
  BufferPool pool(true);
  pool.rent(1024).release();
  PooledBuffer bigger = pool.rent(1025);
  CHECK(pool.counters().misses == 2);
  CHECK(pool.counters().hits == 0);
  CHECK(pool.counters().bytes_allocated == (1024 + 2048) * sizeof(float));
}

TEST_CASE("pool on: renting and returning in steady state allocates nothing", "[alloc][pool]") {
  BufferPool pool(true);
  const auto cycle = [&pool] {
    PooledBuffer a = pool.rent(32768);
    PooledBuffer b = pool.rent(32768);
    PooledBuffer c = pool.rent(100);
  };
  const auto warm_up = heap_traffic(cycle);
  CHECK(warm_up.allocations > 0);  // the first cycle fills the pool
  const auto steady = heap_traffic([&] {
    for (int i = 0; i < 10; ++i) cycle();
  });
  CHECK(steady.bytes == 0);
  CHECK(steady.allocations == 0);
  CHECK(steady.frees == 0);
}

TEST_CASE("pool off: every rent is a fresh allocation of exactly the size asked", "[alloc][pool]") {
  BufferPool pool(false);
  const auto traffic = heap_traffic([&pool] {
    for (int i = 0; i < 3; ++i) {
      PooledBuffer buffer = pool.rent(1000);
    }
  });
  CHECK(traffic.bytes == 3 * 1000 * sizeof(float));
  CHECK(traffic.allocations == 3);
  CHECK(traffic.frees == 3);
  CHECK(pool.counters().misses == 3);
  CHECK(pool.counters().hits == 0);
  CHECK(pool.counters().bytes_allocated == 3 * 1000 * sizeof(float));
  CHECK(pool.counters().bytes_from_pool == 0);
}

TEST_CASE("a moved buffer is given back once and by its new owner", "[alloc][pool]") {
  BufferPool pool(true);
  PooledBuffer outer;
  {
    PooledBuffer inner = pool.rent(64);
    outer = std::move(inner);
  }
  CHECK(pool.counters().returns == 0);
  CHECK_FALSE(outer.empty());
  outer.release();
  CHECK(outer.empty());
  CHECK(pool.counters().returns == 1);
}

TEST_CASE("a rent of zero floats is served without memory", "[alloc][pool]") {
  BufferPool pool(false);
  const auto traffic = heap_traffic([&pool] { PooledBuffer empty = pool.rent(0); });
  CHECK(traffic.allocations == 0);
  CHECK(pool.counters().rents == 1);
  CHECK(pool.counters().hits == 1);
  CHECK(pool.counters().returns == 1);
}
