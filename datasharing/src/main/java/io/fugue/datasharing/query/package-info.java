/**
 * Range and aggregate queries: a client's {@link io.fugue.datasharing.query.QueryRequest}, the
 * holder's {@link io.fugue.datasharing.query.HolderProver}, and the node's {@link
 * io.fugue.datasharing.query.QueryService}, which verifies answers against the on-chain commitments
 * and records outcomes for audit. Start with {@code QueryService}.
 */
package io.fugue.datasharing.query;
