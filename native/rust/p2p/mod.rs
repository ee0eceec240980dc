//! The libp2p host: a swarm on its own tokio runtime, driven by commands, polled for events.
//!
//! Java (`io.fugue.nativelib.NativeP2p`) holds a host as an opaque `long`: a key into a registry
//! of live hosts, never a raw pointer, so a stale or forged handle is an error instead of a
//! use-after-free.

pub mod behaviour;
pub mod codec;
pub mod command;
pub mod config;
pub mod events;
pub mod host;
pub mod ratelimit;
pub mod score;
pub mod stats;
pub mod task;
pub mod wire;

use std::collections::HashMap;
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

use jni::objects::{JByteArray, JClass};
use jni::sys::{jboolean, jbyteArray, jint, jlong, jlongArray, jstring, JNI_FALSE, JNI_TRUE};
use jni::JNIEnv;

use crate::jni_util::{guard, invalid, new_bytes, read_bytes, NativeResult};
use command::Command;
use config::HostConfig;
use events::Polled;
use host::Host;

static HOSTS: LazyLock<Mutex<HashMap<i64, Arc<Host>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));
static NEXT_HANDLE: AtomicI64 = AtomicI64::new(1);

fn hosts() -> std::sync::MutexGuard<'static, HashMap<i64, Arc<Host>>> {
    match HOSTS.lock() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    }
}

fn lookup(handle: i64) -> Option<Arc<Host>> {
    hosts().get(&handle).cloned()
}

fn live(handle: i64) -> NativeResult<Arc<Host>> {
    lookup(handle).map_or_else(
        || invalid(format!("no running host with handle {handle}")),
        Ok,
    )
}

/// Starts a host and registers it; returns its handle.
pub fn start_host(config: &[u8], secret: &[u8]) -> NativeResult<i64> {
    let host = Host::start(HostConfig::decode(config)?, secret)?;
    let handle = NEXT_HANDLE.fetch_add(1, Ordering::Relaxed);
    hosts().insert(handle, Arc::new(host));
    Ok(handle)
}

/// Stops and unregisters a host; false if the handle is not (or no longer) live.
pub fn stop_host(handle: i64, timeout: Duration) -> bool {
    let host = hosts().remove(&handle);
    host.is_some_and(|h| h.stop(timeout))
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeP2p_start<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    config: JByteArray<'local>,
    secret: JByteArray<'local>,
) -> jlong {
    guard(&mut env, 0, |env| {
        let config = read_bytes(env, &config, "config")?;
        let secret = read_bytes(env, &secret, "secret key")?;
        start_host(&config, &secret)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeP2p_localPeerId<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> jstring {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let id = live(handle)?.peer_id().to_string();
        Ok(env.new_string(id)?.into_raw())
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeP2p_command<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    command: JByteArray<'local>,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let cmd = Command::decode(&read_bytes(env, &command, "command")?)?;
        let reply = live(handle)?.command(cmd)?;
        new_bytes(env, &reply)
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeP2p_poll<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    max_bytes: jint,
    timeout_ms: jint,
) -> jbyteArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        if max_bytes <= 0 || timeout_ms < 0 {
            return invalid("maxBytes must be positive and timeoutMs non-negative");
        }
        let Some(host) = lookup(handle) else {
            return Ok(std::ptr::null_mut());
        };
        match host.poll(max_bytes as usize, Duration::from_millis(timeout_ms as u64)) {
            Polled::Batch(batch) => new_bytes(env, &batch),
            Polled::Closed => Ok(std::ptr::null_mut()),
        }
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeP2p_stats<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
) -> jlongArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let snapshot = live(handle)?.stats().snapshot().map(|v| v as i64);
        let array = env.new_long_array(snapshot.len() as i32)?;
        env.set_long_array_region(&array, 0, &snapshot)?;
        Ok(array.into_raw())
    })
}

#[no_mangle]
pub extern "system" fn Java_io_fugue_nativelib_NativeP2p_stop<'local>(
    mut env: JNIEnv<'local>,
    _class: JClass<'local>,
    handle: jlong,
    timeout_ms: jint,
) -> jboolean {
    guard(&mut env, JNI_FALSE, |_| {
        let timeout = Duration::from_millis(timeout_ms.max(0) as u64);
        Ok(if stop_host(handle, timeout) {
            JNI_TRUE
        } else {
            JNI_FALSE
        })
    })
}
