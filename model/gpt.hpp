#pragma once
// A pre-LayerNorm GPT (SmallMind's architecture): token + learned position
// embeddings; per layer LN1 → fused QKV → causal multi-head attention →
// projection → residual, LN2 → Linear(d→4d) → GELU → Linear(4d→d) → residual;
// final LN → LM head without bias. Parameters and activations each live in one
// allocation made at construction, and each Linear weight also in its packed
// copy (packed_linears.hpp); forward passes allocate nothing.
#include <array>
#include <atomic>
#include <cstdint>
#include <span>
#include <vector>

#include "model/activations.hpp"
#include "model/attention.hpp"
#include "model/config.hpp"
#include "model/init.hpp"
#include "model/packed_linears.hpp"
#include "model/params.hpp"
#include "model/row_parts.hpp"
#include "model/tensor_arena.hpp"

namespace smp::model {

class Gpt {
 public:
  // Validates `config` (smp::UsageError) and initialises the parameters from `seed`.
  explicit Gpt(const ModelConfig& config, std::uint64_t seed = kDefaultSeed);
  Gpt(const Gpt&) = delete;
  Gpt& operator=(const Gpt&) = delete;
  Gpt(Gpt&&) = default;
  Gpt& operator=(Gpt&&) = default;

  const ModelConfig& config() const { return config_; }
  std::int64_t parameter_count() const { return static_cast<std::int64_t>(parameter_arena_.element_count()); }
  int tensor_count() const { return static_cast<int>(parameter_arena_.table().size()); }
  // Names, shapes and values of every parameter, in storage order.
  const TensorArena& parameters() const { return parameter_arena_; }
  const TensorArena& activations() const { return activation_arena_; }

  // Logits [T, vocab] for every position of tokens[T], 1 ≤ T ≤ block, ids in
  // [0, vocab); otherwise smp::UsageError. The span stays valid until the next
  // forward pass on this model.
  std::span<const float> forward(std::span<const int> tokens);
  // Logits [vocab] of the last position: the same full-context computation,
  // except that past the last layer's keys and values only the last row goes
  // on (its attention, projection, MLP, final LayerNorm and LM head). As those
  // run as one-row products, the logits equal forward()'s last row to
  // rounding, not bit for bit; on any thread count they are the same bits.
  std::span<const float> forward_last(std::span<const int> tokens);

 private:
  friend class KvDecoder;
  enum class LogitRows { all, last };

  // Runs tokens at positions [start, start + size) with `kv` already holding
  // keys and values for positions [0, start).
  std::span<const float> run(std::span<const int> tokens, int start, const KvStore& kv, LogitRows logit_rows);
  // One pass's new tokens at positions [start, start + size), run in `parts` row parts.
  struct PassRows {
    std::span<const int> tokens;
    int start;
    const KvStore& kv;
    int parts;
  };
  // Runs every layer for rows `rows` of the pass, as part `part`; with
  // LogitRows::last, the last layer only as far as its keys and values.
  void run_layers(const PassRows& pass, RowRange rows, int part, LogitRows logit_rows);
  // LayerNorm 1 and the fused q | k | v projection of layer l, for `rows`.
  void project_qkv(int l, RowRange rows);
  // The rest of layer l for `rows`, whose attention output is written: the
  // projection into the residual stream, then the MLP branch.
  void finish_layer(int l, RowRange rows);
  AttentionPass attention_pass(const PassRows& pass, int l) const;
  void embed(float* x, std::span<const int> tokens, int start) const;
  KvStore own_kv();

  ModelConfig config_;
  ParameterTensors params_;
  TensorArena parameter_arena_;
  PackedLinears linears_;
  Activations acts_;
  TensorArena activation_arena_;
  std::vector<int> causal_lengths_;  // [block]: position p attends to p + 1 keys

  // Layers whose keys and values a row part has stored in this pass, one per
  // possible part, held in the model itself so creating one allocates no more.
  // Parts are also at most heads (attention.hpp's scratch slots).
  static constexpr int kMaxRowParts = 16;
  struct alignas(64) PartProgress {
    std::atomic<int> layers_stored{0};
    PartProgress() = default;
    // Progress means something only within one pass, which resets it: a
    // moved model keeps none.
    PartProgress(const PartProgress&) {}
    PartProgress& operator=(const PartProgress&) { return *this; }
  };
  std::array<PartProgress, kMaxRowParts> part_progress_;
};

}  // namespace smp::model
