//! Events for Java: encoded as TLV records `[u8 tag][u32 length][body]` and held in a queue
//! bounded in bytes. Java polls batches from its own thread, so no tokio thread ever attaches to
//! the JVM and a slow Java consumer costs dropped events (reported by an overflow record), never a
//! stalled swarm.

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use super::wire::{Reader, Writer};
use crate::jni_util::{invalid, NativeResult};

pub const TAG_LISTEN: u8 = 1;
pub const TAG_CONNECTED: u8 = 2;
pub const TAG_DISCONNECTED: u8 = 3;
pub const TAG_IDENTIFIED: u8 = 4;
pub const TAG_GOSSIP: u8 = 5;
pub const TAG_INBOUND_REQUEST: u8 = 6;
pub const TAG_RESPONSE: u8 = 7;
pub const TAG_REQUEST_FAILED: u8 = 8;
pub const TAG_OVERFLOW: u8 = 9;
pub const TAG_HOST_FAILED: u8 = 10;

/// One thing that happened in the swarm that Java may care about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    Listen {
        addr: String,
    },
    Connected {
        peer: String,
        addr: String,
        inbound: bool,
    },
    Disconnected {
        peer: String,
    },
    /// `protocol` is the peer's identify protocol version, `/fugue/<network>/1.0.0` for a node.
    Identified {
        peer: String,
        agent: String,
        protocol: String,
        listen: Vec<String>,
    },
    /// `propagation` forwarded it; `source` signed it. Java must answer with a verdict.
    Gossip {
        msg_id: Vec<u8>,
        propagation: String,
        source: String,
        topic: String,
        data: Vec<u8>,
    },
    InboundRequest {
        id: u64,
        peer: String,
        data: Vec<u8>,
    },
    Response {
        id: u64,
        peer: String,
        data: Vec<u8>,
    },
    RequestFailed {
        id: u64,
        peer: String,
        reason: String,
    },
    /// `dropped` events were discarded since the previous batch because the queue was full.
    Overflow {
        dropped: u64,
    },
    /// The swarm task ended without being stopped (it panicked); always the last event.
    HostFailed {
        reason: String,
    },
}

impl Event {
    pub fn encode(&self) -> Vec<u8> {
        let mut w = Writer::new();
        let tag = match self {
            Event::Listen { addr } => {
                w.string(addr);
                TAG_LISTEN
            }
            Event::Connected {
                peer,
                addr,
                inbound,
            } => {
                w.string(peer).string(addr).bool(*inbound);
                TAG_CONNECTED
            }
            Event::Disconnected { peer } => {
                w.string(peer);
                TAG_DISCONNECTED
            }
            Event::Identified {
                peer,
                agent,
                protocol,
                listen,
            } => {
                w.string(peer)
                    .string(agent)
                    .string(protocol)
                    .strings(listen);
                TAG_IDENTIFIED
            }
            Event::Gossip {
                msg_id,
                propagation,
                source,
                topic,
                data,
            } => {
                w.bytes(msg_id)
                    .string(propagation)
                    .string(source)
                    .string(topic)
                    .bytes(data);
                TAG_GOSSIP
            }
            Event::InboundRequest { id, peer, data } => {
                w.u64(*id).string(peer).bytes(data);
                TAG_INBOUND_REQUEST
            }
            Event::Response { id, peer, data } => {
                w.u64(*id).string(peer).bytes(data);
                TAG_RESPONSE
            }
            Event::RequestFailed { id, peer, reason } => {
                w.u64(*id).string(peer).string(reason);
                TAG_REQUEST_FAILED
            }
            Event::Overflow { dropped } => {
                w.u64(*dropped);
                TAG_OVERFLOW
            }
            Event::HostFailed { reason } => {
                w.string(reason);
                TAG_HOST_FAILED
            }
        };
        let mut out = Writer::new();
        out.u8(tag).bytes(&w.buf);
        out.buf
    }

    /// Splits a polled batch back into events (the Rust tests read batches the way Java does).
    pub fn decode_batch(batch: &[u8]) -> NativeResult<Vec<Event>> {
        let mut r = Reader::new(batch);
        let mut out = Vec::new();
        let mut consumed = 0;
        while consumed < batch.len() {
            let tag = r.u8("event tag")?;
            let body = r.bytes("event body")?;
            consumed += 5 + body.len();
            out.push(Self::decode_body(tag, &body)?);
        }
        Ok(out)
    }

