//! VOPRF evaluations per second with proofs, single and batched (docs/benchmarks.md).
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use curve25519_dalek::scalar::Scalar;
use fugue_native::oprf::core::{blind, blind_evaluate, derive_key_pair, verify_proof};

fn bench(c: &mut Criterion) {
    let (sk, pk) = derive_key_pair(&[0xa3; 32], b"bench").expect("key");
    let r = Scalar::from(12_345u64);
    let mut group = c.benchmark_group("voprf");
    for n in [1usize, 100, 1_000] {
        let blinded: Vec<_> = (0..n)
            .map(|i| {
                blind(
                    format!("user{i}@example.com").as_bytes(),
                    &Scalar::from(7u64 + i as u64),
                )
                .expect("blind")
            })
            .collect();
        group.throughput(Throughput::Elements(n as u64));
        group.bench_with_input(
            BenchmarkId::new("blind_evaluate_with_proof", n),
            &blinded,
            |b, bl| b.iter(|| blind_evaluate(&sk, bl, &r).expect("eval")),
        );
        let (ev, proof) = blind_evaluate(&sk, &blinded, &r).expect("eval");
        group.bench_with_input(BenchmarkId::new("verify_proof", n), &blinded, |b, bl| {
            b.iter(|| assert!(verify_proof(&pk, bl, &ev, &proof).expect("verify")))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
