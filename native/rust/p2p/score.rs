//! Gossipsub peer scoring and the application-level ban.
//!
//! Scores follow the gossipsub v1.1 spec. Only penalties that an honest peer cannot earn on a
//! small network are switched on: P4 (invalid messages, i.e. Java's REJECT verdicts) weighted per
//! topic kind, and P7 (behaviour penalty: broken gossip protocol such as GRAFT during backoff or
//! unanswered IWANTs). P3/P3b (too few mesh deliveries) are off, because a quiet shard would
//! penalise every honest peer; IP colocation is off, because devnets and NATed operators share
//! one address. A peer whose score falls below [`GRAYLIST`] is ignored by gossipsub and, at the
//! next sweep, banned by the swarm task for [`BAN_DURATION`].

use std::time::Duration;

use libp2p::gossipsub::{PeerScoreParams, PeerScoreThresholds, TopicScoreParams};

/// Below this a peer's gossip is not forwarded to it (no IHAVE/IWANT).
pub const GOSSIP_THRESHOLD: f64 = -100.0;
/// Below this our own messages are not flood-published to the peer.
pub const PUBLISH_THRESHOLD: f64 = -200.0;
/// Below this every RPC from the peer is ignored, and the swarm task bans it.
pub const GRAYLIST: f64 = -400.0;
/// How long a ban (graylisted score or repeated invalid traffic) lasts.
pub const BAN_DURATION: Duration = Duration::from_secs(600);
/// Invalid consensus messages or sync requests reported by Java within
/// [`MISBEHAVIOUR_WINDOW`] that get a peer banned.
pub const MISBEHAVIOUR_LIMIT: u32 = 10;
pub const MISBEHAVIOUR_WINDOW: Duration = Duration::from_secs(60);

pub fn thresholds() -> PeerScoreThresholds {
    PeerScoreThresholds {
        gossip_threshold: GOSSIP_THRESHOLD,
        publish_threshold: PUBLISH_THRESHOLD,
        graylist_threshold: GRAYLIST,
        accept_px_threshold: 10.0,
        opportunistic_graft_threshold: 5.0,
    }
}

pub fn params() -> PeerScoreParams {
    PeerScoreParams {
        ip_colocation_factor_weight: 0.0,
        // P7: squared excess of protocol violations, decaying to 1/e in about 5 decay intervals.
        behaviour_penalty_weight: -10.0,
        behaviour_penalty_threshold: 0.0,
        behaviour_penalty_decay: 0.8,
        ..PeerScoreParams::default()
    }
}

/// The weight of an invalid message (P4, applied squared) on a topic of `kind`: consensus
/// messages are signed by known validators, so one bad one is a strong signal; a block may be
/// invalid because the receiver is behind; a transaction may be invalid after a race (nonce).
pub fn invalid_message_weight(kind: &str) -> f64 {
    match kind {
        "consensus" => -60.0,
        "blocks" => -30.0,
        _ => -10.0,
    }
}

/// Score parameters for a topic `/fugue/<network>/<shard>/<kind>`.
pub fn topic_params(topic: &str) -> TopicScoreParams {
    let kind = topic.rsplit('/').next().unwrap_or_default();
    TopicScoreParams {
        topic_weight: 1.0,
        // P1 and P2 reward staying in the mesh and delivering first, capped small so that a
        // long-lived peer cannot bank credit that outweighs a burst of invalid messages.
        time_in_mesh_weight: 0.01,
        time_in_mesh_quantum: Duration::from_secs(1),
        time_in_mesh_cap: 100.0,
        first_message_deliveries_weight: 1.0,
        first_message_deliveries_decay: 0.5,
        first_message_deliveries_cap: 50.0,
        mesh_message_deliveries_weight: 0.0,
        mesh_failure_penalty_weight: 0.0,
        invalid_message_deliveries_weight: invalid_message_weight(kind),
        invalid_message_deliveries_decay: 0.9,
        ..TopicScoreParams::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn should_be_valid_gossipsub_parameters() {
        assert!(thresholds().validate().is_ok());
        assert!(params().validate().is_ok());
        for kind in ["consensus", "blocks", "txs"] {
            assert!(topic_params(&format!("/fugue/n/1/{kind}"))
                .validate()
                .is_ok());
        }
    }

    #[test]
    fn should_graylist_after_a_few_invalid_consensus_messages_only() {
        // P4 is weight × count²: two invalid consensus messages stay above the graylist,
        // three fall below it; it takes seven invalid transactions.
        let w = invalid_message_weight("consensus");
        assert!(w * 4.0 > GRAYLIST && w * 9.0 < GRAYLIST);
        let t = invalid_message_weight("txs");
        assert!(t * 36.0 > GRAYLIST && t * 49.0 < GRAYLIST);
    }
}