    fn decode_body(tag: u8, body: &[u8]) -> NativeResult<Event> {
        let mut r = Reader::new(body);
        let e = match tag {
            TAG_LISTEN => Event::Listen {
                addr: r.string("addr")?,
            },
            TAG_CONNECTED => Event::Connected {
                peer: r.string("peer")?,
                addr: r.string("addr")?,
                inbound: r.bool("inbound")?,
            },
            TAG_DISCONNECTED => Event::Disconnected {
                peer: r.string("peer")?,
            },
            TAG_IDENTIFIED => Event::Identified {
                peer: r.string("peer")?,
                agent: r.string("agent")?,
                protocol: r.string("protocol")?,
                listen: r.strings("listen")?,
            },
            TAG_GOSSIP => Event::Gossip {
                msg_id: r.bytes("msg id")?,
                propagation: r.string("propagation")?,
                source: r.string("source")?,
                topic: r.string("topic")?,
                data: r.bytes("data")?,
            },
            TAG_INBOUND_REQUEST => Event::InboundRequest {
                id: r.u64("id")?,
                peer: r.string("peer")?,
                data: r.bytes("data")?,
            },
            TAG_RESPONSE => Event::Response {
                id: r.u64("id")?,
                peer: r.string("peer")?,
                data: r.bytes("data")?,
            },
            TAG_REQUEST_FAILED => Event::RequestFailed {
                id: r.u64("id")?,
                peer: r.string("peer")?,
                reason: r.string("reason")?,
            },
            TAG_OVERFLOW => Event::Overflow {
                dropped: r.u64("dropped")?,
            },
            TAG_HOST_FAILED => Event::HostFailed {
                reason: r.string("reason")?,
            },
            other => return invalid(format!("unknown event tag {other}")),
        };
        r.finish("event")?;
        Ok(e)
    }
}

struct QueueState {
    records: VecDeque<Vec<u8>>,
    bytes: usize,
    dropped: u64,
    closed: bool,
}

/// A byte-bounded multi-producer queue of encoded events with a blocking, batching `poll`.
pub struct EventQueue {
    capacity: usize,
    state: Mutex<QueueState>,
    ready: Condvar,
}

/// What a poll found.
#[derive(Debug, PartialEq, Eq)]
pub enum Polled {
    /// A batch of records (empty when the timeout passed with nothing to deliver).
    Batch(Vec<u8>),
    /// The host has stopped and every event has been delivered.
    Closed,
}

impl EventQueue {
    pub fn new(capacity: usize) -> Self {
        EventQueue {
            capacity,
            state: Mutex::new(QueueState {
                records: VecDeque::new(),
                bytes: 0,
                dropped: 0,
                closed: false,
            }),
            ready: Condvar::new(),
        }
    }

    /// Adds an event, or counts it as dropped when it would not fit. Returns whether it was kept.
    pub fn push(&self, event: &Event) -> bool {
        let record = event.encode();
        let mut s = self.lock();
        if s.closed {
            return false;
        }
        if s.bytes + record.len() > self.capacity {
            s.dropped += 1;
            return false;
        }
        s.bytes += record.len();
        s.records.push_back(record);
        drop(s);
        self.ready.notify_one();
        true
    }

