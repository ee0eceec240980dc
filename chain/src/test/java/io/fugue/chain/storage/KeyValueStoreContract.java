package io.fugue.chain.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.primitives.Bytes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link KeyValueStore} must have; one subclass per implementation. */
abstract class KeyValueStoreContract {
  protected KeyValueStore store;

  /** A new, empty store. */
  protected abstract KeyValueStore newStore() throws Exception;

  @BeforeEach
  void openStore() throws Exception {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  static Bytes b(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return Bytes.of(out);
  }

  private void put(Column c, Bytes k, Bytes v) {
    try (KvTransaction tx = store.startTransaction()) {
      tx.put(c, k, v);
      tx.commit(Durability.BUFFERED);
    }
  }

  private List<Bytes> keys(Column c, KeyRange range) {
    List<Bytes> out = new ArrayList<>();
    store.scan(c, range, kv -> out.add(kv.key()));
    return out;
  }

  @Test
  void shouldReturnEmptyForAbsentKey() {
    assertThat(store.get(Column.BLOCKS, b(1))).isEmpty();
    assertThat(store.contains(Column.BLOCKS, b(1))).isFalse();
  }

  @Test
  void shouldReadCommittedValue() {
    put(Column.BLOCKS, b(1, 2), b(9));
    assertThat(store.get(Column.BLOCKS, b(1, 2))).contains(b(9));
    assertThat(store.contains(Column.BLOCKS, b(1, 2))).isTrue();
  }

  @Test
  void shouldStoreEmptyValueDistinctFromAbsent() {
    put(Column.META, b(7), Bytes.EMPTY);
    assertThat(store.get(Column.META, b(7))).contains(Bytes.EMPTY);
  }

  @Test
  void shouldKeepColumnsApart() {
    put(Column.BLOCKS, b(1), b(10));
    put(Column.HEADERS, b(1), b(20));
    assertThat(store.get(Column.BLOCKS, b(1))).contains(b(10));
    assertThat(store.get(Column.HEADERS, b(1))).contains(b(20));
    assertThat(store.get(Column.RECEIPTS, b(1))).isEmpty();
  }

  @Test
  void shouldHideWritesUntilCommit() {
    try (KvTransaction tx = store.startTransaction()) {
      tx.put(Column.BLOCKS, b(1), b(1));
      assertThat(store.get(Column.BLOCKS, b(1))).isEmpty();
      tx.commit(Durability.SYNC);
    }
    assertThat(store.get(Column.BLOCKS, b(1))).contains(b(1));
  }

  @Test
  void shouldDiscardWritesOnRollback() {
    try (KvTransaction tx = store.startTransaction()) {
      tx.put(Column.BLOCKS, b(1), b(1));
      tx.rollback();
    }
    assertThat(store.get(Column.BLOCKS, b(1))).isEmpty();
  }

  @Test
  void shouldDiscardWritesWhenClosedWithoutCommit() {
    try (KvTransaction tx = store.startTransaction()) {
      tx.put(Column.BLOCKS, b(1), b(1));
    }
    assertThat(store.get(Column.BLOCKS, b(1))).isEmpty();
  }

  @Test
  void shouldRunAfterCommitActionsOnlyOnCommit() {
    List<String> ran = new ArrayList<>();
    try (KvTransaction tx = store.startTransaction()) {
      tx.put(Column.BLOCKS, b(1), b(1));
      tx.afterCommit(() -> ran.add("rolled back: " + store.get(Column.BLOCKS, b(1))));
      tx.rollback();
    }
    try (KvTransaction tx = store.startTransaction()) {
      tx.put(Column.BLOCKS, b(2), b(2));
      tx.afterCommit(() -> ran.add("committed: " + store.get(Column.BLOCKS, b(2)).isPresent()));
      assertThat(ran).isEmpty();
      tx.commit(Durability.BUFFERED);
    }
    assertThat(ran).containsExactly("committed: true");
  }

  @Test
  void shouldRejectUseOfFinishedTransaction() {
    KvTransaction tx = store.startTransaction();
    tx.commit(Durability.BUFFERED);
    assertThatThrownBy(() -> tx.put(Column.BLOCKS, b(1), b(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> tx.commit(Durability.BUFFERED))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void shouldApplyLastWriteOfAKeyInATransaction() {
    put(Column.INDEX, b(3), b(0));
    try (KvTransaction tx = store.startTransaction()) {
      tx.put(Column.INDEX, b(1), b(1));
      tx.put(Column.INDEX, b(1), b(2));
      tx.put(Column.INDEX, b(2), b(2));
      tx.delete(Column.INDEX, b(2));
      tx.delete(Column.INDEX, b(3));
      tx.put(Column.INDEX, b(3), b(3));
      tx.commit(Durability.BUFFERED);
    }
    assertThat(store.get(Column.INDEX, b(1))).contains(b(2));
    assertThat(store.get(Column.INDEX, b(2))).isEmpty();
    assertThat(store.get(Column.INDEX, b(3))).contains(b(3));
  }

  @Test
  void shouldDeleteCommittedKey() {
    put(Column.INDEX, b(1), b(1));
    try (KvTransaction tx = store.startTransaction()) {
      tx.delete(Column.INDEX, b(1));
      tx.delete(Column.INDEX, b(2));
      tx.commit(Durability.BUFFERED);
    }
    assertThat(store.get(Column.INDEX, b(1))).isEmpty();
  }

  @Test
  void shouldScanInUnsignedByteOrder() {
    for (Bytes k : List.of(b(0x80), b(0x7f), b(0xff, 0xff), b(0x00), b(0x7f, 0x00), b(0xff))) {
      put(Column.AUDIT, k, b(1));
    }
    assertThat(keys(Column.AUDIT, KeyRange.all()))
        .containsExactly(b(0x00), b(0x7f), b(0x7f, 0x00), b(0x80), b(0xff), b(0xff, 0xff));
  }

  @Test
  void shouldScanPrefixOnly() {
    for (Bytes k : List.of(b(1), b(1, 0), b(1, 0xff), b(1, 0xff, 0xff), b(2), b(0, 0xff))) {
      put(Column.AUDIT, k, b(1));
    }
    assertThat(keys(Column.AUDIT, KeyRange.prefix(b(1))))
        .containsExactly(b(1), b(1, 0), b(1, 0xff), b(1, 0xff, 0xff));
    assertThat(keys(Column.AUDIT, KeyRange.prefix(b(0xff)))).isEmpty();
  }

  @Test
  void shouldScanHalfOpenRangeAndStopWhenVisitorSaysSo() {
    for (int i = 0; i < 10; i++) {
      put(Column.AUDIT, Keys.u64(i), b(i));
    }
    assertThat(keys(Column.AUDIT, KeyRange.between(Keys.u64(3), Keys.u64(6))))
        .containsExactly(Keys.u64(3), Keys.u64(4), Keys.u64(5));
    List<Bytes> firstTwo = new ArrayList<>();
    store.scan(Column.AUDIT, KeyRange.all(), kv -> firstTwo.add(kv.value()) && firstTwo.size() < 2);
    assertThat(firstTwo).containsExactly(b(0), b(1));
  }

  @Test
  void shouldOrderFixedWidthNumberKeysNumerically() {
    Random random = new Random(42);
    List<Long> numbers = new ArrayList<>();
    try (KvTransaction tx = store.startTransaction()) {
      for (int i = 0; i < 200; i++) {
        long n = random.nextLong() & Long.MAX_VALUE;
        numbers.add(n);
        tx.put(Column.INDEX, Keys.u64(n), Bytes.EMPTY);
      }
      tx.commit(Durability.BUFFERED);
    }
    List<Long> scanned = new ArrayList<>();
    store.scan(Column.INDEX, KeyRange.all(), kv -> scanned.add(Keys.readU64(kv.key(), 0)));
    assertThat(scanned).isSorted().containsExactlyInAnyOrderElementsOf(numbers);
  }

  @Test
  void shouldNeverShowHalfATransactionToAScan() throws Exception {
    AtomicBoolean done = new AtomicBoolean();
    AtomicReference<String> violation = new AtomicReference<>();
    Thread reader =
        new Thread(
            () -> {
              while (!done.get() && violation.get() == null) {
                List<Bytes> values = new ArrayList<>();
                store.scan(Column.EVIDENCE, KeyRange.all(), kv -> values.add(kv.value()));
                if (!values.isEmpty()
                    && (values.size() != 3 || values.stream().distinct().count() != 1)) {
                  violation.set("saw " + values);
                }
              }
            });
    reader.start();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    for (int i = 0; i < 300 && Instant.now().isBefore(deadline); i++) {
      try (KvTransaction tx = store.startTransaction()) {
        for (int k = 0; k < 3; k++) {
          tx.put(Column.EVIDENCE, b(k), Keys.u32(i));
        }
        tx.commit(Durability.BUFFERED);
      }
    }
    done.set(true);
    reader.join(Duration.ofSeconds(20).toMillis());
    assertThat(reader.isAlive()).isFalse();
    assertThat(violation.get()).isNull();
  }

  @Test
  void shouldMatchASortedMapModelUnderRandomTransactions() {
    long seed = 20_261_125L;
    Random random = new Random(seed);
    java.util.TreeMap<Bytes, Bytes> model = new java.util.TreeMap<>();
    for (int round = 0; round < 150; round++) {
      java.util.TreeMap<Bytes, Bytes> next = new java.util.TreeMap<>(model);
      try (KvTransaction tx = store.startTransaction()) {
        for (int op = random.nextInt(8); op >= 0; op--) {
          Bytes key = b(random.nextInt(4), random.nextInt(256));
          if (random.nextInt(3) == 0) {
            tx.delete(Column.MODULE_STATE, key);
            next.remove(key);
          } else {
            Bytes value = Keys.u32(random.nextInt());
            tx.put(Column.MODULE_STATE, key, value);
            next.put(key, value);
          }
        }
        if (random.nextInt(4) == 0) {
          tx.rollback();
        } else {
          tx.commit(Durability.BUFFERED);
          model = next;
        }
      }
      Bytes from = b(random.nextInt(4), random.nextInt(256));
      Bytes to = b(random.nextInt(4), random.nextInt(256));
      KeyRange range =
          from.compareTo(to) <= 0
              ? KeyRange.between(from, to)
              : KeyRange.prefix(b(random.nextInt(4)));
      List<KeyValue> scanned = new ArrayList<>();
      store.scan(Column.MODULE_STATE, range, scanned::add);
      List<KeyValue> expected = new ArrayList<>();
      model.forEach(
          (k, v) -> {
            if (range.contains(k)) {
              expected.add(new KeyValue(k, v));
            }
          });
      assertThat(scanned).as("round %d, seed %d", round, seed).isEqualTo(expected);
    }
  }

  @Test
  void shouldRefuseUseAfterClose() {
    store.close();
    assertThatThrownBy(() -> store.get(Column.META, b(1))).isInstanceOf(StorageException.class);
    store.close();
  }

  @Test
  void shouldRecordCurrentSchemaVersion() {
    assertThat(store.get(Column.META, SchemaVersion.KEY)).contains(Keys.u32(SchemaVersion.CURRENT));
  }
}
