//! JNI shims for `io.fugue.nativelib.NativeOprf`: each reads its arguments, calls one plain
//! Rust function and converts the result; [`guard`] turns errors and panics into
//! `NativeException`.

use curve25519_dalek::constants::RISTRETTO_BASEPOINT_POINT;
use curve25519_dalek::scalar::Scalar;
use jni::objects::{JByteArray, JClass, JIntArray, JObjectArray};
use jni::sys::{jboolean, jbyteArray, jint, JNI_FALSE, JNI_TRUE};
use jni::JNIEnv;

use super::core::{self, MAX_BATCH};
use super::threshold::{self, MAX_PARTIES};
use crate::jni_util::{guard, invalid, new_bytes, read_bytes, NativeResult};
use crate::zk::ops::{parse_point, parse_scalar, parse_scalars};

fn read_ints(env: &mut JNIEnv<'_>, array: &JIntArray<'_>, what: &str) -> NativeResult<Vec<i32>> {
    if array.is_null() {
        return invalid(format!("{what} must not be null"));
    }
    let len = env.get_array_length(array)? as usize;
    if len > MAX_PARTIES {
        return invalid(format!("at most {MAX_PARTIES} {what}, got {len}"));
    }
    let mut buf = vec![0i32; len];
    env.get_int_array_region(array, 0, &mut buf)?;
    Ok(buf)
}

fn read_arrays(
    env: &mut JNIEnv<'_>,
    array: &JObjectArray<'_>,
    what: &str,
) -> NativeResult<Vec<Vec<u8>>> {
    if array.is_null() {
        return invalid(format!("{what} must not be null"));
    }
    let len = env.get_array_length(array)? as usize;
    if len > MAX_PARTIES {
        return invalid(format!("at most {MAX_PARTIES} {what}, got {len}"));
    }
    let mut out = Vec::with_capacity(len);
    for i in 0..len {
        let element = JByteArray::from(env.get_object_array_element(array, i as jint)?);
        out.push(read_bytes(env, &element, &format!("{what}[{i}]"))?);
        env.delete_local_ref(element)?;
    }
    Ok(out)
}

