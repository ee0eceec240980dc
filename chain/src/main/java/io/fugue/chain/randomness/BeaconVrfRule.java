package io.fugue.chain.randomness;

import io.fugue.chain.crypto.BlsPublicKey;
import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Validation;
import java.util.Objects;
import java.util.Optional;

/**
 * The beacon chain's header rule: every block's {@code vrf} field is its proposer's {@link Vrf}
 * proof over the parent hash (96 bytes). A block with a missing, malformed or wrong proof is
 * rejected. The proposer's key is found by {@link ProposerKeys} from the header's epoch and
 * proposer account (the elected beacon committee knows both).
 */
public final class BeaconVrfRule implements HeaderRandomness {
  /** The BLS key behind a header's proposer account in an epoch, from the elected committee. */
  @FunctionalInterface
  public interface ProposerKeys {
    Optional<BlsPublicKey> key(long epoch, Address proposer);
  }

  private final Optional<BlsSecretKey> self;
  private final ProposerKeys keys;

  /** {@code self} is empty on a node that only validates. */
  public BeaconVrfRule(Optional<BlsSecretKey> self, ProposerKeys keys) {
    this.self = Objects.requireNonNull(self, "self");
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  @Override
  public Bytes vrf(Hash32 parentHash) {
    BlsSecretKey key =
        self.orElseThrow(() -> new IllegalStateException("this node holds no proposer key"));
    return Vrf.prove(key, parentHash).encoded();
  }

  @Override
  public Validation check(BlockHeader header) {
    if (header.vrf().isEmpty()) {
      return Validation.reject("beacon block " + header.number() + " has no VRF");
    }
    Optional<BlsPublicKey> key = keys.key(header.epoch(), header.proposer());
    if (key.isEmpty()) {
      return Validation.reject("proposer " + header.proposer() + " is not in the beacon committee");
    }
    if (Vrf.verify(key.get(), header.parentHash(), header.vrf()).isEmpty()) {
      return Validation.reject("beacon block " + header.number() + " has a wrong VRF");
    }
    return Validation.ACCEPT;
  }
}
