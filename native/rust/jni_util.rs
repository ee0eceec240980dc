//! The one place where Rust errors and panics become Java exceptions.

use std::fmt;
use std::panic::{catch_unwind, AssertUnwindSafe};

use jni::objects::JByteArray;
use jni::JNIEnv;

/// The Java exception every export throws on failure.
pub const NATIVE_EXCEPTION: &str = "io/fugue/nativelib/NativeException";

/// Why a native call failed. The message reaches Java verbatim, so it must say what was wrong
/// with the input and never contain secret material.
#[derive(Debug)]
pub enum NativeError {
    /// The caller passed something malformed (wrong length, non-canonical encoding, ...).
    InvalidArgument(String),
    /// A well-formed request that the cryptography refused (e.g. a value out of range).
    Refused(String),
    /// A JNI call failed; a Java exception may already be pending.
    Jni(jni::errors::Error),
    /// A broken invariant inside the library.
    Internal(String),
}

impl fmt::Display for NativeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NativeError::InvalidArgument(m) => write!(f, "invalid argument: {m}"),
            NativeError::Refused(m) => write!(f, "refused: {m}"),
            NativeError::Jni(e) => write!(f, "JNI error: {e}"),
            NativeError::Internal(m) => write!(f, "internal error: {m}"),
        }
    }
}

impl std::error::Error for NativeError {}

impl From<jni::errors::Error> for NativeError {
    fn from(e: jni::errors::Error) -> Self {
        NativeError::Jni(e)
    }
}

pub type NativeResult<T> = Result<T, NativeError>;

/// Shorthand for an [`NativeError::InvalidArgument`].
pub fn invalid<T>(msg: impl Into<String>) -> NativeResult<T> {
    Err(NativeError::InvalidArgument(msg.into()))
}

/// Runs `body`, converting an error or a panic into a pending `NativeException` and returning
/// `fallback` (which Java never sees, because the exception is thrown on return).
pub fn guard<'local, T, F>(env: &mut JNIEnv<'local>, fallback: T, body: F) -> T
where
    F: FnOnce(&mut JNIEnv<'local>) -> NativeResult<T>,
{
    let outcome = catch_unwind(AssertUnwindSafe(|| body(env)));
    match outcome {
        Ok(Ok(value)) => value,
        Ok(Err(err)) => {
            throw(env, &err.to_string());
            fallback
        }
        Err(panic) => {
            let detail = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            throw(env, &format!("internal error: native panic: {detail}"));
            fallback
        }
    }
}

fn throw(env: &mut JNIEnv<'_>, message: &str) {
    // A JNI failure may already have left a Java exception pending; keep that one.
    if env.exception_check().unwrap_or(true) {
        return;
    }
    let _ = env.throw_new(NATIVE_EXCEPTION, message);
}

/// Copies a Java `byte[]` into Rust, refusing null.
pub fn read_bytes(
    env: &mut JNIEnv<'_>,
    array: &JByteArray<'_>,
    what: &str,
) -> NativeResult<Vec<u8>> {
    if array.is_null() {
        return invalid(format!("{what} must not be null"));
    }
    Ok(env.convert_byte_array(array)?)
}

/// Copies Rust bytes into a new Java `byte[]`.
pub fn new_bytes(env: &mut JNIEnv<'_>, bytes: &[u8]) -> NativeResult<jni::sys::jbyteArray> {
    Ok(env.byte_array_from_slice(bytes)?.into_raw())
}
