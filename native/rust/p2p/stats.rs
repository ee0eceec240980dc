//! Counters shared between the swarm task and Java, readable without a round trip to the task.

use std::sync::atomic::{AtomicU64, Ordering};

/// The order of [`Stats::snapshot`], which `io.fugue.chain.p2p` mirrors.
pub const STAT_NAMES: [&str; 19] = [
    "peers",
    "gossip_in_messages",
    "gossip_in_bytes",
    "gossip_out_messages",
    "gossip_out_bytes",
    "gossip_oversize_dropped",
    "rate_limited_dropped",
    "events_dropped",
    "requests_in",
    "requests_out",
    "inbound_request_failures",
    "outbound_request_failures",
    "connection_errors",
    "response_bytes_in",
    "connections",
    "bans",
    "banned_peers",
    "penalties",
    "duplicate_connections_closed",
];

#[derive(Default)]
pub struct Stats {
    pub peers: AtomicU64,
    pub gossip_in_messages: AtomicU64,
    pub gossip_in_bytes: AtomicU64,
    pub gossip_out_messages: AtomicU64,
    pub gossip_out_bytes: AtomicU64,
    pub gossip_oversize_dropped: AtomicU64,
    pub rate_limited_dropped: AtomicU64,
    pub events_dropped: AtomicU64,
    pub requests_in: AtomicU64,
    pub requests_out: AtomicU64,
    pub inbound_request_failures: AtomicU64,
    pub outbound_request_failures: AtomicU64,
    pub connection_errors: AtomicU64,
    pub response_bytes_in: AtomicU64,
    /// Established connections (every peer has at most `max_connections_per_peer`).
    pub connections: AtomicU64,
    /// Bans imposed (graylisted score or repeated invalid traffic).
    pub bans: AtomicU64,
    /// Peers banned now.
    pub banned_peers: AtomicU64,
    /// Invalid consensus or sync traffic reported by Java.
    pub penalties: AtomicU64,
    /// Extra connections to an already connected peer closed by the shared keep rule.
    pub duplicate_connections_closed: AtomicU64,
}

/// Adds `n` to a counter; relaxed ordering suffices for monotonic statistics.
pub fn add(counter: &AtomicU64, n: u64) {
    counter.fetch_add(n, Ordering::Relaxed);
}

/// Subtracts `n` from a gauge.
pub fn sub(counter: &AtomicU64, n: u64) {
    counter.fetch_sub(n, Ordering::Relaxed);
}

impl Stats {
    pub fn snapshot(&self) -> [u64; 19] {
        let all = [
            &self.peers,
            &self.gossip_in_messages,
            &self.gossip_in_bytes,
            &self.gossip_out_messages,
            &self.gossip_out_bytes,
            &self.gossip_oversize_dropped,
            &self.rate_limited_dropped,
            &self.events_dropped,
            &self.requests_in,
            &self.requests_out,
            &self.inbound_request_failures,
            &self.outbound_request_failures,
            &self.connection_errors,
            &self.response_bytes_in,
            &self.connections,
            &self.bans,
            &self.banned_peers,
            &self.penalties,
            &self.duplicate_connections_closed,
        ];
        all.map(|c| c.load(Ordering::Relaxed))
    }
}
