//! JNI shims for `io.fugue.nativelib.NativeZk`: each reads its arguments, calls one plain Rust
//! function and converts the result; [`guard`] turns errors and panics into `NativeException`.

use jni::objects::{JByteArray, JClass, JIntArray, JLongArray, JObject, JObjectArray};
use jni::sys::{jbyteArray, jint, jlong, jobjectArray, jstring};
use jni::JNIEnv;

use super::batch::{self, Request, MAX_BATCH};
use super::ops;
use super::range::{self, Binding};
use crate::jni_util::{guard, invalid, new_bytes, read_bytes, NativeResult};

fn bits(n: jint) -> NativeResult<usize> {
    usize::try_from(n).or_else(|_| invalid(format!("bit size n must be 8, 16, 32 or 64, got {n}")))
}

fn read_longs(env: &mut JNIEnv<'_>, array: &JLongArray<'_>, what: &str) -> NativeResult<Vec<u64>> {
    if array.is_null() {
        return invalid(format!("{what} must not be null"));
    }
    let len = env.get_array_length(array)? as usize;
    if len > ops::MAX_PARTIES {
        return invalid(format!("at most {} {what}, got {len}", ops::MAX_PARTIES));
    }
    let mut buf = vec![0i64; len];
    env.get_long_array_region(array, 0, &mut buf)?;
    // Java has no unsigned long: the bits are read as an unsigned 64-bit value.
    Ok(buf.into_iter().map(|v| v as u64).collect())
}

pub(super) fn read_ints(
    env: &mut JNIEnv<'_>,
    array: &JIntArray<'_>,
    what: &str,
) -> NativeResult<Vec<i32>> {
    if array.is_null() {
        return invalid(format!("{what} must not be null"));
    }
    let len = env.get_array_length(array)? as usize;
    let mut buf = vec![0i32; len];
    env.get_int_array_region(array, 0, &mut buf)?;
    Ok(buf)
}

pub(super) fn read_byte_arrays(
    env: &mut JNIEnv<'_>,
    array: &JObjectArray<'_>,
    what: &str,
) -> NativeResult<Vec<Vec<u8>>> {
    if array.is_null() {
        return invalid(format!("{what} must not be null"));
    }
    let len = env.get_array_length(array)? as usize;
    if len > MAX_BATCH {
        return invalid(format!("at most {MAX_BATCH} {what}, got {len}"));
    }
    let mut out = Vec::with_capacity(len);
    for i in 0..len {
        let element = JByteArray::from(env.get_object_array_element(array, i as jint)?);
        out.push(read_bytes(env, &element, &format!("{what}[{i}]"))?);
        // Batches can be large: free each local reference instead of filling the local frame.
        env.delete_local_ref(element)?;
    }
    Ok(out)
}

fn new_strings(env: &mut JNIEnv<'_>, items: &[Option<String>]) -> NativeResult<jobjectArray> {
    let array = env.new_object_array(items.len() as jint, "java/lang/String", JObject::null())?;
    for (i, item) in items.iter().enumerate() {
        if let Some(reason) = item {
            let s = env.new_string(reason)?;
            env.set_object_array_element(&array, i as jint, &s)?;
            env.delete_local_ref(s)?;
        }
    }
    Ok(array.into_raw())
}

fn new_byte_arrays(env: &mut JNIEnv<'_>, items: &[&[u8]]) -> NativeResult<jobjectArray> {
    let array = env.new_object_array(items.len() as jint, "[B", JObject::null())?;
    for (i, item) in items.iter().enumerate() {
        let bytes = env.byte_array_from_slice(item)?;
        env.set_object_array_element(&array, i as jint, &bytes)?;
        env.delete_local_ref(bytes)?;
    }
    Ok(array.into_raw())
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeZk_commitNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    value: jlong,
    blinding: JByteArray<'l>,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let blinding = read_bytes(env, &blinding, "blinding")?;
        new_bytes(env, &ops::commit(value as u64, &blinding)?)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeZk_randomScalarNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        new_bytes(env, &ops::random_scalar())
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeZk_scalarFromUniformNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    uniform: JByteArray<'l>,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let uniform = read_bytes(env, &uniform, "uniform bytes")?;
        new_bytes(env, &ops::scalar_from_uniform(&uniform)?)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeZk_scalarAddNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    a: JByteArray<'l>,
    b: JByteArray<'l>,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let (a, b) = (read_bytes(env, &a, "a")?, read_bytes(env, &b, "b")?);
        new_bytes(env, &ops::scalar_add(&a, &b)?)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeZk_scalarNegateNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    a: JByteArray<'l>,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let a = read_bytes(env, &a, "a")?;
        new_bytes(env, &ops::scalar_negate(&a)?)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeZk_pointAddNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    p: JByteArray<'l>,
    q: JByteArray<'l>,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let (p, q) = (read_bytes(env, &p, "p")?, read_bytes(env, &q, "q")?);
        new_bytes(env, &ops::point_add(&p, &q)?)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeZk_pointSubNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    p: JByteArray<'l>,
    q: JByteArray<'l>,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let (p, q) = (read_bytes(env, &p, "p")?, read_bytes(env, &q, "q")?);
        new_bytes(env, &ops::point_sub(&p, &q)?)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeZk_mulBaseNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    t: jlong,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        new_bytes(env, &ops::mul_base(t as u64))
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeZk_checkPointNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    point: JByteArray<'l>,
) {
    guard(&mut env, (), |env| {
        let point = read_bytes(env, &point, "point")?;
        ops::check_point(&point)
    })
}

