package io.fugue.chain.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.storage.Durability;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.storage.KvTransaction;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BlockStateTest {
  private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
  private final WorldState world = new WorldState(store);
  private static final Bytes ALICE = Bytes.fromHex("11".repeat(20));
  private static final Bytes BOB = Bytes.fromHex("22".repeat(20));
  private static final Bytes STAKING = Bytes.of("staking".getBytes(StandardCharsets.US_ASCII));
  private static final Bytes ISSUERS = Bytes.of("issuers".getBytes(StandardCharsets.US_ASCII));

  private Hash32 commit(BlockState state) {
    try (KvTransaction tx = store.startTransaction()) {
      Hash32 root = state.commit(tx);
      tx.commit(Durability.BUFFERED);
      return root;
    }
  }

  @Test
  void shouldReadOwnWritesBeforeCommitAndTheTreeAfter() {
    BlockState block = world.newBlockState(WorldState.EMPTY_ROOT);
    block.setAccount(ALICE, new Account(BigInteger.TEN, 1));
    assertThat(block.account(ALICE)).isEqualTo(new Account(BigInteger.TEN, 1));
    assertThat(block.account(BOB)).isEqualTo(Account.EMPTY);
    Hash32 root = commit(block);
    assertThat(world.view(root).account(ALICE)).isEqualTo(new Account(BigInteger.TEN, 1));
    assertThat(world.view(WorldState.EMPTY_ROOT).account(ALICE)).isEqualTo(Account.EMPTY);
  }

  @Test
  void shouldUndoWritesAfterACheckpoint() {
    BlockState block = world.newBlockState(WorldState.EMPTY_ROOT);
    block.setAccount(ALICE, new Account(BigInteger.ONE, 0));
    int mark = block.checkpoint();
    block.setAccount(ALICE, new Account(BigInteger.TWO, 0));
    block.setAccount(BOB, new Account(BigInteger.TWO, 0));
    block.putModuleValue(STAKING, Bytes.of((byte) 1), Bytes.of((byte) 1));
    block.revertTo(mark);
    assertThat(block.account(ALICE).balance()).isEqualTo(BigInteger.ONE);
    assertThat(block.account(BOB)).isEqualTo(Account.EMPTY);
    assertThat(block.moduleValue(STAKING, Bytes.of((byte) 1))).isEmpty();
    assertThat(commit(block)).isEqualTo(commitElsewhere(ALICE, BigInteger.ONE));
  }

  private static Hash32 commitElsewhere(Bytes address, BigInteger balance) {
    InMemoryKeyValueStore other = new InMemoryKeyValueStore();
    BlockState block = new WorldState(other).newBlockState(WorldState.EMPTY_ROOT);
    block.setAccount(address, new Account(balance, 0));
    try (KvTransaction tx = other.startTransaction()) {
      return block.commit(tx);
    }
  }

  @Test
  void shouldTreatAnEmptiedAccountAsNeverWritten() {
    BlockState first = world.newBlockState(WorldState.EMPTY_ROOT);
    first.setAccount(ALICE, new Account(BigInteger.ONE, 0));
    Hash32 root = commit(first);
    BlockState second = world.newBlockState(root);
    second.setAccount(ALICE, Account.EMPTY);
    assertThat(commit(second)).isEqualTo(WorldState.EMPTY_ROOT);
  }

  @Test
  void shouldKeepModuleNamespacesApartAndProveTheirRecords() {
    BlockState block = world.newBlockState(WorldState.EMPTY_ROOT);
    block.putModuleValue(STAKING, Bytes.of((byte) 'x'), Bytes.of((byte) 1));
    block.putModuleValue(ISSUERS, Bytes.of((byte) 'x'), Bytes.of((byte) 2));
    Hash32 root = commit(block);
    StateView view = world.view(root);
    assertThat(view.moduleValue(STAKING, Bytes.of((byte) 'x'))).contains(Bytes.of((byte) 1));
    assertThat(view.moduleValue(ISSUERS, Bytes.of((byte) 'x'))).contains(Bytes.of((byte) 2));
    assertThat(StateKeys.module(Bytes.of((byte) 'a', (byte) 'b'), Bytes.of((byte) 'c')))
        .isNotEqualTo(StateKeys.module(Bytes.of((byte) 'a'), Bytes.of((byte) 'b', (byte) 'c')));
    StateProof proof = world.proveModuleValue(root, STAKING, Bytes.of((byte) 'x'));
    Bytes logical = StateKeys.module(STAKING, Bytes.of((byte) 'x'));
    assertThat(proof.verify(root, logical, Optional.of(Bytes.of((byte) 1)))).isTrue();
    assertThat(proof.verify(root, logical, Optional.of(Bytes.of((byte) 2)))).isFalse();
  }

  @Test
  void shouldProveAccountsForALightClient() {
    BlockState block = world.newBlockState(WorldState.EMPTY_ROOT);
    Account alice = new Account(BigInteger.valueOf(500), 3);
    block.setAccount(ALICE, alice);
    Hash32 root = commit(block);
    assertThat(
            world
                .proveAccount(root, ALICE)
                .verify(root, StateKeys.account(ALICE), Optional.of(alice.encode())))
        .isTrue();
    assertThat(world.proveAccount(root, BOB).verify(root, StateKeys.account(BOB), Optional.empty()))
        .isTrue();
  }

  @Test
  void shouldRejectMalformedKeysAndReuseAfterCommit() {
    BlockState block = world.newBlockState(WorldState.EMPTY_ROOT);
    assertThatThrownBy(() -> block.account(Bytes.of((byte) 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> block.putModuleValue(Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY))
        .isInstanceOf(IllegalArgumentException.class);
    commit(block);
    assertThatThrownBy(() -> block.setAccount(ALICE, Account.EMPTY))
        .isInstanceOf(IllegalStateException.class);
  }
}
