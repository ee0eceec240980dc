//! The composed network behaviour and the swarm built from a [`HostConfig`].

use libp2p::identity::Keypair;
use libp2p::request_response::{self, ProtocolSupport};
use libp2p::swarm::NetworkBehaviour;
use libp2p::{
    allow_block_list, connection_limits, gossipsub, identify, kad, noise, ping, tcp, yamux,
    StreamProtocol, Swarm, SwarmBuilder,
};

use super::codec::SyncCodec;
use super::config::HostConfig;
use super::stats::Stats;
use crate::jni_util::{NativeError, NativeResult};
use std::sync::Arc;

/// Frames up to this much larger than the gossip limit are still decoded, so that an oversize
/// message can be seen, counted and rejected by [`super::task`]; larger frames are refused by
/// gossipsub's codec before they are buffered.
pub const GOSSIP_FRAME_SLACK: usize = 64 << 10;

pub const AGENT: &str = concat!("fugue/", env!("CARGO_PKG_VERSION"));

#[derive(NetworkBehaviour)]
pub struct Behaviour {
    pub blocked: allow_block_list::Behaviour<allow_block_list::BlockedPeers>,
    pub limits: connection_limits::Behaviour,
    pub identify: identify::Behaviour,
    pub ping: ping::Behaviour,
    pub kad: kad::Behaviour<kad::store::MemoryStore>,
    pub gossip: gossipsub::Behaviour,
    pub sync: request_response::Behaviour<SyncCodec>,
}

fn internal(what: &str, e: impl std::fmt::Display) -> NativeError {
    NativeError::Internal(format!("{what}: {e}"))
}

fn protocol(name: String) -> NativeResult<StreamProtocol> {
    StreamProtocol::try_from_owned(name).map_err(|e| internal("protocol name", e))
}

fn gossip_config(cfg: &HostConfig) -> NativeResult<gossipsub::Config> {
    gossipsub::ConfigBuilder::default()
        .heartbeat_interval(cfg.heartbeat)
        .max_transmit_size(2 * cfg.limits.max_gossip_bytes + GOSSIP_FRAME_SLACK)
        // Java validates every message (block, vote, transaction) before it is forwarded.
        .validate_messages()
        .validation_mode(gossipsub::ValidationMode::Strict)
        .build()
        .map_err(|e| internal("gossipsub config", e))
}

fn build_behaviour(key: &Keypair, cfg: &HostConfig, stats: Arc<Stats>) -> NativeResult<Behaviour> {
    let peer_id = key.public().to_peer_id();
    let l = &cfg.limits;
    let mut gossip = gossipsub::Behaviour::new(
        gossipsub::MessageAuthenticity::Signed(key.clone()),
        gossip_config(cfg)?,
    )
    .map_err(|e| internal("gossipsub", e))?;
    gossip
        .with_peer_score(super::score::params(), super::score::thresholds())
        .map_err(|e| internal("gossipsub peer score", e))?;

    let mut kad_config = kad::Config::new(protocol(cfg.kad_protocol())?);
    kad_config.set_periodic_bootstrap_interval(Some(cfg.bootstrap_interval));
    let mut kad =
        kad::Behaviour::with_config(peer_id, kad::store::MemoryStore::new(peer_id), kad_config);
    // Without a confirmed external address kad stays a client and is never added to others'
    // routing tables; on loopback nothing confirms one, so servers are set explicitly.
    kad.set_mode(cfg.kad_server.then_some(kad::Mode::Server));

    let sync = request_response::Behaviour::with_codec(
        SyncCodec {
            max_request: l.max_request_bytes,
            max_response: l.max_response_bytes,
            stats,
        },
        [(protocol(cfg.sync_protocol())?, ProtocolSupport::Full)],
        request_response::Config::default()
            .with_request_timeout(cfg.request_timeout)
            .with_max_concurrent_streams(64),
    );
    let limits = connection_limits::ConnectionLimits::default()
        .with_max_established(Some(l.max_connections))
        // One more than the steady state: when two peers dial each other at once, both
        // connections are admitted for a moment and the task keeps one by a rule both sides
        // share (task.rs, `settle_duplicates`), rather than each side refusing the other's.
        .with_max_established_per_peer(Some(l.max_connections_per_peer.saturating_add(1)))
        .with_max_pending_incoming(Some(l.max_pending_connections))
        .with_max_pending_outgoing(Some(l.max_pending_connections));
    let identify = identify::Behaviour::new(
        identify::Config::new(format!("/fugue/{}/1.0.0", cfg.network), key.public())
            .with_agent_version(AGENT.to_string()),
    );
    Ok(Behaviour {
        blocked: allow_block_list::Behaviour::default(),
        limits: connection_limits::Behaviour::new(limits),
        identify,
        ping: ping::Behaviour::default(),
        kad,
        gossip,
        sync,
    })
}

/// Builds the swarm; must run inside the host's tokio runtime.
pub fn build_swarm(
    key: Keypair,
    cfg: &HostConfig,
    stats: Arc<Stats>,
) -> NativeResult<Swarm<Behaviour>> {
    let mut failure = None;
    let swarm = SwarmBuilder::with_existing_identity(key)
        .with_tokio()
        .with_tcp(
            tcp::Config::default().nodelay(true),
            noise::Config::new,
            yamux::Config::default,
        )
        .map_err(|e| internal("noise", e))?
        .with_behaviour(|key| match build_behaviour(key, cfg, stats) {
            Ok(b) => Ok(b),
            Err(e) => {
                let msg = e.to_string();
                failure = Some(e);
                Err(msg.into())
            }
        })
        .map_err(|e| failure.take().unwrap_or_else(|| internal("behaviour", e)))?
        .with_swarm_config(|c| c.with_idle_connection_timeout(cfg.idle_timeout))
        .build();
    Ok(swarm)
}
