//! The host configuration as Java sends it, decoded and checked before anything starts.

use std::time::Duration;

use libp2p::Multiaddr;

use super::wire::{Reader, Writer};
use crate::jni_util::{invalid, NativeResult};

/// The layout version Java must send first; bumped on any change to the field order.
pub const CONFIG_VERSION: u8 = 1;

/// Bounds on everything a remote peer can make this host hold or do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest gossip payload accepted or published (blocks must fit).
    pub max_gossip_bytes: usize,
    /// Largest sync request body.
    pub max_request_bytes: usize,
    /// Largest sync response body.
    pub max_response_bytes: usize,
    /// Established connections in total.
    pub max_connections: u32,
    /// Established connections to one peer. Must stay 1 for interop with go-libp2p: with two
    /// connections go-pubsub keeps one inbound stream per peer and resets the other, and
    /// rust-libp2p 0.50's gossipsub handler disables itself on a connection after 5 substream
    /// attempts (successful or not, never reset), after which that peer's gossip is refused.
    pub max_connections_per_peer: u32,
    /// Connections being set up, in each direction.
    pub max_pending_connections: u32,
    /// Peers found by Kademlia are dialed while fewer than this many are connected.
    pub target_peers: usize,
    /// Sustained gossip messages plus requests per second accepted from one peer.
    pub peer_messages_per_second: u32,
    /// Burst above the sustained rate.
    pub peer_burst: u32,
    /// Bytes of undelivered events held for Java before new ones are dropped.
    pub event_queue_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_gossip_bytes: 4 << 20,
            max_request_bytes: 1 << 20,
            max_response_bytes: 16 << 20,
            max_connections: 128,
            max_connections_per_peer: 1,
            max_pending_connections: 32,
            target_peers: 50,
            peer_messages_per_second: 500,
            peer_burst: 1000,
            event_queue_bytes: 64 << 20,
        }
    }
}

/// Everything [`super::host::Host::start`] needs besides the secret key.
#[derive(Clone, Debug)]
pub struct HostConfig {
    pub network: String,
    pub kad_server: bool,
    pub listen: Vec<Multiaddr>,
    pub bootnodes: Vec<Multiaddr>,
    pub limits: Limits,
    pub request_timeout: Duration,
    pub heartbeat: Duration,
    pub bootstrap_interval: Duration,
    pub idle_timeout: Duration,
    pub worker_threads: usize,
}

impl HostConfig {
    /// A configuration listening on an OS-chosen loopback port, tuned for fast tests.
    pub fn loopback(network: &str) -> Self {
        HostConfig {
            network: network.to_string(),
            kad_server: true,
            listen: vec!["/ip4/127.0.0.1/tcp/0"
                .parse()
                .expect("a valid literal multiaddr")],
            bootnodes: Vec::new(),
            limits: Limits::default(),
            request_timeout: Duration::from_secs(10),
            heartbeat: Duration::from_millis(150),
            bootstrap_interval: Duration::from_secs(1),
            idle_timeout: Duration::from_secs(60),
            worker_threads: 1,
        }
    }

    /// The gossipsub topic of one shard's message kind: `/fugue/<network>/<shard>/<kind>`.
    pub fn topic(&self, shard: u32, kind: &str) -> String {
        format!("/fugue/{}/{}/{}", self.network, shard, kind)
    }

    pub fn kad_protocol(&self) -> String {
        format!("/fugue/{}/kad/1.0.0", self.network)
    }

    pub fn sync_protocol(&self) -> String {
        format!("/fugue/{}/sync/1", self.network)
    }

