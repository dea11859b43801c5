#!/usr/bin/env python3
"""Writes the synthetic JSON profiles the compare CLI tests read.

Each profile holds five scopes with per-repetition samples drawn around a base
time: each process lands within +-1.5 % of it and its repetitions within
+-0.3 % of that (seeded, so the files are reproducible). Schema 2 profiles tag
each sample with its process; the single-process ones are schema 1, as older
builds wrote them. The files differ in exactly one respect from baseline.json,
named by the file.
Run from this directory: python3 make_fixtures.py
"""
import json
import random
import statistics

NOISE = 0.015
REPETITION_NOISE = 0.003
# name, parent, calls, base ms, allocations, bytes, flops per call
SCOPES = [
    ("Model_Small_Inference", "", 1, 420.0, 5000, 19_000_000, 0.0),
    ("Model_Small_Forward", "Model_Small_Inference", 25, 410.0, 4900, 18_900_000, 0.0),
    ("MatMul_128x128", "", 1, 7.0, 4, 196_608, 4 * 2 * 128**3),
    ("MatMul_Iteration", "MatMul_128x128", 3, 5.2, 3, 147_456, 2 * 128**3),
    ("GELU_1000", "", 1, 1.0, 0, 0, 0.0),
]
CONTEXT = {"tool_version": "0.1.0", "timestamp": "2026-02-05T10:00:00+00:00", "host": "ci",
           "cpu_model": "Test CPU @ 3.0GHz", "cores": 2, "caches": [], "isa": "avx2+fma",
           "compiler": "GNU 12.2.0", "compiler_flags": "-O3 -DNDEBUG", "build_type": "Release",
           "threads": 1, "seed": 42, "models": [], "peak_gflops": 0.0, "peak_gbps": 0.0,
           "scope_overhead_ns": 0.0, "wall_ms": 0.0}


def summary(samples):
    median = statistics.median(samples)
    return {"median": median, "mad": statistics.median(abs(x - median) for x in samples),
            "min": min(samples), "max": max(samples), "samples": samples}


def profile(name, seed, repetitions, slow=None, extra_allocs=0, context=None, processes=1):
    rng = random.Random(seed)
    slow = slow or {}
    scopes = []
    for scope, parent, calls, base, allocs, nbytes, flops in SCOPES:
        centre = base * slow.get(scope, 1.0)
        samples, tags = [], []
        for process in range(processes):
            landing = centre * (1 + rng.uniform(-NOISE, NOISE))
            noise = REPETITION_NOISE if processes > 1 else 0.0
            samples += [round(landing * (1 + rng.uniform(-noise, noise)), 6) for _ in range(repetitions)]
            tags += [process] * repetitions
        grown = extra_allocs if scope.startswith("Model_Small") else 0
        time_ms = statistics.median(samples)
        scopes.append({"name": scope, "parent": parent, "calls": calls, "time_ms": time_ms,
                       "avg_ms": time_ms / calls, "min_call_ms": 0.0, "max_call_ms": 0.0,
                       "inclusive_ms": summary(samples), "self_ms": summary(samples),
                       **({"sample_process": tags} if processes > 1 else {}),
                       "alloc_mb": (nbytes + 4096 * grown) / 2**20,
                       "alloc_bytes": nbytes + 4096 * grown, "alloc_count": allocs + grown,
                       "free_count": allocs + grown, "flops_per_call": flops, "bytes_per_call": 0.0,
                       "gflops": 0.0, "gbps": 0.0})
    settings = {"repetitions": repetitions}
    if processes > 1:
        settings.update(processes=processes, injected_slowdowns=[])
    document = {"schema_version": 2 if processes > 1 else 1, "kind": "smallmind-prof profile",
                "generated": "2026-02-05 10:00:%02d" % seed,
                "context": dict(CONTEXT, **settings, **(context or {})), "scopes": scopes}
    with open(name, "w") as out:
        json.dump(document, out, indent=2)
        out.write("\n")


MATMUL_SLOWER = {"MatMul_128x128": 1.25, "MatMul_Iteration": 1.25}
profile("baseline.json", 1, 3, processes=8)
profile("rerun.json", 2, 3, processes=8)
profile("slowed.json", 3, 3, slow=MATMUL_SLOWER, processes=8)
profile("alloc_grown.json", 2, 3, extra_allocs=3, processes=8)
profile("other_env.json", 2, 3, context={"cpu_model": "Other CPU @ 2.0GHz", "threads": 4}, processes=8)
profile("single_process.json", 7, 10)
profile("single_process_slowed.json", 8, 10, slow=MATMUL_SLOWER)
profile("three_reps.json", 4, 3)
profile("three_reps_slowed.json", 5, 3, slow=MATMUL_SLOWER)
profile("two_reps_slowed.json", 6, 2, slow=MATMUL_SLOWER)
