#!/usr/bin/python3
"""The model benchmark's workloads in PyTorch, for a side-by-side figure.

The same GPT as model/gpt.cpp (pre-LayerNorm blocks, fused q|k|v projection,
causal attention, SmallMind's GELU x*sigmoid(1.702x), separate head weight),
the same Small and Medium shapes, a 10-token prompt and 25 greedy tokens:
full context (one forward over the whole context per token, last row's
logits, so the last layer takes only that row past its keys and values) and
with a KV cache (prefill, then one row per token). Weights are random: the
time does not depend on their values. Optional: needs Debian's
python3-torch, run as /usr/bin/python3 tests/bench/torch_gpt.py [--runs N]
[--threads N]. Prints median and min-max milliseconds per case.
"""
import argparse
import statistics
import time

import torch
import torch.nn.functional as F

# vocab, block, d_model, layers, heads: model/config.hpp's small() and medium().
CONFIGS = {"Small": (256, 64, 128, 2, 4), "Medium": (512, 128, 256, 4, 8)}
PROMPT_TOKENS = 10     # report/common/workload.hpp kPromptTokens
GENERATED_TOKENS = 25  # report/common/workload.hpp kGeneratedTokens


class Gpt:
    def __init__(self, vocab, block, d, layers, heads):
        g = torch.Generator().manual_seed(42)
        rand = lambda *shape: torch.randn(*shape, generator=g) * 0.02
        self.heads, self.d = heads, d
        self.token_embedding, self.position_embedding = rand(vocab, d), rand(block, d)
        self.layers = [dict(ln1=(torch.ones(d), torch.zeros(d)), qkv=(rand(3 * d, d), torch.zeros(3 * d)),
                            proj=(rand(d, d), torch.zeros(d)), ln2=(torch.ones(d), torch.zeros(d)),
                            fc=(rand(4 * d, d), torch.zeros(4 * d)), fc2=(rand(d, 4 * d), torch.zeros(d)))
                       for _ in range(layers)]
        self.final = (torch.ones(d), torch.zeros(d))
        self.head = rand(vocab, d)

    def forward(self, tokens, start, cache):
        """Logits of the last of `tokens`, at positions start.. ; cache[l] holds layer l's keys and values."""
        t, d, h = len(tokens), self.d, self.heads
        x = self.token_embedding[tokens] + self.position_embedding[start:start + t]
        for l, p in enumerate(self.layers):
            q, k, v = F.linear(F.layer_norm(x, (d,), *p["ln1"]), *p["qkv"]).split(d, dim=1)
            if cache is not None:
                if l in cache:
                    k, v = torch.cat([cache[l][0], k]), torch.cat([cache[l][1], v])
                cache[l] = (k, v)
            if l == len(self.layers) - 1:
                # Past the last layer's keys and values only the last row feeds the logits.
                x, q, t = x[-1:], q[-1:], 1
            heads = lambda m: m.view(-1, h, d // h).transpose(0, 1)
            scores = heads(q) @ heads(k).transpose(1, 2) / (d // h) ** 0.5
            visible = torch.ones(t, k.shape[0], dtype=torch.bool).tril(k.shape[0] - t)
            attention = (scores.masked_fill(~visible, float("-inf")).softmax(-1) @ heads(v)).transpose(0, 1)
            x = x + F.linear(attention.reshape(t, d), *p["proj"])
            hidden = F.linear(F.layer_norm(x, (d,), *p["ln2"]), *p["fc"])
            x = x + F.linear(hidden * torch.sigmoid(1.702 * hidden), *p["fc2"])
        return F.linear(F.layer_norm(x[-1:], (d,), *self.final), self.head)[0]

    def full_context(self, prompt):
        tokens = list(prompt)
        for _ in range(GENERATED_TOKENS):
            tokens.append(int(self.forward(torch.tensor(tokens), 0, None).argmax()))

    def kv_cache(self, prompt):
        cache, tokens = {}, list(prompt)
        tokens.append(int(self.forward(torch.tensor(tokens), 0, cache).argmax()))
        for _ in range(GENERATED_TOKENS - 1):
            tokens.append(int(self.forward(torch.tensor(tokens[-1:]), len(tokens) - 1, cache).argmax()))


def sample_ms(work, runs):
    work()  # warm-up, as the model bench does
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        samples.append((time.perf_counter() - start) * 1e3)
    return samples


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    print(f"PyTorch {torch.__version__}: {args.runs} runs each, {args.threads} thread(s)\n")
    print(f"| {'case':<30} | {'median ms':>10} | {'min – max ms':>21} |")
    with torch.no_grad():
        for label, config in CONFIGS.items():
            model = Gpt(*config)
            prompt = torch.randint(config[0], (PROMPT_TOKENS,), generator=torch.Generator().manual_seed(42)).tolist()
            for case, work in (("full-context 25 tokens", model.full_context), ("KV cache 25 tokens", model.kv_cache)):
                ms = sample_ms(lambda: work(prompt), args.runs)
                print(f"| {label + ' ' + case:<30} | {statistics.median(ms):10.3f} | {min(ms):9.3f} – {max(ms):9.3f} |")


if __name__ == "__main__":
    main()
