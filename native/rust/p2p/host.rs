//! A running host: its own tokio runtime, the swarm task, the command channel and the event
//! queue. Every method is callable from any non-tokio thread (Java threads, test threads).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc as std_mpsc, Arc, Mutex};
use std::time::Duration;

use libp2p::identity::Keypair;
use libp2p::PeerId;
use tokio::runtime::Runtime;
use tokio::sync::mpsc;

use super::behaviour::build_swarm;
use super::command::Command;
use super::config::HostConfig;
use super::events::{EventQueue, Polled};
use super::stats::Stats;
use super::task::{Envelope, Task};
use crate::jni_util::{invalid, NativeError, NativeResult};

/// Commands waiting for the swarm task; Java blocks when this many are queued.
const COMMAND_QUEUE: usize = 1024;
/// How long a caller waits for the swarm task to answer a command.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(10);

pub struct Host {
    peer_id: PeerId,
    commands: mpsc::Sender<Envelope>,
    events: Arc<EventQueue>,
    stats: Arc<Stats>,
    runtime: Mutex<Option<Runtime>>,
    stopped: AtomicBool,
}

impl Host {
    /// Starts a host with the ed25519 identity whose 32-byte secret is `secret`, listening on
    /// the configured addresses and dialing the configured bootnodes.
    pub fn start(config: HostConfig, secret: &[u8]) -> NativeResult<Host> {
        if secret.len() != 32 {
            return invalid(format!(
                "ed25519 secret must be 32 bytes, got {}",
                secret.len()
            ));
        }
        let mut seed = secret.to_vec();
        let key = Keypair::ed25519_from_bytes(&mut seed)
            .or_else(|e| invalid(format!("ed25519 secret: {e}")))?;
        let peer_id = key.public().to_peer_id();
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(config.worker_threads)
            .thread_name("fugue-p2p")
            .enable_all()
            .build()
            .map_err(|e| NativeError::Internal(format!("tokio runtime: {e}")))?;
        let events = Arc::new(EventQueue::new(config.limits.event_queue_bytes));
        let stats = Arc::new(Stats::default());
        let (tx, rx) = mpsc::channel(COMMAND_QUEUE);

        let swarm = runtime.block_on(async {
            let mut swarm = build_swarm(key, &config, stats.clone())?;
            for addr in &config.listen {
                swarm
                    .listen_on(addr.clone())
                    .or_else(|e| invalid(format!("cannot listen on {addr}: {e}")))?;
            }
            Ok::<_, NativeError>(swarm)
        })?;
        let bootnodes = config.bootnodes.clone();
        let task = Task::new(config, events.clone(), stats.clone());
        watch(&runtime, runtime.spawn(task.run(swarm, rx)), events.clone());
        let host = Host {
            peer_id,
            commands: tx,
            events,
            stats,
            runtime: Mutex::new(Some(runtime)),
            stopped: AtomicBool::new(false),
        };
        for addr in bootnodes {
            let (peer, base) = super::command::split_peer(&addr)?;
            host.command(Command::AddPeer(peer, base))?;
        }
        Ok(host)
    }

    pub fn peer_id(&self) -> PeerId {
        self.peer_id
    }

    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    /// Sends a command and waits for the swarm task's answer.
    pub fn command(&self, cmd: Command) -> NativeResult<Vec<u8>> {
        if self.stopped.load(Ordering::Acquire) {
            return Err(NativeError::Refused("host is stopped".into()));
        }
        let (reply_tx, reply_rx) = std_mpsc::sync_channel(1);
        self.commands
            .blocking_send((cmd, reply_tx))
            .map_err(|_| NativeError::Refused("host is stopped".into()))?;
        match reply_rx.recv_timeout(COMMAND_TIMEOUT) {
            Ok(Ok(reply)) => Ok(reply),
            Ok(Err(msg)) => Err(NativeError::Refused(msg)),
            Err(std_mpsc::RecvTimeoutError::Timeout) => Err(NativeError::Internal(
                "swarm task did not answer within 10 s".into(),
            )),
            Err(std_mpsc::RecvTimeoutError::Disconnected) => {
                Err(NativeError::Refused("host is stopped".into()))
            }
        }
    }

    /// Waits up to `timeout` for events; see [`EventQueue::poll`].
    pub fn poll(&self, max_bytes: usize, timeout: Duration) -> Polled {
        self.events.poll(max_bytes, timeout)
    }

    /// Stops the swarm task and shuts the runtime down, waiting at most `timeout` for its
    /// threads. Returns false when the host was already stopped.
    pub fn stop(&self, timeout: Duration) -> bool {
        if self.stopped.swap(true, Ordering::AcqRel) {
            return false;
        }
        let (reply_tx, _reply_rx) = std_mpsc::sync_channel(1);
        let _ = self.commands.try_send((Command::Stop, reply_tx));
        let runtime = match self.runtime.lock() {
            Ok(mut guard) => guard.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        };
        if let Some(runtime) = runtime {
            runtime.shutdown_timeout(timeout);
        }
        self.events.close();
        true
    }
}

/// Watches the swarm task: when it panics, the event queue is closed with the reason, which Java
/// reports (a task cancelled by runtime shutdown is a normal stop and closes nothing here).
pub fn watch(
    runtime: &Runtime,
    task: tokio::task::JoinHandle<()>,
    events: Arc<EventQueue>,
) -> tokio::task::JoinHandle<()> {
    runtime.spawn(async move {
        match task.await {
            Ok(()) => {}
            Err(e) if e.is_panic() => {
                let reason = panic_message(e.into_panic().as_ref());
                events.fail(&format!("swarm task panicked: {reason}"));
            }
            Err(_) => {}
        }
    })
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic payload".to_string()
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        self.stop(Duration::from_secs(2));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn should_close_the_queue_with_the_reason_when_the_task_panics() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let events = Arc::new(EventQueue::new(1 << 16));
        let task = runtime.spawn(async { panic!("boom in the swarm") });
        let watcher = watch(&runtime, task, events.clone());
        runtime.block_on(watcher).expect("watcher ends");

        let Polled::Batch(batch) = events.poll(1 << 16, Duration::from_secs(1)) else {
            panic!("the failure record comes before the close");
        };
        let decoded = super::super::events::Event::decode_batch(&batch).expect("decodes");
        assert_eq!(
            decoded,
            vec![super::super::events::Event::HostFailed {
                reason: "swarm task panicked: boom in the swarm".into()
            }]
        );
        assert_eq!(events.poll(1 << 16, Duration::ZERO), Polled::Closed);
    }

    #[test]
    fn should_not_report_a_task_that_ends_normally() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let events = Arc::new(EventQueue::new(1 << 16));
        let task = runtime.spawn(async {});
        runtime
            .block_on(watch(&runtime, task, events.clone()))
            .expect("watcher ends");
        assert_eq!(
            events.poll(1 << 16, Duration::ZERO),
            Polled::Batch(Vec::new())
        );
    }
}