#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "system" fn Java_io_fugue_nativelib_NativeZk_proveNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    values: JLongArray<'l>,
    blindings: JByteArray<'l>,
    n: jint,
    label: JByteArray<'l>,
    context: JByteArray<'l>,
    statement: JByteArray<'l>,
) -> jobjectArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let values = read_longs(env, &values, "values")?;
        let blindings = read_bytes(env, &blindings, "blindings")?;
        let label = read_bytes(env, &label, "label")?;
        let context = read_bytes(env, &context, "context")?;
        let statement = read_bytes(env, &statement, "statement")?;
        let binding = Binding {
            label: &label,
            context: &context,
            statement: &statement,
        };
        let proven = range::prove(&values, &blindings, bits(n)?, binding)?;
        new_byte_arrays(env, &[&proven.proof, &proven.commitments])
    })
}

#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "system" fn Java_io_fugue_nativelib_NativeZk_verifyNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    proof: JByteArray<'l>,
    commitments: JByteArray<'l>,
    n: jint,
    label: JByteArray<'l>,
    context: JByteArray<'l>,
    statement: JByteArray<'l>,
) -> jstring {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let proof = read_bytes(env, &proof, "proof")?;
        let commitments = read_bytes(env, &commitments, "commitments")?;
        let label = read_bytes(env, &label, "label")?;
        let context = read_bytes(env, &context, "context")?;
        let statement = read_bytes(env, &statement, "statement")?;
        let binding = Binding {
            label: &label,
            context: &context,
            statement: &statement,
        };
        match range::verify(&proof, &commitments, bits(n)?, binding)? {
            None => Ok(std::ptr::null_mut()),
            Some(reason) => Ok(env.new_string(reason)?.into_raw()),
        }
    })
}

#[no_mangle]
#[allow(clippy::too_many_arguments)]
pub extern "system" fn Java_io_fugue_nativelib_NativeZk_batchVerifyNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    proofs: JObjectArray<'l>,
    commitments: JObjectArray<'l>,
    ns: JIntArray<'l>,
    labels: JObjectArray<'l>,
    contexts: JObjectArray<'l>,
    statements: JObjectArray<'l>,
) -> jobjectArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let proofs = read_byte_arrays(env, &proofs, "proofs")?;
        let commitments = read_byte_arrays(env, &commitments, "commitments")?;
        let ns = read_ints(env, &ns, "bit sizes")?;
        let labels = read_byte_arrays(env, &labels, "labels")?;
        let contexts = read_byte_arrays(env, &contexts, "contexts")?;
        let statements = read_byte_arrays(env, &statements, "statements")?;
        let k = proofs.len();
        let lengths = [
            commitments.len(),
            ns.len(),
            labels.len(),
            contexts.len(),
            statements.len(),
        ];
        if lengths.iter().any(|&len| len != k) {
            return invalid(format!(
                "batch arrays differ in length: {k} proofs, {lengths:?}"
            ));
        }
        let requests: Vec<Request<'_>> = (0..k)
            .map(|i| Request {
                proof: &proofs[i],
                commitments: &commitments[i],
                // A negative n becomes usize::MAX and is rejected per request.
                n: usize::try_from(ns[i]).unwrap_or(usize::MAX),
                binding: Binding {
                    label: &labels[i],
                    context: &contexts[i],
                    statement: &statements[i],
                },
            })
            .collect();
        new_strings(env, &batch::verify_all(&requests))
    })
}
