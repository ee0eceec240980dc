//! The zk operations in pure Rust, for comparison with the JMH benchmarks of the same operations
//! over JNI (zk/src/test/java/io/fugue/zk/bench/ZkBenchmark.java). Benchmark ids match the JMH
//! method and parameter names so that zk/bench/compare.py can pair them.

use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use fugue_native::jni_util::NativeResult;
use fugue_native::zk::batch::{verify_all, Request};
use fugue_native::zk::ops::random_scalar;
use fugue_native::zk::range::{prove, verify, Binding, Proven};

const BIND: Binding<'static> = Binding {
    label: b"fugue.bench.v1",
    context: b"query-1",
    statement: b"",
};
const AGGREGATIONS: [usize; 5] = [1, 2, 4, 8, 16];
const BATCH: usize = 64;

fn proven(m: usize) -> NativeResult<Proven> {
    let values: Vec<u64> = (0..m as u64).map(|i| u64::MAX - i).collect();
    let blindings: Vec<u8> = (0..m).flat_map(|_| random_scalar()).collect();
    prove(&values, &blindings, 64, BIND)
}

fn blindings(m: usize) -> Vec<u8> {
    (0..m).flat_map(|_| random_scalar()).collect()
}

fn bench_prove_and_verify(c: &mut Criterion) {
    let mut group = c.benchmark_group("zk");
    for m in AGGREGATIONS {
        let values: Vec<u64> = (0..m as u64).collect();
        let bl = blindings(m);
        group.bench_with_input(BenchmarkId::new("prove", m), &m, |b, _| {
            b.iter(|| prove(&values, &bl, 64, BIND))
        });
        let Ok(p) = proven(m) else {
            panic!("benchmark setup failed to prove m={m}");
        };
        group.bench_with_input(BenchmarkId::new("verify", m), &m, |b, _| {
            b.iter(|| verify(&p.proof, &p.commitments, 64, BIND))
        });
    }
    group.finish();
}

fn bench_batch(c: &mut Criterion) {
    let proofs: Vec<Proven> = (0..BATCH).filter_map(|_| proven(1).ok()).collect();
    assert_eq!(proofs.len(), BATCH, "benchmark setup failed to prove");
    let requests: Vec<Request<'_>> = proofs
        .iter()
        .map(|p| Request {
            proof: &p.proof,
            commitments: &p.commitments,
            n: 64,
            binding: BIND,
        })
        .collect();
    let mut group = c.benchmark_group("zk");
    group.bench_function("batchVerify64", |b| b.iter(|| verify_all(&requests)));
    group.bench_function("singleVerify64", |b| {
        b.iter(|| {
            proofs
                .iter()
                .map(|p| verify(&p.proof, &p.commitments, 64, BIND))
                .collect::<Vec<_>>()
        })
    });
    group.finish();
}

fn config() -> Criterion {
    // The machine is shared: short runs, few samples.
    Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(5))
}

criterion_group! {
    name = benches;
    config = config();
    targets = bench_prove_and_verify, bench_batch
}
criterion_main!(benches);
