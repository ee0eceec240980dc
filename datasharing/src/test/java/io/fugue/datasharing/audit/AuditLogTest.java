package io.fugue.datasharing.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.storage.Column;
import io.fugue.chain.storage.Durability;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.storage.KeyRange;
import io.fugue.chain.storage.KeyValue;
import io.fugue.chain.storage.KvTransaction;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.Text;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditLogTest {
  private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();

  private static Hash32 ref(int i) {
    return Hashing.keccak256(new byte[] {(byte) i});
  }

  @Test
  void shouldChainEntriesAndContinueTheChainAfterReopening() {
    AuditLog log = new AuditLog(store);
    AuditEntry first = log.append("query.created", ref(1), Optional.empty(), "", 10, tx -> {});
    AuditEntry second =
        log.append("query.PROVEN_TRUE", ref(1), Optional.of(ref(9)), "", 11, tx -> {});
    assertThat(first.previous()).isEqualTo(Hash32.ZERO);
    assertThat(second.previous()).isEqualTo(first.hash());

    AuditLog reopened = new AuditLog(store);
    AuditEntry third = reopened.append("query.created", ref(2), Optional.empty(), "", 12, tx -> {});
    assertThat(third.seq()).isEqualTo(2);
    assertThat(third.previous()).isEqualTo(second.hash());
    reopened.verifyChain();
    assertThat(reopened.entries(1, 10)).containsExactly(second, third);
  }

  @Test
  void shouldCommitTheCallersWritesWithTheEntry() {
    AuditLog log = new AuditLog(store);
    Bytes key = Bytes.of((byte) 'Q', (byte) 1);
    log.append(
        "query.created",
        ref(1),
        Optional.empty(),
        "",
        10,
        tx -> tx.put(Column.AUDIT, key, Bytes.of((byte) 42)));
    assertThat(store.get(Column.AUDIT, key)).contains(Bytes.of((byte) 42));
  }

  @Test
  void shouldDetectAnAlteredEntry() {
    AuditLog log = new AuditLog(store);
    log.append("query.created", ref(1), Optional.empty(), "", 10, tx -> {});
    log.append("query.FAILED", ref(1), Optional.of(ref(3)), "invalid proof", 11, tx -> {});
    log.append("query.created", ref(2), Optional.empty(), "", 12, tx -> {});
    List<KeyValue> stored = new ArrayList<>();
    store.scan(Column.AUDIT, KeyRange.all(), kv -> stored.add(kv));
    AuditEntry original = AuditEntry.decode(stored.get(1).value());
    AuditEntry forged =
        new AuditEntry(
            original.seq(),
            original.previous(),
            original.time(),
            "query.PROVEN_TRUE",
            original.reference(),
            original.proofHash(),
            "");
    try (KvTransaction tx = store.startTransaction()) {
      tx.put(Column.AUDIT, stored.get(1).key(), forged.encode());
      tx.commit(Durability.SYNC);
    }
    assertThatThrownBy(() -> new AuditLog(store).verifyChain())
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("broken at entry 2");
  }

  @Test
  void shouldClipReasonsToTheirByteLimitWithoutControlCharacters() {
    String clipped = Text.clip("é".repeat(600) + "\n", 400);
    assertThat(clipped.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(400);
    assertThat(clipped).endsWith("…");
    assertThat(Text.clip("a\nb", 400)).isEqualTo("a b");
  }
}