    pub fn decode(bytes: &[u8]) -> NativeResult<HostConfig> {
        let mut r = Reader::new(bytes);
        let version = r.u8("config version")?;
        if version != CONFIG_VERSION {
            return invalid(format!(
                "config version {version}, expected {CONFIG_VERSION}"
            ));
        }
        let network = r.string("network")?;
        if network.is_empty()
            || !network
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            return invalid("network name must be non-empty ASCII letters, digits or '-'");
        }
        let kad_server = r.bool("kad server")?;
        let listen = parse_addrs(r.strings("listen addresses")?)?;
        let bootnodes = parse_addrs(r.strings("bootnodes")?)?;
        let limits = Limits {
            max_gossip_bytes: positive(r.u32("max gossip bytes")?, "max gossip bytes")?,
            max_request_bytes: positive(r.u32("max request bytes")?, "max request bytes")?,
            max_response_bytes: positive(r.u32("max response bytes")?, "max response bytes")?,
            max_connections: r.u32("max connections")?,
            max_connections_per_peer: r.u32("max connections per peer")?,
            max_pending_connections: r.u32("max pending connections")?,
            target_peers: r.u32("target peers")? as usize,
            peer_messages_per_second: r.u32("peer messages per second")?,
            peer_burst: r.u32("peer burst")?,
            event_queue_bytes: positive(r.u32("event queue bytes")?, "event queue bytes")?,
        };
        let config = HostConfig {
            network,
            kad_server,
            listen,
            bootnodes,
            limits,
            request_timeout: millis(r.u32("request timeout")?),
            heartbeat: millis(r.u32("heartbeat")?),
            bootstrap_interval: millis(r.u32("bootstrap interval")?),
            idle_timeout: millis(r.u32("idle timeout")?),
            worker_threads: r.u32("worker threads")? as usize,
        };
        r.finish("config")?;
        config.check()?;
        Ok(config)
    }

    /// The inverse of [`HostConfig::decode`]; Rust tests use it to exercise the same path as Java.
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::new();
        let l = &self.limits;
        let listen: Vec<String> = self.listen.iter().map(|a| a.to_string()).collect();
        let boot: Vec<String> = self.bootnodes.iter().map(|a| a.to_string()).collect();
        w.u8(CONFIG_VERSION)
            .string(&self.network)
            .bool(self.kad_server);
        w.strings(&listen).strings(&boot);
        for v in [
            l.max_gossip_bytes,
            l.max_request_bytes,
            l.max_response_bytes,
        ] {
            w.u32(v as u32);
        }
        w.u32(l.max_connections)
            .u32(l.max_connections_per_peer)
            .u32(l.max_pending_connections);
        w.u32(l.target_peers as u32)
            .u32(l.peer_messages_per_second)
            .u32(l.peer_burst);
        w.u32(l.event_queue_bytes as u32);
        for d in [
            self.request_timeout,
            self.heartbeat,
            self.bootstrap_interval,
            self.idle_timeout,
        ] {
            w.u32(d.as_millis() as u32);
        }
        w.u32(self.worker_threads as u32);
        w.buf
    }

    fn check(&self) -> NativeResult<()> {
        if !(1..=2).contains(&self.worker_threads) {
            return invalid("worker threads must be 1 or 2");
        }
        if self.heartbeat < Duration::from_millis(10) {
            return invalid("heartbeat must be at least 10 ms");
        }
        if self.request_timeout.is_zero() || self.bootstrap_interval.is_zero() {
            return invalid("request timeout and bootstrap interval must be positive");
        }
        if self.limits.max_gossip_bytes > (64 << 20) || self.limits.max_response_bytes > (256 << 20)
        {
            return invalid("gossip limit is capped at 64 MiB and response limit at 256 MiB");
        }
        Ok(())
    }
}

fn parse_addrs(raw: Vec<String>) -> NativeResult<Vec<Multiaddr>> {
    raw.into_iter()
        .map(|s| {
            s.parse::<Multiaddr>()
                .or_else(|e| invalid(format!("bad multiaddr {s:?}: {e}")))
        })
        .collect()
}

fn positive(v: u32, what: &str) -> NativeResult<usize> {
    if v == 0 {
        invalid(format!("{what} must be positive"))
    } else {
        Ok(v as usize)
    }
}

fn millis(v: u32) -> Duration {
    Duration::from_millis(u64::from(v))
}
