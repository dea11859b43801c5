#pragma once
// Named, nested timing scopes. A Scope only records (ticks, calls, the
// thread's allocation counters); turning the recording into ScopeRecords is
// a separate step, and writers render those records.
//
// The tree is kept per (parent, name) so self time is exact; records are then
// merged by name, which is how SmallMind's reports count scopes (its
// MatMul_Iteration row covers the iterations of every MatMul size).
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "report/measure/alloc_counters.hpp"
#include "report/records/records.hpp"
#include "report/measure/tick_clock.hpp"

namespace smp::report {

// Work one call of a scope does, for roofline figures (0 when not a kernel).
// Given per call, since it can vary (a forward pass over a growing context).
struct Work {
  double flops = 0.0;
  double bytes = 0.0;
};

class Profiler {
  struct Node;

 public:
  Profiler();
  ~Profiler();
  Profiler(const Profiler&) = delete;
  Profiler& operator=(const Profiler&) = delete;

  class Scope {
   public:
    Scope(Profiler& profiler, std::string_view name, Work work = {});
    ~Scope();
    Scope(const Scope&) = delete;
    Scope& operator=(const Scope&) = delete;

   private:
    Profiler& profiler_;
    Node* node_;
    Work work_;
    AllocCounters alloc_start_;
    std::uint64_t start_ticks_;
    std::uint64_t wait_ticks_ = 0;  // an injected slowdown's share of this call
  };

  // Samples are kept per repetition: everything recorded between two calls of
  // end_repetition() is one sample of each scope; discard_recording() drops
  // what was recorded since the last one (the warm-up pass).
  void end_repetition();
  void discard_recording();

  // Makes the work inside each named scope take `percent` % longer, by
  // busy vector work at the start of each call (that fraction of the last
  // call's time): a self-test of the regression gate.
  void inject_slowdowns(std::vector<InjectedSlowdown> slowdowns);

  // Runs `work` through this profiler's scopes without keeping anything it
  // records (nor waiting for an injected slowdown): its scopes enter and
  // leave the same nodes as a recorded run, so those are in cache when one
  // follows. Scopes first seen in it stay known, with nothing recorded.
  void rehearse(const std::function<void()>& work);

  // Measures this profiler's own cost per scope enter+exit (an empty scope,
  // many times) and returns it in nanoseconds; used to correct self times.
  double calibrate_overhead_ns();

  // Records merged by name, in first-seen order. Time summaries use the
  // overhead measured by calibrate_overhead_ns() (0 if never called).
  std::vector<ScopeRecord> records() const;

 private:
  Node* enter(std::string_view name);
  void leave(Node* node, std::uint64_t ticks, const AllocCounters& alloc_start, Work work);

  std::unique_ptr<Node> root_;
  Node* current_;
  std::vector<Node*> nodes_in_order_;
  struct NodeState;
  std::vector<NodeState> rehearsal_saved_;  // kept between rehearsals: no allocation in a turn
  bool rehearsing_ = false;
  TickCalibration calibration_;
  double overhead_outside_ns_ = 0.0;  // scope cost outside its own bracket
  std::vector<InjectedSlowdown> slowdowns_;
};

}  // namespace smp::report
