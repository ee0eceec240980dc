/**
 * FBFT consensus as a pure, deterministic state machine: start reading at {@link
 * io.fugue.chain.consensus.FbftMachine}; the ports it calls ({@link
 * io.fugue.chain.consensus.CommitteeSource}, {@link io.fugue.chain.consensus.SignatureScheme},
 * {@link io.fugue.chain.consensus.BlockSource}, {@link io.fugue.chain.consensus.ProposalValidator})
 * and the ones its outputs go to ({@link io.fugue.chain.consensus.OutputRouter}) are declared here
 * and implemented by the ledger, crypto, storage and p2p shells.
 */
package io.fugue.chain.consensus;
