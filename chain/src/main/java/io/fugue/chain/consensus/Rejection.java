package io.fugue.chain.consensus;

/** Why an input was refused; each is counted in {@link ConsensusMetrics}. */
public enum Rejection {
  MALFORMED,
  WRONG_SHARD,
  NOT_MEMBER,
  WRONG_LEADER,
  BAD_SIGNATURE,
  BAD_AGGREGATE,
  BAD_BITMAP,
  NO_QUORUM,
  UNKNOWN_BLOCK,
  INVALID_BLOCK,
  OLD_HEIGHT,
  OLD_VIEW,
  BAD_VIEW,
  BAD_NEW_VIEW,
  DUPLICATE,
  EQUIVOCATION,
  BUFFER_FULL
}