    /// Waits up to `timeout` for events, then returns records totalling at most `max_bytes`
    /// (but always at least one, so an event larger than `max_bytes` is still delivered), with an
    /// overflow record first when events were dropped since the previous batch.
    pub fn poll(&self, max_bytes: usize, timeout: Duration) -> Polled {
        let deadline = Instant::now() + timeout;
        let mut s = self.lock();
        while s.records.is_empty() && s.dropped == 0 && !s.closed {
            let now = Instant::now();
            if now >= deadline {
                return Polled::Batch(Vec::new());
            }
            s = match self.ready.wait_timeout(s, deadline - now) {
                Ok((guard, _)) => guard,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
        if s.closed && s.records.is_empty() && s.dropped == 0 {
            return Polled::Closed;
        }
        let mut batch = Vec::new();
        if s.dropped > 0 {
            batch.extend(Event::Overflow { dropped: s.dropped }.encode());
            s.dropped = 0;
        }
        while let Some(next) = s.records.front() {
            if !batch.is_empty() && batch.len() + next.len() > max_bytes {
                break;
            }
            let record = s.records.pop_front().unwrap_or_default();
            s.bytes -= record.len();
            batch.extend(record);
        }
        Polled::Batch(batch)
    }

    /// Queues a [`Event::HostFailed`] record (even over capacity: it is the last one) and
    /// closes the queue, so Java learns why no more events will come.
    pub fn fail(&self, reason: &str) {
        let record = Event::HostFailed {
            reason: reason.to_string(),
        }
        .encode();
        let mut s = self.lock();
        if !s.closed {
            s.bytes += record.len();
            s.records.push_back(record);
            s.closed = true;
        }
        drop(s);
        self.ready.notify_all();
    }

    /// Stops accepting events and wakes every poller; queued events can still be drained.
    pub fn close(&self) {
        self.lock().closed = true;
        self.ready.notify_all();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, QueueState> {
        // A panic while holding the lock cannot leave the queue inconsistent (every update is
        // one push/pop plus a counter), so a poisoned lock is still usable.
        match self.state.lock() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listen(n: usize) -> Event {
        Event::Listen {
            addr: "x".repeat(n),
        }
    }

    #[test]
    fn should_round_trip_every_event_kind() {
        let events = vec![
            listen(3),
            Event::Connected {
                peer: "p".into(),
                addr: "a".into(),
                inbound: true,
            },
            Event::Disconnected { peer: "p".into() },
            Event::Identified {
                peer: "p".into(),
                agent: "g".into(),
                protocol: "/fugue/n/1.0.0".into(),
                listen: vec!["l".into()],
            },
            Event::Gossip {
                msg_id: vec![1, 2],
                propagation: "q".into(),
                source: "s".into(),
                topic: "t".into(),
                data: vec![9; 10],
            },
            Event::InboundRequest {
                id: 7,
                peer: "p".into(),
                data: vec![1],
            },
            Event::Response {
                id: 8,
                peer: "p".into(),
                data: vec![],
            },
            Event::RequestFailed {
                id: 9,
                peer: "p".into(),
                reason: "r".into(),
            },
            Event::Overflow { dropped: 3 },
        ];
        let batch: Vec<u8> = events.iter().flat_map(|e| e.encode()).collect();
        assert_eq!(Event::decode_batch(&batch).expect("decodes"), events);
    }

    #[test]
    fn should_report_overflow_first_when_full() {
        let q = EventQueue::new(40);
        assert!(q.push(&listen(20)));
        assert!(!q.push(&listen(20)));
        let Polled::Batch(batch) = q.poll(1 << 20, Duration::from_millis(10)) else {
            panic!("queue should not be closed");
        };
        let events = Event::decode_batch(&batch).expect("decodes");
        assert_eq!(events, vec![Event::Overflow { dropped: 1 }, listen(20)]);
    }

    #[test]
    fn should_batch_up_to_max_bytes_but_always_deliver_one() {
        let q = EventQueue::new(1 << 20);
        for _ in 0..3 {
            q.push(&listen(100));
        }
        let Polled::Batch(first) = q.poll(10, Duration::ZERO) else {
            panic!("closed")
        };
        assert_eq!(Event::decode_batch(&first).expect("decodes").len(), 1);
        let Polled::Batch(rest) = q.poll(1 << 20, Duration::ZERO) else {
            panic!("closed")
        };
        assert_eq!(Event::decode_batch(&rest).expect("decodes").len(), 2);
    }

    #[test]
    fn should_return_closed_after_close_once_drained() {
        let q = EventQueue::new(1 << 20);
        q.push(&listen(1));
        q.close();
        assert!(matches!(q.poll(1024, Duration::ZERO), Polled::Batch(b) if !b.is_empty()));
        assert_eq!(q.poll(1024, Duration::from_millis(5)), Polled::Closed);
        assert!(!q.push(&listen(1)));
    }

    #[test]
    fn should_time_out_with_an_empty_batch() {
        let q = EventQueue::new(1024);
        assert_eq!(
            q.poll(1024, Duration::from_millis(5)),
            Polled::Batch(Vec::new())
        );
    }

    #[test]
    fn should_reject_truncated_batch() {
        let mut batch = listen(5).encode();
        batch.pop();
        assert!(Event::decode_batch(&batch).is_err());
    }
}
