package io.fugue.chain.execution;

import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import java.util.Objects;

/**
 * What the proposer decides for the next block; everything else in the header is derived.
 *
 * @param proposer the proposing account (receives rewards until consensus picks recipients)
 * @param timestamp wanted timestamp, ms UTC; raised to parent + 1 if not after the parent
 * @param viewId the consensus view
 * @param lastCommitSignature the parent's aggregate commit signature (96 bytes)
 * @param lastCommitBitmap the parent's commit signers
 * @param vrf the proposer's VRF output and proof (empty until randomness lands)
 * @param vdf the epoch's VDF output and proof (empty until randomness lands)
 * @param extra free bytes
 */
public record BuildRequest(
    Address proposer,
    long timestamp,
    long viewId,
    Bytes lastCommitSignature,
    Bytes lastCommitBitmap,
    Bytes vrf,
    Bytes vdf,
    Bytes extra) {
  public BuildRequest {
    Objects.requireNonNull(proposer, "proposer");
    Objects.requireNonNull(lastCommitSignature, "lastCommitSignature");
    Objects.requireNonNull(lastCommitBitmap, "lastCommitBitmap");
    Objects.requireNonNull(vrf, "vrf");
    Objects.requireNonNull(vdf, "vdf");
    Objects.requireNonNull(extra, "extra");
  }

  /** A request with no consensus fields yet (no commit signature, VRF or VDF). */
  public static BuildRequest simple(Address proposer, long timestamp) {
    return new BuildRequest(
        proposer,
        timestamp,
        0,
        BlockHeader.NO_SIGNATURE,
        Bytes.EMPTY,
        Bytes.EMPTY,
        Bytes.EMPTY,
        Bytes.EMPTY);
  }
}
