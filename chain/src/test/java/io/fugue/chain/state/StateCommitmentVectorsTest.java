package io.fugue.chain.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.storage.Durability;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.storage.KvTransaction;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The test vectors printed in docs/protocol.md ("State commitment"). They were reproduced by a
 * separate implementation written from that section alone, so a change here is a protocol change.
 */
class StateCommitmentVectorsTest {
  static final Bytes A11 = Bytes.fromHex("11".repeat(20));
  static final Bytes A22 = Bytes.fromHex("22".repeat(20));
  static final Bytes A33 = Bytes.fromHex("33".repeat(20));
  static final Bytes TRANSFER = Bytes.of("transfer".getBytes(StandardCharsets.US_ASCII));

  private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
  private final WorldState world = new WorldState(store);

  private Hash32 commit(BlockState state) {
    try (KvTransaction tx = store.startTransaction()) {
      Hash32 root = state.commit(tx);
      tx.commit(Durability.BUFFERED);
      return root;
    }
  }

  @Test
  void shouldReproduceTheDocumentedRootsAndProofs() {
    BlockState first = world.newBlockState(WorldState.EMPTY_ROOT);
    first.setAccount(A11, new Account(BigInteger.TEN, 1));
    Hash32 r1 = commit(first);
    assertThat(r1)
        .isEqualTo(
            Hash32.fromHex("d238fa01a3316d66aa58f4085fbe0931c5848a9cedd836269a53c01572b554bf"));

    BlockState second = world.newBlockState(r1);
    second.setAccount(A22, new Account(BigInteger.valueOf(1000), 0));
    second.putModuleValue(TRANSFER, Bytes.of((byte) 1), Bytes.of((byte) 0xff));
    Hash32 r2 = commit(second);
    assertThat(r2)
        .isEqualTo(
            Hash32.fromHex("490ff638bcd20a082ce86d0171412812985c8ab94a93e98e053f9a8ed493c8e4"));

    Bytes inclusion =
        Bytes.fromHex(
            "010002c0d238fa01a3316d66aa58f4085fbe0931c5848a9cedd836269a53c01572b554bf"
                + "f23a24f89b12286dac3a38f2dedeccd28618de6eb8f48de11626e7a450e65de2"
                + "01"
                + "27f48c657d27581029a8d3075f9486b5e2b0cfa3d75890e183501ab3beba3dd0"
                + "f86e316376d2b81fcecd947d6cbe954185558c51f43c93ec168918ac1654a476");
    assertThat(world.proveAccount(r2, A22).encode()).isEqualTo(inclusion);
    Bytes a22 = new Account(BigInteger.valueOf(1000), 0).encode();
    assertThat(StateProof.decode(inclusion).verify(r2, StateKeys.account(A22), Optional.of(a22)))
        .isTrue();

    Bytes exclusion =
        Bytes.fromHex(
            "01000180"
                + "2c7dab60b807e53607a21ba330098f10b1d5a9fa8d6fdd8631ed57abf702867b"
                + "01"
                + "d16c677b92639584f9334f0d9e0ca0c51d1c18dc18ac8a0db62552c24c13f470"
                + "687d0996a7977e896639d979fac9d509dde2014020d47c0fbb86c65aded70e76");
    assertThat(world.proveAccount(r2, A33).encode()).isEqualTo(exclusion);
    assertThat(StateProof.decode(exclusion).verify(r2, StateKeys.account(A33), Optional.empty()))
        .isTrue();
  }
}
