/**
 * Ledger data types and their canonical encodings: typed {@link io.fugue.chain.ledger.Transaction}s
 * (transfers first), {@link io.fugue.chain.ledger.Receipt}s, {@link
 * io.fugue.chain.ledger.BlockHeader} and {@link io.fugue.chain.ledger.BlockBody}, and the
 * ordered-list Merkle root {@link io.fugue.chain.ledger.ListRoot} that headers commit to. The byte
 * layout is in docs/protocol.md, section Encodings.
 */
package io.fugue.chain.ledger;
