//! Timing loops for the JNI-overhead benchmark: the same pure-Rust call as an export, repeated
//! inside one native call and timed in Rust, so Java can alternate "k JNI calls" with "k Rust
//! calls" under the same machine load. Not used by the library itself.

use std::time::Instant;

use jni::objects::{JByteArray, JClass, JIntArray, JObjectArray};
use jni::sys::{jint, jlong};
use jni::JNIEnv;

use super::batch::{verify_all, Request};
use super::exports::{read_byte_arrays, read_ints};
use super::range::{verify, Binding};
use crate::jni_util::{guard, invalid, read_bytes, NativeResult};

/// Most repetitions one timing call may run.
const MAX_ITERATIONS: jint = 100_000;

fn iterations(k: jint) -> NativeResult<u32> {
    if !(1..=MAX_ITERATIONS).contains(&k) {
        return invalid(format!("iterations must be 1 to {MAX_ITERATIONS}, got {k}"));
    }
    Ok(k as u32)
}

/// Runs `verify` k times and returns the elapsed nanoseconds; fails if the proof is invalid.
pub fn time_verify(
    proof: &[u8],
    commitments: &[u8],
    n: usize,
    b: Binding<'_>,
    k: u32,
) -> NativeResult<u128> {
    let start = Instant::now();
    for _ in 0..k {
        if let Some(reason) = std::hint::black_box(verify(proof, commitments, n, b)?) {
            return invalid(format!("timing needs a valid proof: {reason}"));
        }
    }
    Ok(start.elapsed().as_nanos())
}

#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "system" fn Java_io_fugue_nativelib_NativeZkTiming_timeVerifyNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    proof: JByteArray<'l>,
    commitments: JByteArray<'l>,
    n: jint,
    label: JByteArray<'l>,
    context: JByteArray<'l>,
    k: jint,
) -> jlong {
    guard(&mut env, -1, |env| {
        let proof = read_bytes(env, &proof, "proof")?;
        let commitments = read_bytes(env, &commitments, "commitments")?;
        let label = read_bytes(env, &label, "label")?;
        let context = read_bytes(env, &context, "context")?;
        let b = Binding {
            label: &label,
            context: &context,
            statement: b"",
        };
        let n = usize::try_from(n).unwrap_or(0);
        let nanos = time_verify(&proof, &commitments, n, b, iterations(k)?)?;
        Ok(i64::try_from(nanos).unwrap_or(i64::MAX))
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeZkTiming_timeBatchVerifyNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    proofs: JObjectArray<'l>,
    commitments: JObjectArray<'l>,
    ns: JIntArray<'l>,
    label: JByteArray<'l>,
    context: JByteArray<'l>,
    k: jint,
) -> jlong {
    guard(&mut env, -1, |env| {
        let proofs = read_byte_arrays(env, &proofs, "proofs")?;
        let commitments = read_byte_arrays(env, &commitments, "commitments")?;
        let ns = read_ints(env, &ns, "bit sizes")?;
        let label = read_bytes(env, &label, "label")?;
        let context = read_bytes(env, &context, "context")?;
        if commitments.len() != proofs.len() || ns.len() != proofs.len() {
            return invalid("batch arrays differ in length");
        }
        let binding = Binding {
            label: &label,
            context: &context,
            statement: b"",
        };
        let requests: Vec<Request<'_>> = (0..proofs.len())
            .map(|i| Request {
                proof: &proofs[i],
                commitments: &commitments[i],
                n: usize::try_from(ns[i]).unwrap_or(0),
                binding,
            })
            .collect();
        let k = iterations(k)?;
        let start = Instant::now();
        for _ in 0..k {
            if std::hint::black_box(verify_all(&requests))
                .iter()
                .any(Option::is_some)
            {
                return invalid("timing needs valid proofs");
            }
        }
        Ok(i64::try_from(start.elapsed().as_nanos()).unwrap_or(i64::MAX))
    })
}
