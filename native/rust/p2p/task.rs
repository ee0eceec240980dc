//! The swarm task: the only owner of the swarm. It serves commands from Java and turns swarm
//! events into queued [`Event`]s, applying the inbound limits on the way.

use std::collections::HashMap;
use std::sync::mpsc::SyncSender;
use std::sync::Arc;
use std::time::Instant;

use futures::StreamExt;
use libp2p::gossipsub::{self, IdentTopic, MessageAcceptance, MessageId};
use libp2p::request_response::{self, OutboundRequestId, ResponseChannel};
use libp2p::swarm::dial_opts::{DialOpts, PeerCondition};
use libp2p::swarm::{ConnectionId, SwarmEvent};
use libp2p::{identify, kad, PeerId, Swarm};
use tokio::sync::mpsc::Receiver;

use super::behaviour::{Behaviour, BehaviourEvent};
use super::command::Command;
use super::config::HostConfig;
use super::events::{Event, EventQueue};
use super::ratelimit::PeerRateLimiter;
use super::score;
use super::stats::{add, sub, Stats};

/// A command and where to send its outcome (a reply payload or an error message).
pub type Envelope = (Command, SyncSender<Result<Vec<u8>, String>>);

/// Inbound requests Java has not answered yet are pruned of closed channels above this count.
const INBOUND_PRUNE_AT: usize = 64;

pub struct Task {
    config: HostConfig,
    events: Arc<EventQueue>,
    stats: Arc<Stats>,
    rate: PeerRateLimiter,
    inbound: HashMap<u64, ResponseChannel<Vec<u8>>>,
    next_inbound: u64,
    outbound: HashMap<OutboundRequestId, u64>,
    /// Java-reported misbehaviour per peer: count and start of the current window.
    misbehaviour: HashMap<PeerId, (u32, Instant)>,
    /// Banned peers and when their ban ends.
    banned: HashMap<PeerId, Instant>,
    /// Each connected peer's established connections, oldest first: id, whether this host
    /// dialed it, when it was established.
    connections: HashMap<PeerId, Vec<(ConnectionId, bool, Instant)>>,
}

impl Task {
    pub fn new(config: HostConfig, events: Arc<EventQueue>, stats: Arc<Stats>) -> Self {
        let rate = PeerRateLimiter::new(
            config.limits.peer_messages_per_second,
            config.limits.peer_burst,
        );
        Task {
            config,
            events,
            stats,
            rate,
            inbound: HashMap::new(),
            next_inbound: 1,
            outbound: HashMap::new(),
            misbehaviour: HashMap::new(),
            banned: HashMap::new(),
            connections: HashMap::new(),
        }
    }