fn flag(b: bool) -> jboolean {
    if b {
        JNI_TRUE
    } else {
        JNI_FALSE
    }
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeOprf_deriveKeyPairNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    seed: JByteArray<'l>,
    info: JByteArray<'l>,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let seed = read_bytes(env, &seed, "seed")?;
        let info = read_bytes(env, &info, "key info")?;
        let (sk, pk) = core::derive_key_pair(&seed, &info)?;
        new_bytes(
            env,
            &[sk.as_bytes().as_slice(), pk.compress().as_bytes()].concat(),
        )
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeOprf_baseMulNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    scalar: JByteArray<'l>,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let s = parse_scalar(&read_bytes(env, &scalar, "scalar")?, "scalar")?;
        new_bytes(env, (RISTRETTO_BASEPOINT_POINT * s).compress().as_bytes())
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeOprf_pointMulNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    point: JByteArray<'l>,
    scalar: JByteArray<'l>,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let p = parse_point(&read_bytes(env, &point, "point")?, "point")?;
        let s = parse_scalar(&read_bytes(env, &scalar, "scalar")?, "scalar")?;
        new_bytes(env, (p * s).compress().as_bytes())
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeOprf_scalarMulNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    a: JByteArray<'l>,
    b: JByteArray<'l>,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let a = parse_scalar(&read_bytes(env, &a, "a")?, "a")?;
        let b = parse_scalar(&read_bytes(env, &b, "b")?, "b")?;
        new_bytes(env, (a * b).as_bytes())
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeOprf_blindNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    input: JByteArray<'l>,
    blind: JByteArray<'l>,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let input = read_bytes(env, &input, "input")?;
        let blind = core::parse_nonzero_scalar(&read_bytes(env, &blind, "blind")?, "blind")?;
        new_bytes(env, core::blind(&input, &blind)?.compress().as_bytes())
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeOprf_blindEvaluateNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    key: JByteArray<'l>,
    blinded: JByteArray<'l>,
    randomness: JByteArray<'l>,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let sk = core::parse_nonzero_scalar(&read_bytes(env, &key, "key")?, "key")?;
        let blinded =
            core::parse_elements(&read_bytes(env, &blinded, "blinded")?, "blinded elements")?;
        let r = if randomness.is_null() {
            Scalar::random(&mut rand::rngs::OsRng)
        } else {
            core::parse_nonzero_scalar(
                &read_bytes(env, &randomness, "randomness")?,
                "proof randomness",
            )?
        };
        let (evaluated, proof) = core::blind_evaluate(&sk, &blinded, &r)?;
        let mut out = core::serialize_elements(&evaluated);
        out.extend_from_slice(&proof);
        new_bytes(env, &out)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeOprf_verifyProofNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    public_key: JByteArray<'l>,
    blinded: JByteArray<'l>,
    evaluated: JByteArray<'l>,
    proof: JByteArray<'l>,
) -> jboolean {
    guard(&mut env, JNI_FALSE, |env| {
        let pk = core::parse_element(&read_bytes(env, &public_key, "public key")?, "public key")?;
        let blinded =
            core::parse_elements(&read_bytes(env, &blinded, "blinded")?, "blinded elements")?;
        // A malformed evaluation from a server is a failed proof, not a caller error.
        let evaluated = match core::parse_elements(
            &read_bytes(env, &evaluated, "evaluated")?,
            "evaluated elements",
        ) {
            Ok(e) => e,
            Err(_) => return Ok(JNI_FALSE),
        };
        if evaluated.len() != blinded.len() {
            return Ok(JNI_FALSE);
        }
        let proof = read_bytes(env, &proof, "proof")?;
        if proof.len() != core::PROOF_LEN {
            return Ok(JNI_FALSE);
        }
        Ok(flag(core::verify_proof(&pk, &blinded, &evaluated, &proof)?))
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeOprf_finalizeNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    input: JByteArray<'l>,
    blind: JByteArray<'l>,
    evaluated: JByteArray<'l>,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let input = read_bytes(env, &input, "input")?;
        let blind = core::parse_nonzero_scalar(&read_bytes(env, &blind, "blind")?, "blind")?;
        let ev = core::parse_element(
            &read_bytes(env, &evaluated, "evaluated")?,
            "evaluated element",
        )?;
        new_bytes(env, &core::finalize(&input, &blind, &ev)?)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeOprf_evaluateNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    key: JByteArray<'l>,
    input: JByteArray<'l>,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let sk = core::parse_nonzero_scalar(&read_bytes(env, &key, "key")?, "key")?;
        let input = read_bytes(env, &input, "input")?;
        new_bytes(env, &core::evaluate(&sk, &input)?)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeOprf_lagrangeNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    indices: JIntArray<'l>,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let indices = read_ints(env, &indices, "share indices")?;
        let l = threshold::lagrange_at_zero(&indices)?;
        let out: Vec<u8> = l.iter().flat_map(|s| s.to_bytes()).collect();
        new_bytes(env, &out)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeOprf_polyEvalNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    coefficients: JByteArray<'l>,
    x: jint,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let c = parse_scalars(
            &read_bytes(env, &coefficients, "coefficients")?,
            "coefficients",
        )?;
        if c.len() > MAX_PARTIES {
            return invalid(format!(
                "at most {MAX_PARTIES} coefficients, got {}",
                c.len()
            ));
        }
        new_bytes(env, threshold::poly_eval(&c, x)?.as_bytes())
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeOprf_feldmanVerifyNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    commitments: JByteArray<'l>,
    x: jint,
    share: JByteArray<'l>,
) -> jboolean {
    guard(&mut env, JNI_FALSE, |env| {
        let bytes = read_bytes(env, &commitments, "commitments")?;
        let c = core::parse_elements(&bytes, "commitments")?;
        if c.len() > MAX_PARTIES {
            return invalid(format!(
                "at most {MAX_PARTIES} commitments, got {}",
                c.len()
            ));
        }
        let share = parse_scalar(&read_bytes(env, &share, "share")?, "share")?;
        Ok(flag(threshold::feldman_verify(&c, x, &share)?))
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeOprf_combineNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    indices: JIntArray<'l>,
    evaluated: JObjectArray<'l>,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let indices = read_ints(env, &indices, "share indices")?;
        let raw = read_arrays(env, &evaluated, "evaluations")?;
        let mut parsed = Vec::with_capacity(raw.len());
        for (i, bytes) in raw.iter().enumerate() {
            let e = core::parse_elements(bytes, &format!("evaluations[{i}]"))?;
            if e.len() > MAX_BATCH {
                return invalid("too many elements");
            }
            parsed.push(e);
        }
        let combined = threshold::combine(&indices, &parsed)?;
        new_bytes(env, &core::serialize_elements(&combined))
    })
}
