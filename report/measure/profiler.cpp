#include "report/measure/profiler.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "kernels/kernels.hpp"
#include "report/records/stats.hpp"

namespace smp::report {
namespace {

// Waits until `target` doing vector work on a buffer in L1, never a scalar
// spin: an idle wide vector unit powers down its upper lanes, and the work
// after the wait would start slow.
void wait_busy_until(std::uint64_t target) {
  constexpr std::size_t kFloats = 256;
  static thread_local std::array<float, kFloats> buffer{};
  while (read_ticks() < target) kernels::scale(buffer.data(), buffer.data(), 1.0f, kFloats);
}

}  // namespace

// What recorded calls change in a node: the repetition being recorded, the
// call extremes and an injection's last call. Saved and restored around a
// rehearsal. The node's first member, so that every call writes the node's
// first lines (GELU_1000 6.7 % faster in an ab than with them after the
// name and child list, 2-core AMD EPYC VM).
struct Profiler::NodeState {
  std::int64_t calls = 0;
  std::uint64_t ticks = 0;
  std::uint64_t child_ticks = 0;
  std::int64_t child_calls = 0;
  AllocCounters alloc;  // bytes / allocations / frees inside, inclusive
  Work work;            // summed over the calls
  std::uint64_t min_call_ticks = std::numeric_limits<std::uint64_t>::max();
  std::uint64_t max_call_ticks = 0;
  std::uint64_t last_work_ticks = 0;  // the last call's time without its injected wait
};

struct Profiler::Node : NodeState {
  std::string name;
  Node* parent = nullptr;
  std::vector<std::unique_ptr<Node>> children;

  // One entry per finished repetition.
  std::vector<std::int64_t> calls_samples;
  std::vector<std::uint64_t> ticks_samples;
  std::vector<std::uint64_t> child_ticks_samples;
  std::vector<std::int64_t> child_calls_samples;
  std::vector<AllocCounters> alloc_samples;
  Work last_work;  // deterministic: the last repetition's is reported
  double slowdown = 0.0;  // injected: each call stretched by this fraction

  NodeState& state() { return *this; }

