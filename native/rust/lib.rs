//! Fugue's native library, loaded by `io.fugue.nativelib.NativeLoader`.
//!
//! Every JNI export is a shim of a few lines around a plain Rust function returning
//! `Result<_, NativeError>`; [`jni_util::guard`] turns errors and panics into a Java
//! `io.fugue.nativelib.NativeException`, so no input can abort the JVM.
#![deny(clippy::unwrap_used)]

pub mod jni_util;
pub mod oprf;
pub mod p2p;
pub mod vdf;
pub mod zk;
