//! The libp2p host: a swarm on its own tokio runtime, driven by commands, polled for events.
