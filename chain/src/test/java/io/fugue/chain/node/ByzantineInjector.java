package io.fugue.chain.node;

import io.fugue.chain.consensus.ConsensusCodec;
import io.fugue.chain.consensus.ConsensusLimits;
import io.fugue.chain.consensus.ConsensusMessage;
import io.fugue.chain.consensus.DecodeResult;
import io.fugue.chain.consensus.Phase;
import io.fugue.chain.consensus.QuorumCertificate;
import io.fugue.chain.consensus.SignerBitmap;
import io.fugue.chain.consensus.SigningPayloads;
import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.consensus.ValidatorSignature;
import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The misbehaving side of a committee member whose honest side runs as a normal node: on each of
 * the first {@code rounds} ANNOUNCEs it sees, it sends with the member's key a PREPARE for another
 * block (a double sign), a PREPARE whose signature is another member's, and a COMMITTED whose
 * aggregate claims every member but holds only its own signature.
 */
final class ByzantineInjector implements ConsensusNetwork.GossipHandler {
  private final ConsensusNetwork endpoint;
  private final int shard;
  private final BlsSecretKey key;
  private final BlsSecretKey otherKey;
  private final int committeeSize;
  private final ConsensusCodec codec = new ConsensusCodec(ConsensusLimits.defaults());
  private final AtomicInteger rounds;

  ByzantineInjector(
      ConsensusNetwork endpoint,
      int shard,
      BlsSecretKey key,
      BlsSecretKey otherKey,
      int committeeSize,
      int rounds) {
    this.endpoint = endpoint;
    this.shard = shard;
    this.key = key;
    this.otherKey = otherKey;
    this.committeeSize = committeeSize;
    this.rounds = new AtomicInteger(rounds);
    endpoint.subscribe(shard, ConsensusNetwork.Kind.CONSENSUS, this);
  }

  private volatile Bytes firstAnnounce;
  private volatile BlsSecretKey outsider;

  /**
   * Also sends, with {@code outsiderKey} (not a member), a vote per round, and replays an old
   * ANNOUNCE.
   */
  ByzantineInjector withOutsider(BlsSecretKey outsiderKey) {
    this.outsider = outsiderKey;
    return this;
  }

  @Override
  public ConsensusNetwork.Verdict onMessage(ConsensusNetwork.Peer from, Bytes payload) {
    if (codec.decode(payload) instanceof DecodeResult.Decoded d
        && d.message() instanceof ConsensusMessage.Announce a) {
      if (firstAnnounce == null) {
        firstAnnounce = payload;
      }
      if (rounds.getAndDecrement() > 0) {
        attack(a);
        if (outsider != null) {
          Bytes p =
              SigningPayloads.vote(Phase.PREPARE, shard, a.height(), a.blockHash(), a.viewId());
          send(
              new ConsensusMessage.Vote(
                  Phase.PREPARE,
                  shard,
                  a.height(),
                  a.viewId(),
                  new ValidatorKey(outsider.publicKey().toBytes()),
                  a.blockHash(),
                  new ValidatorSignature(outsider.sign(p).toBytes())));
          if (a.height() > 2) {
            endpoint.publish(shard, ConsensusNetwork.Kind.CONSENSUS, firstAnnounce);
          }
        }
      }
    }
    return ConsensusNetwork.Verdict.ACCEPT;
  }

  private void attack(ConsensusMessage.Announce a) {
    ValidatorKey me = new ValidatorKey(key.publicKey().toBytes());
    Hash32 other = Hashing.keccak256(a.blockHash().toBytes());
    Bytes otherPayload = SigningPayloads.vote(Phase.PREPARE, shard, a.height(), other, a.viewId());
    send(
        new ConsensusMessage.Vote(
            Phase.PREPARE,
            shard,
            a.height(),
            a.viewId(),
            me,
            other,
            new ValidatorSignature(key.sign(otherPayload).toBytes())));
    Bytes realPayload =
        SigningPayloads.vote(Phase.PREPARE, shard, a.height(), a.blockHash(), a.viewId());
    send(
        new ConsensusMessage.Vote(
            Phase.PREPARE,
            shard,
            a.height(),
            a.viewId(),
            me,
            a.blockHash(),
            new ValidatorSignature(otherKey.sign(realPayload).toBytes())));
    Bytes commitPayload =
        SigningPayloads.vote(Phase.COMMIT, shard, a.height(), a.blockHash(), a.viewId());
    SignerBitmap everyone =
        SignerBitmap.of(
            committeeSize, java.util.stream.IntStream.range(0, committeeSize).boxed().toList());
    send(
        new ConsensusMessage.Certified(
            shard,
            me,
            new QuorumCertificate(
                Phase.COMMIT,
                a.height(),
                a.viewId(),
                a.blockHash(),
                new ValidatorSignature(key.sign(commitPayload).toBytes()),
                everyone)));
  }

  /** Attacks no more rounds from now on (a round already under way completes). */
  void stop() {
    rounds.set(0);
  }

  private void send(ConsensusMessage m) {
    endpoint.publish(shard, ConsensusNetwork.Kind.CONSENSUS, codec.encode(m));
  }
}
