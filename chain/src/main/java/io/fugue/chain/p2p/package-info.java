/**
 * Peer-to-peer networking over the native libp2p host: gossip per shard topic with validation in
 * Java before forwarding, request/response sync, discovery through bootnodes and Kademlia. Start
 * with {@link io.fugue.chain.p2p.P2pHost}.
 */
package io.fugue.chain.p2p;
