package io.fugue.zk.oprf;

/**
 * One node's share of a t-of-n OPRF key: its index (1..n), its secret share f(index) and the public
 * share f(index)·G that its proofs are verified against. The secret is not in toString.
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out
public record KeyShare(int index, byte[] secretShare, byte[] publicShare) {
  public KeyShare {
    secretShare = secretShare.clone();
    publicShare = publicShare.clone();
  }

  @Override
  public byte[] secretShare() {
    return secretShare.clone();
  }

  @Override
  public byte[] publicShare() {
    return publicShare.clone();
  }

  /** This share as a key pair, to run an {@link OprfServer} with. */
  public OprfKeyPair keyPair() {
    return OprfKeyPair.fromSecret(secretShare);
  }

  @Override
  public String toString() {
    return "KeyShare[index=" + index + "]";
  }
}
