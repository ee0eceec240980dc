//! Per-peer token buckets for inbound gossip messages and requests.

use std::collections::HashMap;
use std::time::Instant;

use libp2p::PeerId;

struct Bucket {
    tokens: f64,
    refilled: Instant,
}

/// Allows each peer `rate` messages per second with bursts of up to `burst`; `rate == 0` turns
/// limiting off.
pub struct PeerRateLimiter {
    rate: f64,
    burst: f64,
    buckets: HashMap<PeerId, Bucket>,
}

impl PeerRateLimiter {
    pub fn new(rate: u32, burst: u32) -> Self {
        PeerRateLimiter {
            rate: f64::from(rate),
            burst: f64::from(burst.max(1)),
            buckets: HashMap::new(),
        }
    }

    /// Takes one token from `peer`'s bucket; false when the peer is over its rate.
    pub fn allow(&mut self, peer: &PeerId, now: Instant) -> bool {
        if self.rate <= 0.0 {
            return true;
        }
        let burst = self.burst;
        let bucket = self.buckets.entry(*peer).or_insert(Bucket {
            tokens: burst,
            refilled: now,
        });
        let elapsed = now.saturating_duration_since(bucket.refilled).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * self.rate).min(burst);
        bucket.refilled = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }

    /// Forgets a disconnected peer so the map stays bounded by the connection limit.
    pub fn forget(&mut self, peer: &PeerId) {
        self.buckets.remove(peer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn should_allow_a_burst_then_refuse_then_refill() {
        let mut limiter = PeerRateLimiter::new(10, 3);
        let peer = PeerId::random();
        let t0 = Instant::now();
        assert!((0..3).all(|_| limiter.allow(&peer, t0)));
        assert!(!limiter.allow(&peer, t0));
        assert!(limiter.allow(&peer, t0 + Duration::from_millis(100)));
        assert!(limiter.allow(&PeerId::random(), t0), "buckets are per peer");
    }

    #[test]
    fn should_not_limit_when_rate_is_zero() {
        let mut limiter = PeerRateLimiter::new(0, 0);
        let peer = PeerId::random();
        assert!((0..10_000).all(|_| limiter.allow(&peer, Instant::now())));
    }
}
