#!/usr/bin/env python3
"""Pairs criterion results (pure Rust) with JMH results (JNI) by benchmark name and prints a
markdown table with the JNI/Rust ratio of each, plus the batch speed-up per proof."""
import json
import pathlib
import sys

criterion_dir = pathlib.Path(sys.argv[1])
jmh = json.loads(pathlib.Path(sys.argv[2]).read_text())


def rust_us(*parts):
    path = criterion_dir.joinpath("zk", *parts, "new", "estimates.json")
    est = json.loads(path.read_text())
    return est["mean"]["point_estimate"] / 1000.0


def rust_best_us(*parts):
    """The fastest sample: on a shared machine the least disturbed measurement."""
    sample = json.loads(criterion_dir.joinpath("zk", *parts, "new", "sample.json").read_text())
    return min(t / i for t, i in zip(sample["times"], sample["iters"])) / 1000.0


def jni_best_us(method, m=None):
    for r in jmh:
        if r["benchmark"].endswith("." + method) and (m is None or r.get("params", {}).get("m") == m):
            return min(v for fork in r["primaryMetric"]["rawData"] for v in fork)
    raise KeyError(method)


def jni_us(method, m=None):
    for r in jmh:
        if r["benchmark"].endswith("." + method) and (m is None or r.get("params", {}).get("m") == m):
            assert r["primaryMetric"]["scoreUnit"] == "us/op"
            return r["primaryMetric"]["score"], r["primaryMetric"]["scoreError"]
    raise KeyError(method)


rows = []
for m in ["1", "2", "4", "8", "16"]:
    rows.append((f"prove, 64-bit, m={m}", ("prove", m)))
for m in ["1", "2", "4", "8", "16"]:
    rows.append((f"verify, 64-bit, m={m}", ("verify", m)))
rows.append(("batch verify, 64 single 64-bit proofs", ("batchVerify64",)))
rows.append(("64 single verifies, one by one", ("singleVerify64",)))

print("| operation | Rust mean | JNI mean ± error | JNI/Rust (means) | Rust best | JNI best | JNI/Rust (best) |")
print("|---|---:|---:|---:|---:|---:|---:|")
for name, key in rows:
    rust, (jni, err) = rust_us(*key), jni_us(*key)
    rust_b, jni_b = rust_best_us(*key), jni_best_us(*key)
    print(f"| {name} | {rust:,.0f} µs | {jni:,.0f} ± {err:,.0f} µs | {jni / rust:.2f} "
          f"| {rust_b:,.0f} µs | {jni_b:,.0f} µs | {jni_b / rust_b:.2f} |")

api, api_err = jni_us("apiVerifyAtLeast")
print(f"\nJava API `RangeVerifier.atLeast` (64-bit, derivation + JNI): {api:,.0f} ± {api_err:,.0f} µs, "
      f"{api / rust_us('verify', '1'):.3f}× the pure Rust verify.")
for label, single, batch in [
    ("Rust (means)", rust_us("singleVerify64"), rust_us("batchVerify64")),
    ("Rust (best)", rust_best_us("singleVerify64"), rust_best_us("batchVerify64")),
    ("JNI (means)", jni_us("singleVerify64")[0], jni_us("batchVerify64")[0]),
    ("JNI (best)", jni_best_us("singleVerify64"), jni_best_us("batchVerify64")),
]:
    print(f"{label}: batch of 64 is {single / batch:.2f}× faster per proof than 64 single verifies "
          f"({batch / 64:,.0f} µs vs {single / 64:,.0f} µs per proof).")
