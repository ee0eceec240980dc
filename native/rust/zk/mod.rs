//! Bulletproofs, Pedersen commitments and ristretto255 arithmetic exported over JNI.
//!
//! [`ops`] holds the point and scalar arithmetic, [`range`] proves and verifies range proofs,
//! [`batch`] verifies many independent proofs together (one multiscalar multiplication, on all
//! cores), and `exports` holds the JNI shims
//! (one per `io.fugue.nativelib.NativeZk` native method).

pub mod batch;
mod batched;
mod exports;
pub mod ops;
pub mod range;
/// Benchmark-only exports; built with `--features bench-timing` (the Maven `bench` profile).
#[cfg(feature = "bench-timing")]
pub mod timing;

#[cfg(test)]
mod vectors;
