package io.fugue.chain.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ChainStore behaviour, run on each store implementation. */
abstract class ChainStoreContract {
  protected KeyValueStore store;
  protected ChainStore chain;

  protected abstract KeyValueStore newStore();

  @BeforeEach
  void open() {
    store = newStore();
    chain = new ChainStore(store);
  }

  @AfterEach
  void close() {
    store.close();
  }

  static Hash32 h(int n, int salt) {
    byte[] b = new byte[32];
    b[0] = (byte) salt;
    b[31] = (byte) n;
    b[30] = (byte) (n >>> 8);
    return Hash32.of(b);
  }

  /** Block {@code n} of a test chain whose hashes and contents derive from {@code n}. */
  static StoredBlock block(int n) {
    List<Hash32> txs = List.of(h(n, 0x7a), h(n, 0x7b));
    return new StoredBlock(
        h(n, 0xb1),
        n,
        n == 0 ? Hash32.ZERO : h(n - 1, 0xb1),
        h(n, 0x5e),
        Bytes.of((byte) 'H', (byte) n),
        Bytes.of((byte) 'B', (byte) n),
        txs,
        List.of(
            Bytes.of((byte) 'R', (byte) n, (byte) 0), Bytes.of((byte) 'R', (byte) n, (byte) 1)));
  }

  protected void append(StoredBlock b) {
    try (KvTransaction tx = store.startTransaction()) {
      chain.appendBlock(tx, b);
      tx.commit(Durability.SYNC);
    }
  }

  @Test
  void shouldHaveNoHeadWhenEmpty() {
    assertThat(chain.head()).isEmpty();
    assertThat(chain.canonicalHash(0)).isEmpty();
  }

  @Test
  void shouldFindBlocksByNumberAndHashAndTransactionsByHash() {
    for (int n = 0; n < 5; n++) {
      append(block(n));
    }
    assertThat(chain.head()).contains(new ChainHead(h(4, 0xb1), 4, h(4, 0x5e)));
    assertThat(chain.canonicalHash(3)).contains(h(3, 0xb1));
    assertThat(chain.header(h(3, 0xb1))).contains(Bytes.of((byte) 'H', (byte) 3));
    assertThat(chain.body(h(3, 0xb1))).contains(Bytes.of((byte) 'B', (byte) 3));
    assertThat(chain.blockInfo(h(3, 0xb1))).contains(new BlockInfo(3, h(2, 0xb1), h(3, 0x5e)));
    assertThat(chain.transactionLocation(h(2, 0x7b))).contains(new TxLocation(h(2, 0xb1), 2, 1));
    assertThat(chain.receipt(h(2, 0x7b))).contains(Bytes.of((byte) 'R', (byte) 2, (byte) 1));
    assertThat(chain.receipt(h(9, 0x7b))).isEmpty();
    assertThat(chain.canonicalHash(5)).isEmpty();
  }

  @Test
  void shouldRejectABlockThatDoesNotExtendTheHead() {
    assertThatThrownBy(() -> append(block(1))).isInstanceOf(IllegalArgumentException.class);
    append(block(0));
    append(block(1));
    assertThatThrownBy(() -> append(block(1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> append(block(3))).isInstanceOf(IllegalArgumentException.class);
    StoredBlock forged = block(2);
    StoredBlock wrongParent =
        new StoredBlock(
            forged.hash(),
            2,
            h(7, 7),
            forged.stateRoot(),
            forged.header(),
            forged.body(),
            forged.transactionHashes(),
            forged.receipts());
    assertThatThrownBy(() -> append(wrongParent)).hasMessageContaining("does not extend head 1");
    assertThat(chain.head().orElseThrow().number()).isEqualTo(1);
  }

  @Test
  void shouldLeaveNoTraceOfABlockWhoseTransactionWasRolledBack() {
    append(block(0));
    try (KvTransaction tx = store.startTransaction()) {
      chain.appendBlock(tx, block(1));
    }
    assertThat(chain.head().orElseThrow().number()).isZero();
    assertThat(chain.header(h(1, 0xb1))).isEmpty();
    assertThat(chain.transactionLocation(h(1, 0x7a))).isEmpty();
  }
}
