/**
 * FBFT consensus as a pure, deterministic state machine: start reading at {@link
 * io.fugue.chain.consensus.FbftMachine}; the ports it needs ({@link
 * io.fugue.chain.consensus.Committee}, {@link io.fugue.chain.consensus.SignatureScheme}, {@link
 * io.fugue.chain.consensus.BlockSource}, {@link io.fugue.chain.consensus.ProposalValidator}) are
 * declared here and implemented by the ledger, crypto and p2p shells.
 */
package io.fugue.chain.consensus;