    /// Runs until a `Stop` command arrives or every command sender is gone.
    pub async fn run(mut self, mut swarm: Swarm<Behaviour>, mut commands: Receiver<Envelope>) {
        let mut sweep = tokio::time::interval(self.config.heartbeat);
        sweep.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tokio::select! {
                _ = sweep.tick() => self.sweep(&mut swarm),
                cmd = commands.recv() => match cmd {
                    None => break,
                    Some((Command::Stop, reply)) => {
                        let _ = reply.try_send(Ok(Vec::new()));
                        break;
                    }
                    Some((cmd, reply)) => {
                        let outcome = self.command(&mut swarm, cmd);
                        let _ = reply.try_send(outcome);
                    }
                },
                event = swarm.select_next_some() => self.swarm_event(&mut swarm, event),
            }
        }
        self.events.close();
    }

    fn emit(&self, event: Event) -> bool {
        let kept = self.events.push(&event);
        if !kept {
            add(&self.stats.events_dropped, 1);
        }
        kept
    }

    fn command(&mut self, swarm: &mut Swarm<Behaviour>, cmd: Command) -> Result<Vec<u8>, String> {
        let none = Ok(Vec::new());
        match cmd {
            Command::Listen(addr) => swarm
                .listen_on(addr)
                .map(|_| Vec::new())
                .map_err(|e| e.to_string()),
            Command::Dial(addr) => swarm
                .dial(addr)
                .map(|_| Vec::new())
                .map_err(|e| e.to_string()),
            Command::AddPeer(peer, addr) => {
                swarm.behaviour_mut().kad.add_address(&peer, addr.clone());
                swarm.add_peer_address(peer, addr);
                let _ = swarm.behaviour_mut().kad.bootstrap();
                dial_peer(swarm, peer);
                none
            }
            Command::Bootstrap => swarm
                .behaviour_mut()
                .kad
                .bootstrap()
                .map(|_| Vec::new())
                .map_err(|_| "no known peers to bootstrap from".to_string()),
            Command::Subscribe(topic) => {
                let gossip = &mut swarm.behaviour_mut().gossip;
                let params = score::topic_params(&topic);
                let topic = IdentTopic::new(topic);
                gossip
                    .set_topic_params(topic.clone(), params)
                    .map_err(|e| format!("topic score parameters: {e}"))?;
                gossip
                    .subscribe(&topic)
                    .map(|_| Vec::new())
                    .map_err(|e| format!("subscribe failed: {e:?}"))
            }
            Command::Unsubscribe(topic) => {
                swarm
                    .behaviour_mut()
                    .gossip
                    .unsubscribe(&IdentTopic::new(topic));
                none
            }
            Command::Publish { topic, data } => self.publish(swarm, topic, data),
            Command::Validate {
                msg_id,
                propagation,
                verdict,
            } => {
                swarm
                    .behaviour_mut()
                    .gossip
                    .report_message_validation_result(&MessageId(msg_id), &propagation, verdict);
                none
            }
            Command::Request { id, peer, data } => {
                if data.len() > self.config.limits.max_request_bytes {
                    return Err(format!("request of {} bytes exceeds the limit", data.len()));
                }
                let rid = swarm.behaviour_mut().sync.send_request(&peer, data);
                self.outbound.insert(rid, id);
                add(&self.stats.requests_out, 1);
                none
            }
            Command::Respond { id, data } => self.respond(swarm, id, data),
            Command::DropRequest { id } => {
                self.inbound.remove(&id);
                none
            }
            Command::Ban(peer) => {
                swarm.behaviour_mut().blocked.block_peer(peer);
                none
            }
            Command::Unban(peer) => {
                swarm.behaviour_mut().blocked.unblock_peer(peer);
                none
            }
            Command::Peers => {
                let peers: Vec<String> = swarm.connected_peers().map(|p| p.to_string()).collect();
                let mut w = super::wire::Writer::new();
                w.strings(&peers);
                Ok(w.buf)
            }
            Command::Penalize(peer) => {
                add(&self.stats.penalties, 1);
                self.penalize(swarm, peer, Instant::now());
                none
            }
            Command::PeerScores => {
                let gossip = &swarm.behaviour().gossip;
                let peers: Vec<PeerId> = swarm.connected_peers().copied().collect();
                let mut w = super::wire::Writer::new();
                w.u32(peers.len() as u32);
                for p in peers {
                    let score = gossip.peer_score(&p).unwrap_or(0.0);
                    w.string(&p.to_string()).u64(score.to_bits());
                }
                Ok(w.buf)
            }
            Command::Stop => none,
        }
    }

    /// Counts one piece of invalid traffic; [`score::MISBEHAVIOUR_LIMIT`] within the window bans.
    fn penalize(&mut self, swarm: &mut Swarm<Behaviour>, peer: PeerId, now: Instant) {
        let entry = self.misbehaviour.entry(peer).or_insert((0, now));
        if now.duration_since(entry.1) > score::MISBEHAVIOUR_WINDOW {
            *entry = (0, now);
        }
        entry.0 += 1;
        if entry.0 >= score::MISBEHAVIOUR_LIMIT {
            self.misbehaviour.remove(&peer);
            self.ban(swarm, peer, now, "repeated invalid traffic");
        }
    }

    fn ban(&mut self, swarm: &mut Swarm<Behaviour>, peer: PeerId, now: Instant, why: &str) {
        if self
            .banned
            .insert(peer, now + score::BAN_DURATION)
            .is_none()
        {
            add(&self.stats.bans, 1);
            add(&self.stats.banned_peers, 1);
            tracing_ban(&peer, why);
        }
        // Blocking closes every connection to the peer and refuses new ones.
        swarm.behaviour_mut().blocked.block_peer(peer);
    }

    /// Bans graylisted peers and lifts expired bans; runs every heartbeat.
    fn sweep(&mut self, swarm: &mut Swarm<Behaviour>) {
        let now = Instant::now();
        let keep = self.config.limits.max_connections_per_peer as usize;
        let crowded: Vec<PeerId> = self
            .connections
            .iter()
            .filter(|(_, list)| list.len() > keep)
            .map(|(p, _)| *p)
            .collect();
        for peer in crowded {
            // Long enough for a peer running this rule to see both connections and close its
            // own loser first (then neither side ever drops to no connection).
            let stale = (self.config.heartbeat * 3).max(std::time::Duration::from_secs(2));
            self.settle_duplicates(swarm, peer, Some(stale));
        }
        let graylisted: Vec<PeerId> = swarm
            .connected_peers()
            .filter(|p| {
                swarm
                    .behaviour()
                    .gossip
                    .peer_score(p)
                    .is_some_and(|s| s < score::GRAYLIST)
            })
            .copied()
            .collect();
        for peer in graylisted {
            self.ban(
                swarm,
                peer,
                now,
                "gossip score below the graylist threshold",
            );
        }
        let expired: Vec<PeerId> = self
            .banned
            .iter()
            .filter(|(_, until)| **until <= now)
            .map(|(p, _)| *p)
            .collect();
        for peer in expired {
            self.banned.remove(&peer);
            sub(&self.stats.banned_peers, 1);
            swarm.behaviour_mut().blocked.unblock_peer(peer);
        }
    }

    fn publish(
        &mut self,
        swarm: &mut Swarm<Behaviour>,
        topic: String,
        data: Vec<u8>,
    ) -> Result<Vec<u8>, String> {
        let len = data.len();
        if len > self.config.limits.max_gossip_bytes {
            add(&self.stats.gossip_oversize_dropped, 1);
            return Err(format!("message of {len} bytes exceeds the gossip limit"));
        }
        match swarm
            .behaviour_mut()
            .gossip
            .publish(IdentTopic::new(topic), data)
        {
            Ok(id) => {
                add(&self.stats.gossip_out_messages, 1);
                add(&self.stats.gossip_out_bytes, len as u64);
                Ok(id.0)
            }
            Err(gossipsub::PublishError::NoPeersSubscribedToTopic) => {
                Err("no peers subscribed to topic".to_string())
            }
            Err(e) => Err(format!("publish failed: {e}")),
        }
    }

    fn respond(
        &mut self,
        swarm: &mut Swarm<Behaviour>,
        id: u64,
        data: Vec<u8>,
    ) -> Result<Vec<u8>, String> {
        let Some(channel) = self.inbound.remove(&id) else {
            return Err(format!(
                "inbound request {id} is unknown, answered or expired"
            ));
        };
        if data.len() > self.config.limits.max_response_bytes {
            return Err(format!(
                "response of {} bytes exceeds the limit",
                data.len()
            ));
        }
        swarm
            .behaviour_mut()
            .sync
            .send_response(channel, data)
            .map(|_| Vec::new())
            .map_err(|_| format!("inbound request {id}: connection closed before the response"))
    }

    /// Keeps `max_connections_per_peer` connections to `peer` and closes the rest, by a rule
    /// both ends compute alike: connections dialed by the peer with the smaller id first (so a
    /// simultaneous dial keeps the same connection on both sides, never neither), then the
    /// oldest. Each side closes only the losers it dialed itself, once it holds the winner too,
    /// so neither side ever drops to no connection; a loser the peer dialed and did not close
    /// (a peer that does not run this rule) is closed by the sweep after `stale_after`.
    /// Without it, each side would refuse the other's connection at once and the two would stay
    /// apart until the next dial.
    fn settle_duplicates(
        &mut self,
        swarm: &mut Swarm<Behaviour>,
        peer: PeerId,
        stale_after: Option<std::time::Duration>,
    ) {
        let keep = self.config.limits.max_connections_per_peer as usize;
        let Some(list) = self.connections.get(&peer) else {
            return;
        };
        if list.len() <= keep {
            return;
        }
        let me = *swarm.local_peer_id();
        let smaller_dials = |dialed_by_me: bool| {
            let dialer = if dialed_by_me { me } else { peer };
            let other = if dialed_by_me { peer } else { me };
            dialer.to_bytes() < other.to_bytes()
        };
        let mut ranked: Vec<(bool, usize, ConnectionId, bool, Instant)> = list
            .iter()
            .enumerate()
            .map(|(age, (id, by_me, at))| (!smaller_dials(*by_me), age, *id, *by_me, *at))
            .collect();
        // Preferred first: dialed by the smaller id, then older.
        ranked.sort_by_key(|(not_preferred, age, ..)| (*not_preferred, *age));
        let now = Instant::now();
        for (_, _, id, by_me, at) in ranked.into_iter().skip(keep) {
            let stale = stale_after.is_some_and(|after| now.duration_since(at) >= after);
            if by_me || stale {
                add(&self.stats.duplicate_connections_closed, 1);
                swarm.close_connection(id);
            }
        }
    }

    fn swarm_event(&mut self, swarm: &mut Swarm<Behaviour>, event: SwarmEvent<BehaviourEvent>) {
        match event {
            SwarmEvent::NewListenAddr { address, .. } => {
                self.emit(Event::Listen {
                    addr: address.to_string(),
                });
            }
            // Java sees a peer once, however many connections it has.
            SwarmEvent::ConnectionEstablished {
                peer_id,
                connection_id,
                endpoint,
                num_established,
                ..
            } => {
                add(&self.stats.connections, 1);
                let dialed_by_me = endpoint.is_dialer();
                self.connections.entry(peer_id).or_default().push((
                    connection_id,
                    dialed_by_me,
                    Instant::now(),
                ));
                self.settle_duplicates(swarm, peer_id, None);
                if num_established.get() == 1 {
                    add(&self.stats.peers, 1);
                    self.emit(Event::Connected {
                        peer: peer_id.to_string(),
                        addr: endpoint.get_remote_address().to_string(),
                        inbound: endpoint.is_listener(),
                    });
                }
            }
            SwarmEvent::ConnectionClosed {
                peer_id,
                connection_id,
                num_established,
                ..
            } => {
                sub(&self.stats.connections, 1);
                if let Some(list) = self.connections.get_mut(&peer_id) {
                    list.retain(|(id, _, _)| *id != connection_id);
                    if list.is_empty() {
                        self.connections.remove(&peer_id);
                    }
                }
                if num_established == 0 {
                    sub(&self.stats.peers, 1);
                    self.rate.forget(&peer_id);
                    self.emit(Event::Disconnected {
                        peer: peer_id.to_string(),
                    });
                }
            }
            SwarmEvent::IncomingConnectionError { .. } => add(&self.stats.connection_errors, 1),
            SwarmEvent::Behaviour(BehaviourEvent::Identify(e)) => self.identified(swarm, e),
            // Gossipsub never dials: peers found by kad are dialed so small shards still mesh.
            SwarmEvent::Behaviour(BehaviourEvent::Kad(kad::Event::RoutingUpdated {
                peer, ..
            })) if swarm.connected_peers().count() < self.config.limits.target_peers => {
                dial_peer(swarm, peer);
            }
            SwarmEvent::Behaviour(BehaviourEvent::Gossip(e)) => self.gossip(swarm, e),
            SwarmEvent::Behaviour(BehaviourEvent::Sync(e)) => self.sync(swarm, e),
            _ => {}
        }
    }

    fn identified(&mut self, swarm: &mut Swarm<Behaviour>, event: identify::Event) {
        let identify::Event::Received { peer_id, info, .. } = event else {
            return;
        };
        let kad_protocol = self.config.kad_protocol();
        // Only peers that serve our kad protocol go into the routing table: a kad client or a
        // peer of another network would be handed out to others as a useless contact.
        if info.protocols.iter().any(|p| p.as_ref() == kad_protocol) {
            for addr in &info.listen_addrs {
                swarm
                    .behaviour_mut()
                    .kad
                    .add_address(&peer_id, addr.clone());
            }
        }
        self.emit(Event::Identified {
            peer: peer_id.to_string(),
            agent: info.agent_version,
            protocol: info.protocol_version,
            listen: info.listen_addrs.iter().map(|a| a.to_string()).collect(),
        });
    }

    fn gossip(&mut self, swarm: &mut Swarm<Behaviour>, event: gossipsub::Event) {
        let gossipsub::Event::Message {
            propagation_source,
            message_id,
            message,
        } = event
        else {
            return;
        };
        let verdict = if message.data.len() > self.config.limits.max_gossip_bytes {
            add(&self.stats.gossip_oversize_dropped, 1);
            Some(MessageAcceptance::Reject)
        } else if !self.rate.allow(&propagation_source, Instant::now()) {
            add(&self.stats.rate_limited_dropped, 1);
            Some(MessageAcceptance::Ignore)
        } else {
            add(&self.stats.gossip_in_messages, 1);
            add(&self.stats.gossip_in_bytes, message.data.len() as u64);
            let delivered = self.emit(Event::Gossip {
                msg_id: message_id.0.clone(),
                propagation: propagation_source.to_string(),
                source: message.source.map(|p| p.to_string()).unwrap_or_default(),
                topic: message.topic.into_string(),
                data: message.data,
            });
            // A message Java never sees must not wait in the cache for a verdict.
            (!delivered).then_some(MessageAcceptance::Ignore)
        };
        if let Some(verdict) = verdict {
            swarm
                .behaviour_mut()
                .gossip
                .report_message_validation_result(&message_id, &propagation_source, verdict);
        }
    }

    fn sync(
        &mut self,
        swarm: &mut Swarm<Behaviour>,
        event: request_response::Event<Vec<u8>, Vec<u8>>,
    ) {
        use request_response::{Event as E, Message as M};
        match event {
            E::Message {
                peer,
                message: M::Request {
                    request, channel, ..
                },
                ..
            } => {
                if !self.rate.allow(&peer, Instant::now()) {
                    add(&self.stats.rate_limited_dropped, 1);
                    return; // dropping the channel fails the request at the requester
                }
                add(&self.stats.requests_in, 1);
                if self.inbound.len() >= INBOUND_PRUNE_AT {
                    self.inbound.retain(|_, ch| ch.is_open());
                }
                let id = self.next_inbound;
                self.next_inbound += 1;
                if self.emit(Event::InboundRequest {
                    id,
                    peer: peer.to_string(),
                    data: request,
                }) {
                    self.inbound.insert(id, channel);
                }
            }
            E::Message {
                peer,
                message:
                    M::Response {
                        request_id,
                        response,
                    },
                ..
            } => {
                if let Some(id) = self.outbound.remove(&request_id) {
                    add(&self.stats.response_bytes_in, response.len() as u64);
                    self.emit(Event::Response {
                        id,
                        peer: peer.to_string(),
                        data: response,
                    });
                }
            }
            E::OutboundFailure {
                peer,
                request_id,
                error,
                ..
            } => {
                add(&self.stats.outbound_request_failures, 1);
                if let Some(id) = self.outbound.remove(&request_id) {
                    let reason = error.to_string();
                    self.emit(Event::RequestFailed {
                        id,
                        peer: peer.to_string(),
                        reason,
                    });
                }
            }
            E::InboundFailure { peer, error, .. } => {
                add(&self.stats.inbound_request_failures, 1);
                // An I/O failure reading a request is the requester's doing (oversize or
                // malformed frame); timeouts and closed connections may be ours.
                if matches!(error, request_response::InboundFailure::Io(_)) {
                    add(&self.stats.penalties, 1);
                    self.penalize(swarm, peer, Instant::now());
                }
            }
            E::ResponseSent { .. } => {}
        }
    }
}

/// Bans are rare and an operator wants to see them; the event queue is for Java, so stderr
/// (where the JVM's native output goes) carries the line.
fn tracing_ban(peer: &PeerId, why: &str) {
    eprintln!(
        "fugue-p2p: banned {peer} for {}s: {why}",
        score::BAN_DURATION.as_secs()
    );
}

fn dial_peer(swarm: &mut Swarm<Behaviour>, peer: PeerId) {
    if peer == *swarm.local_peer_id() || swarm.is_connected(&peer) {
        return;
    }
    let opts = DialOpts::peer_id(peer)
        .condition(PeerCondition::DisconnectedAndNotDialing)
        .build();
    let _ = swarm.dial(opts);
}