  void reset_repetition() {
    calls = 0;
    ticks = child_ticks = 0;
    child_calls = 0;
    alloc = {};
    work = {};
  }
};

Profiler::Profiler() : root_(std::make_unique<Node>()), current_(root_.get()) {}
Profiler::~Profiler() = default;

Profiler::Scope::Scope(Profiler& profiler, std::string_view name, Work work)
    : profiler_(profiler),
      node_(profiler.enter(name)),
      work_(work),
      alloc_start_(alloc_counters()),
      start_ticks_(read_ticks()) {
  // An injected slowdown waits before the scope's own work, not after it:
  // the scopes that follow then find the machine as the scope's real work
  // left it. A wait after it changed them (Intel Xeon, AVX-512: a wait
  // after GELU_1000000 made the Softmax_256 after it 1.8 times slower, and
  // one after Model_Medium_Inference the next MatMul_64x64 up to 10 %).
  // The wait is the given fraction of the last call's own work; a first call
  // (the suite's warm-up) has none to go by and does not wait.
  if (node_->slowdown > 0.0 && node_->last_work_ticks > 0 && !profiler.rehearsing_) {
    wait_busy_until(start_ticks_ + static_cast<std::uint64_t>(static_cast<double>(node_->last_work_ticks) * node_->slowdown));
    wait_ticks_ = read_ticks() - start_ticks_;
  }
}

Profiler::Scope::~Scope() {
  const std::uint64_t elapsed = read_ticks() - start_ticks_;
  if (node_->slowdown > 0.0) node_->last_work_ticks = elapsed - wait_ticks_;
  profiler_.leave(node_, elapsed, alloc_start_, work_);
}

void Profiler::rehearse(const std::function<void()>& work) {
  const std::size_t known = nodes_in_order_.size();
  rehearsal_saved_.clear();
  rehearsal_saved_.push_back(root_->state());
  for (Node* node : nodes_in_order_) rehearsal_saved_.push_back(node->state());
  rehearsing_ = true;
  work();
  rehearsing_ = false;
  root_->state() = rehearsal_saved_.front();
  for (std::size_t i = 0; i < known; ++i) nodes_in_order_[i]->state() = rehearsal_saved_[i + 1];
  for (std::size_t i = known; i < nodes_in_order_.size(); ++i) nodes_in_order_[i]->state() = NodeState();
}

void Profiler::inject_slowdowns(std::vector<InjectedSlowdown> slowdowns) { slowdowns_ = std::move(slowdowns); }

Profiler::Node* Profiler::enter(std::string_view name) {
  for (const auto& child : current_->children) {
    if (child->name == name) return current_ = child.get();
  }
  auto node = std::make_unique<Node>();
  node->name = std::string(name);
  node->parent = current_;
  for (const InjectedSlowdown& slowdown : slowdowns_) {
    if (slowdown.scope == name) node->slowdown = slowdown.percent / 100.0;
  }
  nodes_in_order_.push_back(node.get());
  current_->children.push_back(std::move(node));
  return current_ = current_->children.back().get();
}

void Profiler::leave(Node* node, std::uint64_t ticks, const AllocCounters& alloc_start, Work work) {
  const AllocCounters now = alloc_counters();
  node->calls += 1;
  node->ticks += ticks;
  node->alloc.bytes += now.bytes - alloc_start.bytes;
  node->alloc.allocations += now.allocations - alloc_start.allocations;
  node->alloc.frees += now.frees - alloc_start.frees;
  node->work.flops += work.flops;
  node->work.bytes += work.bytes;
  node->min_call_ticks = std::min(node->min_call_ticks, ticks);
  node->max_call_ticks = std::max(node->max_call_ticks, ticks);
  node->parent->child_ticks += ticks;
  node->parent->child_calls += 1;
  current_ = node->parent;
}

void Profiler::end_repetition() {
  for (Node* node : nodes_in_order_) {
    node->calls_samples.push_back(node->calls);
    node->ticks_samples.push_back(node->ticks);
    node->child_ticks_samples.push_back(node->child_ticks);
    node->child_calls_samples.push_back(node->child_calls);
    node->alloc_samples.push_back(node->alloc);
    node->last_work = node->work;
    node->reset_repetition();
  }
}

void Profiler::discard_recording() {
  for (Node* node : nodes_in_order_) {
    node->reset_repetition();
    node->min_call_ticks = std::numeric_limits<std::uint64_t>::max();
    node->max_call_ticks = 0;
  }
}

double Profiler::calibrate_overhead_ns() {
  constexpr int kScopes = 200000;
  Profiler probe;
  const std::uint64_t start = read_ticks();
  for (int i = 0; i < kScopes; ++i) {
    Scope empty(probe, "calibration");
  }
  const std::uint64_t total = read_ticks() - start;
  const double ns_per_tick = calibration_.nanoseconds_per_tick();
  const double full_ns = static_cast<double>(total) * ns_per_tick / kScopes;
  const double bracketed_ns = static_cast<double>(probe.root_->children.front()->ticks) * ns_per_tick / kScopes;
  overhead_outside_ns_ = std::max(0.0, full_ns - bracketed_ns);
  return full_ns;
}

std::vector<ScopeRecord> Profiler::records() const {
  const double ms_per_tick = calibration_.nanoseconds_per_tick() * 1e-6;
  const double overhead_ms = overhead_outside_ns_ * 1e-6;

  std::vector<ScopeRecord> records;
  for (const Node* node : nodes_in_order_) {
    auto existing = std::find_if(records.begin(), records.end(),
                                 [&](const ScopeRecord& record) { return record.name == node->name; });
    const bool first = existing == records.end();
    ScopeRecord& record = first ? records.emplace_back() : *existing;
    const std::size_t repetitions = node->ticks_samples.size();
    if (first) {
      record.name = node->name;
      if (node->parent != root_.get()) record.parents.push_back(node->parent->name);
      record.inclusive_ms.assign(repetitions, 0.0);
      record.self_ms.assign(repetitions, 0.0);
      record.min_call_ms = std::numeric_limits<double>::infinity();
    } else if (node->parent != root_.get() &&
               std::find(record.parents.begin(), record.parents.end(), node->parent->name) == record.parents.end()) {
      if (node->parent != root_.get()) record.parents.push_back(node->parent->name);
    }
    for (std::size_t r = 0; r < repetitions; ++r) {
      const double inclusive = static_cast<double>(node->ticks_samples[r]) * ms_per_tick;
      const double children = static_cast<double>(node->child_ticks_samples[r]) * ms_per_tick;
      const double own_overhead = static_cast<double>(node->child_calls_samples[r]) * overhead_ms;
      record.inclusive_ms[r] += inclusive;
      record.self_ms[r] += std::max(0.0, inclusive - children - own_overhead);
    }
    if (repetitions > 0) {
      // Calls and allocations are the same every repetition; the last one is reported.
      record.calls += node->calls_samples.back();
      record.alloc_bytes += node->alloc_samples.back().bytes;
      record.alloc_count += node->alloc_samples.back().allocations;
      record.free_count += node->alloc_samples.back().frees;
      record.flops_per_call += node->last_work.flops;
      record.bytes_per_call += node->last_work.bytes;
    }
    if (node->max_call_ticks > 0) {
      record.min_call_ms = std::min(record.min_call_ms, static_cast<double>(node->min_call_ticks) * ms_per_tick);
      record.max_call_ms = std::max(record.max_call_ms, static_cast<double>(node->max_call_ticks) * ms_per_tick);
    }
  }
  for (ScopeRecord& record : records) {
    // flops/bytes were summed over all calls of the merged nodes.
    if (record.calls > 0) {
      record.flops_per_call /= static_cast<double>(record.calls);
      record.bytes_per_call /= static_cast<double>(record.calls);
    }
    if (!std::isfinite(record.min_call_ms)) record.min_call_ms = 0.0;
  }
  return records;
}

}  // namespace smp::report
