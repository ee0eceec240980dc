//! Commands from Java to the swarm task, decoded from the layout `io.fugue.chain.p2p` writes:
//! an opcode byte, then the opcode's fields (see [`super::wire`]).

use std::str::FromStr;

use libp2p::gossipsub::MessageAcceptance;
use libp2p::{Multiaddr, PeerId};

use super::wire::Reader;
use crate::jni_util::{invalid, NativeResult};

pub const OP_LISTEN: u8 = 1;
pub const OP_DIAL: u8 = 2;
pub const OP_ADD_PEER: u8 = 3;
pub const OP_BOOTSTRAP: u8 = 4;
pub const OP_SUBSCRIBE: u8 = 5;
pub const OP_UNSUBSCRIBE: u8 = 6;
pub const OP_PUBLISH: u8 = 7;
pub const OP_VALIDATE: u8 = 8;
pub const OP_REQUEST: u8 = 9;
pub const OP_RESPOND: u8 = 10;
pub const OP_DROP_REQUEST: u8 = 11;
pub const OP_BAN: u8 = 12;
pub const OP_UNBAN: u8 = 13;
pub const OP_PEERS: u8 = 14;
pub const OP_PENALIZE: u8 = 15;
pub const OP_PEER_SCORES: u8 = 16;

/// What Java asks the swarm to do. Replies are bytes: a message id for `Publish`, a list of
/// peer ids for `Peers`, empty otherwise.
#[derive(Debug)]
pub enum Command {
    Listen(Multiaddr),
    Dial(Multiaddr),
    /// A peer's address ending in `/p2p/<peer id>`: added to Kademlia and dialed (bootnodes).
    AddPeer(PeerId, Multiaddr),
    Bootstrap,
    Subscribe(String),
    Unsubscribe(String),
    Publish {
        topic: String,
        data: Vec<u8>,
    },
    Validate {
        msg_id: Vec<u8>,
        propagation: PeerId,
        verdict: MessageAcceptance,
    },
    /// `id` is chosen by Java, which registers its future before sending, so a fast failure
    /// can never race ahead of the registration.
    Request {
        id: u64,
        peer: PeerId,
        data: Vec<u8>,
    },
    Respond {
        id: u64,
        data: Vec<u8>,
    },
    /// Java will not answer this inbound request; the requester sees a failure at once.
    DropRequest {
        id: u64,
    },
    Ban(PeerId),
    Unban(PeerId),
    Peers,
    /// Java saw invalid consensus or sync traffic from this peer; repeated, it gets a ban.
    Penalize(PeerId),
    /// Connected peers with their gossipsub scores: `[u32 n] n × ([string peer][u64 f64 bits])`.
    PeerScores,
    Stop,
}

impl Command {
    pub fn decode(bytes: &[u8]) -> NativeResult<Command> {
        let mut r = Reader::new(bytes);
        let op = r.u8("opcode")?;
        let cmd = match op {
            OP_LISTEN => Command::Listen(addr(&mut r)?),
            OP_DIAL => Command::Dial(addr(&mut r)?),
            OP_ADD_PEER => {
                let a = addr(&mut r)?;
                let (peer, base) = split_peer(&a)?;
                Command::AddPeer(peer, base)
            }
            OP_BOOTSTRAP => Command::Bootstrap,
            OP_SUBSCRIBE => Command::Subscribe(r.string("topic")?),
            OP_UNSUBSCRIBE => Command::Unsubscribe(r.string("topic")?),
            OP_PUBLISH => Command::Publish {
                topic: r.string("topic")?,
                data: r.bytes("data")?,
            },
            OP_VALIDATE => Command::Validate {
                msg_id: r.bytes("message id")?,
                propagation: peer(&mut r)?,
                verdict: match r.u8("verdict")? {
                    0 => MessageAcceptance::Accept,
                    1 => MessageAcceptance::Reject,
                    2 => MessageAcceptance::Ignore,
                    v => return invalid(format!("unknown verdict {v}")),
                },
            },
            OP_REQUEST => Command::Request {
                id: r.u64("id")?,
                peer: peer(&mut r)?,
                data: r.bytes("data")?,
            },
            OP_RESPOND => Command::Respond {
                id: r.u64("id")?,
                data: r.bytes("data")?,
            },
            OP_DROP_REQUEST => Command::DropRequest { id: r.u64("id")? },
            OP_BAN => Command::Ban(peer(&mut r)?),
            OP_UNBAN => Command::Unban(peer(&mut r)?),
            OP_PEERS => Command::Peers,
            OP_PENALIZE => Command::Penalize(peer(&mut r)?),
            OP_PEER_SCORES => Command::PeerScores,
            other => return invalid(format!("unknown command opcode {other}")),
        };
        r.finish("command")?;
        Ok(cmd)
    }
}

fn addr(r: &mut Reader<'_>) -> NativeResult<Multiaddr> {
    let s = r.string("address")?;
    s.parse()
        .or_else(|e| invalid(format!("bad multiaddr {s:?}: {e}")))
}

fn peer(r: &mut Reader<'_>) -> NativeResult<PeerId> {
    let s = r.string("peer id")?;
    PeerId::from_str(&s).or_else(|e| invalid(format!("bad peer id {s:?}: {e}")))
}

/// Splits `/ip4/../tcp/../p2p/<id>` into the peer id and the address without it.
pub fn split_peer(addr: &Multiaddr) -> NativeResult<(PeerId, Multiaddr)> {
    let mut base = addr.clone();
    match base.pop() {
        Some(libp2p::multiaddr::Protocol::P2p(peer)) => Ok((peer, base)),
        _ => invalid(format!("address {addr} does not end in /p2p/<peer id>")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::p2p::wire::Writer;

    #[test]
    fn should_decode_a_request_command() {
        let peer = PeerId::random();
        let mut w = Writer::new();
        w.u8(OP_REQUEST)
            .u64(42)
            .string(&peer.to_string())
            .bytes(&[1, 2, 3]);
        match Command::decode(&w.buf).expect("decodes") {
            Command::Request { id, peer: p, data } => {
                assert_eq!((id, p, data), (42, peer, vec![1, 2, 3]));
            }
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn should_reject_unknown_opcode_trailing_bytes_and_bad_peer() {
        assert!(Command::decode(&[200]).is_err());
        assert!(Command::decode(&[OP_BOOTSTRAP, 0]).is_err());
        let mut w = Writer::new();
        w.u8(OP_BAN).string("not-a-peer-id");
        assert!(Command::decode(&w.buf).is_err());
        assert!(Command::decode(&[]).is_err());
    }

    #[test]
    fn should_require_a_peer_id_in_a_bootnode_address() {
        let mut w = Writer::new();
        w.u8(OP_ADD_PEER).string("/ip4/127.0.0.1/tcp/1");
        assert!(Command::decode(&w.buf).is_err());
    }
}
