//! JNI shims for `io.fugue.nativelib.NativeVdf`; [`guard`] turns errors and panics into
//! `NativeException`.

use jni::objects::{JByteArray, JClass};
use jni::sys::{jboolean, jbyteArray, jint, jlong, JNI_FALSE, JNI_TRUE};
use jni::JNIEnv;

use crate::jni_util::{guard, invalid, new_bytes, read_bytes, NativeResult};

fn args(bits: jint, iterations: jlong) -> NativeResult<(u16, u64)> {
    let bits = match u16::try_from(bits) {
        Ok(b) => b,
        Err(_) => return invalid(format!("discriminant bits out of range: {bits}")),
    };
    let iterations = match u64::try_from(iterations) {
        Ok(t) => t,
        Err(_) => return invalid(format!("iterations must be positive: {iterations}")),
    };
    Ok((bits, iterations))
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeVdf_evalNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    bits: jint,
    challenge: JByteArray<'l>,
    iterations: jlong,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let (bits, iterations) = args(bits, iterations)?;
        let challenge = read_bytes(env, &challenge, "challenge")?;
        new_bytes(env, &super::eval(bits, &challenge, iterations)?)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeVdf_verifyNative<'l>(
    mut env: JNIEnv<'l>,
    _class: JClass<'l>,
    bits: jint,
    challenge: JByteArray<'l>,
    iterations: jlong,
    output: JByteArray<'l>,
) -> jboolean {
    guard(&mut env, JNI_FALSE, |env| {
        let (bits, iterations) = args(bits, iterations)?;
        let challenge = read_bytes(env, &challenge, "challenge")?;
        let output = read_bytes(env, &output, "output")?;
        Ok(if super::verify(bits, &challenge, iterations, &output)? {
            JNI_TRUE
        } else {
            JNI_FALSE
        })
    })
}
