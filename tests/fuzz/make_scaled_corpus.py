#!/usr/bin/env python3
"""Writes the size-scaled seeds run-fuzzers.sh runs with a short -timeout and
an -rss_limit_mb: reports at the documented limits (100,000 rows, scopes or
samples), just over them, and with very long names, so that an input that is
slow or memory-hungry for its size shows up as a finding, not only a crash.

Usage: make_scaled_corpus.py OUTPUT_DIR   (writes OUTPUT_DIR/<target>/...)"""
import json
import os
import random
import sys

LIMIT = 100_000
LONG_NAME = "N" * (1 << 20)
HOT = "## 🔥 Hot Paths (by Time)\n\n"
ENHANCED_HEADER = "| Rank | Method | Time (ms) | Calls | Avg (ms) | Alloc (MB) |\n|---|---|---|---|---|---|\n"


def enhanced_markdown(names):
    rows = "".join(f"| {i + 1} | `{name}` | {i % 97 + 1}.25 | {i % 7 + 1} | 1.000 | 0.01 |\n"
                   for i, name in enumerate(names))
    return ("# Enhanced Profile Report\n\n**Generated:** 2026-02-05 10:00:01\n\n" + HOT + ENHANCED_HEADER + rows +
            "\n## Analysis\n")


def standard_markdown(count):
    rows = "".join(f"| {i + 1} | `m{i}` | {i % 89 + 1}.5 | 1% | 3 | 1.0 | 0.5 | 2.0 |\n" for i in range(count))
    allocs = "".join(f"| {i + 1} | `m{i}` | {i % 13}.25 | 1% | 3 |\n" for i in range(count))
    return ("# Performance Profile Report\n\n" + HOT +
            "| Rank | Method | Total Time (ms) | % of Total | Calls | Avg Time (ms) | Min (ms) | Max (ms) |\n"
            "|---|---|---|---|---|---|---|---|\n" + rows + "\n## 💾 Top Allocators\n\n"
            "| Rank | Method | Total Alloc (MB) | % of Total | Allocations |\n|---|---|---|---|---|\n" + allocs +
            "\n## 💡 Performance Insights\n")


def profile_json(scopes):
    return json.dumps({"schema_version": 1, "kind": "smallmind-prof profile", "generated": "2026-02-05 10:00:01",
                       "scopes": scopes}, separators=(",", ":"))


def sampled_scopes(count, samples, scale, seed):
    rng = random.Random(seed)
    return [{"name": f"scope{i}", "calls": 1,
             "inclusive_ms": {"samples": [round(scale * rng.uniform(0.9, 1.1), 6) for _ in range(samples)]}}
            for i in range(count)]


def alloc_json(template, samples, sample=None):
    """Every run given `samples` copies of its first sample (or of `sample`)."""
    document = json.loads(template)
    for workload in document["workloads"]:
        for run in workload["runs"]:
            run["samples"] = [sample if sample is not None else run["samples"][0]] * samples
    return json.dumps(document, separators=(",", ":"))


def baseline_index(cpu_models):
    entries = [{"cpu_model": cpu, "isa": "avx2+fma", "threads": 1, "build_type": "Release", "folder": f"f{i}"}
               for i, cpu in enumerate(cpu_models)]
    return json.dumps({"schema_version": 1, "kind": "smallmind-prof baseline index", "entries": entries})


def write(directory, name, text):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, name), "w", encoding="utf-8") as out:
        out.write(text)


def main(output):
    here = os.path.dirname(os.path.abspath(__file__))
    md = os.path.join(output, "markdown_report")
    write(md, "rows-at-limit.md", enhanced_markdown([f"m{i}" for i in range(LIMIT)]))
    write(md, "rows-over-limit.md", enhanced_markdown([f"m{i}" for i in range(LIMIT + 1)]))
    write(md, "long-name.md", enhanced_markdown([LONG_NAME, "short"]))
    write(md, "standard-20k.md", standard_markdown(20_000))
    write(md, "separators-only.md", HOT + ENHANCED_HEADER + "|---|---|---|---|---|---|\n" * 1_000_000)

    js = os.path.join(output, "json_profile")
    write(js, "scopes-at-limit.json", profile_json([{"name": f"s{i}", "time_ms": 1} for i in range(LIMIT)]))
    write(js, "samples-at-limit.json", profile_json(sampled_scopes(2, LIMIT, 1.0, 1)))
    write(js, "samples-over-limit.json", profile_json(sampled_scopes(1, LIMIT + 1, 1.0, 2)))
    write(js, "long-name.json", profile_json([{"name": LONG_NAME, "time_ms": 1}]))
    write(js, "deep.json", '{"schema_version":1,"scopes":[{"name":"x","parent":' + "[" * 64 + "]" * 64 + "}]}")

    with open(os.path.join(here, "corpus", "alloc_json", "ours-pool-both.json"), encoding="utf-8") as template:
        alloc_template = template.read()
    al = os.path.join(output, "alloc_json")
    # Real samples are ~400 bytes: 5,000 a run is as large as a report gets
    # under the 64 MiB limit; the limit itself is crossed with empty ones.
    write(al, "samples-5k.json", alloc_json(alloc_template, 5_000))
    write(al, "samples-over-limit.json", alloc_json(alloc_template, LIMIT + 1, {}))

    bi = os.path.join(output, "baseline_index")
    write(bi, "entries-at-limit.json", baseline_index([f"cpu {i}" for i in range(LIMIT)]))
    write(bi, "entries-over-limit.json", baseline_index([f"cpu {i}" for i in range(LIMIT + 1)]))
    write(bi, "repeat-at-end.json", baseline_index([f"cpu {i}" for i in range(LIMIT - 1)] + ["cpu 0"]))

    cmp = os.path.join(output, "compare")
    write(cmp, "samples-100k-vs-100k",
          profile_json(sampled_scopes(3, LIMIT, 1.0, 3)) + "\0" + profile_json(sampled_scopes(3, LIMIT, 1.1, 4)))
    write(cmp, "scopes-100k-vs-markdown",
          profile_json([{"name": f"m{i}", "time_ms": 1} for i in range(LIMIT)]) + "\0" +
          enhanced_markdown([f"m{i}" for i in range(LIMIT)]))

    cli = os.path.join(output, "cli")
    write(cli, "long-filter", "enhanced\0--filter\0" + "(" * 20_000 + "a" + ")" * 20_000)
    write(cli, "long-path", "compare\0" + "p/" * 50_000 + "\0b\0c")


if __name__ == "__main__":
    main(sys.argv[1])
