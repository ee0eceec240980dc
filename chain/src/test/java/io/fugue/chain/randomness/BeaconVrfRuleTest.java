package io.fugue.chain.randomness;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Validation;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BeaconVrfRuleTest {
  private static final Hash32 PARENT = Hashing.keccak256(Bytes.of((byte) 3));
  private static final Address PROPOSER = Address.of(filled(20, 0x11));
  private static final BlsSecretKey KEY = BlsSecretKey.fromSeed(filled(32, 5));
  private static final BlsSecretKey OTHER = BlsSecretKey.fromSeed(filled(32, 6));

  private static byte[] filled(int n, int v) {
    byte[] b = new byte[n];
    Arrays.fill(b, (byte) v);
    return b;
  }

  private final BeaconVrfRule rule =
      new BeaconVrfRule(
          Optional.of(KEY),
          (epoch, who) -> who.equals(PROPOSER) ? Optional.of(KEY.publicKey()) : Optional.empty());

  private static BlockHeader header(Bytes vrf, Hash32 parent, Address proposer) {
    return BlockHeader.builder()
        .shardId(ShardId.of(0))
        .number(5)
        .epoch(1)
        .parentHash(parent)
        .proposer(proposer)
        .vrf(vrf)
        .build();
  }

  @Test
  void shouldAcceptTheProposersOwnVrf() {
    Bytes vrf = rule.vrf(PARENT);
    assertThat(vrf.size()).isEqualTo(Vrf.PROOF_SIZE);
    assertThat(rule.check(header(vrf, PARENT, PROPOSER))).isEqualTo(Validation.ACCEPT);
  }

  @Test
  void shouldRejectMissingWrongKeyWrongParentTamperedAndUnknownProposer() {
    Bytes good = rule.vrf(PARENT);
    byte[] tampered = good.toArray();
    tampered[50] ^= 4;
    assertThat(rule.check(header(Bytes.EMPTY, PARENT, PROPOSER)).reason()).contains("no VRF");
    assertThat(rule.check(header(Vrf.prove(OTHER, PARENT).encoded(), PARENT, PROPOSER)).reason())
        .contains("wrong VRF");
    assertThat(rule.check(header(good, Hash32.ZERO, PROPOSER)).reason()).contains("wrong VRF");
    assertThat(rule.check(header(Bytes.of(tampered), PARENT, PROPOSER)).reason())
        .contains("wrong VRF");
    assertThat(rule.check(header(good, PARENT, Address.of(filled(20, 0x22)))).reason())
        .contains("not in the beacon committee");
  }

  @Test
  void shouldKeepTodaysBehaviourForOtherShards() {
    assertThat(HeaderRandomness.NONE.vrf(PARENT)).isEqualTo(Bytes.EMPTY);
    assertThat(HeaderRandomness.NONE.check(header(Bytes.EMPTY, PARENT, PROPOSER)))
        .isEqualTo(Validation.ACCEPT);
  }
}
