package io.fugue.chain.consensus;

/** Bounds for untrusted consensus input, checked before anything is allocated from it. */
public record ConsensusLimits(
    int maxMessageBytes, int maxBlockBytes, int maxCommitteeSize, int maxBufferedMessages) {

  public ConsensusLimits {
    if (maxMessageBytes < 1024
        || maxBlockBytes < 1
        || maxBlockBytes > maxMessageBytes
        || maxCommitteeSize < 1
        || maxCommitteeSize > 0xFFFF
        || maxBufferedMessages < 0) {
      throw new IllegalArgumentException("inconsistent consensus limits");
    }
  }

  /**
   * 2 MiB messages (gossipsub's limit in Harmony's host), 1,024 members, 4,096 buffered messages.
   */
  public static ConsensusLimits defaults() {
    return new ConsensusLimits(2 * 1024 * 1024, 2 * 1024 * 1024 - 64 * 1024, 1024, 4096);
  }
}
