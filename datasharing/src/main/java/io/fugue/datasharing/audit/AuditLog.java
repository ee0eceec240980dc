package io.fugue.datasharing.audit;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.storage.Column;
import io.fugue.chain.storage.Durability;
import io.fugue.chain.storage.KeyRange;
import io.fugue.chain.storage.KeyValueStore;
import io.fugue.chain.storage.Keys;
import io.fugue.chain.storage.KvTransaction;
import io.fugue.datasharing.DataSharingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The node's hash-chained data-sharing audit log in the {@link Column#AUDIT} column, keys {@code
 * 'L' ‖ seq(8)}. Node-local, not on chain: queries are answered off-chain by one node, and their
 * audit trail stays with the node operator (the processor) that answered them. Appends are
 * serialised and committed with {@link Durability#SYNC} together with the caller's own writes, so a
 * state change and its audit entry become durable together or not at all.
 */
public final class AuditLog {
  private static final Bytes PREFIX = Bytes.of((byte) 'L');

  private final KeyValueStore store;
  private long nextSeq;
  private Hash32 head;

  /** Opens the log, finding its head by scanning the existing entries. */
  public AuditLog(KeyValueStore store) {
    this.store = Objects.requireNonNull(store, "store");
    List<AuditEntry> all = entries(0, Integer.MAX_VALUE);
    if (all.isEmpty()) {
      nextSeq = 0;
      head = Hash32.ZERO;
    } else {
      AuditEntry last = all.get(all.size() - 1);
      nextSeq = last.seq() + 1;
      head = last.hash();
    }
  }

  /**
   * Appends an entry and commits it, with whatever {@code alsoWrite} puts into the same
   * transaction, atomically.
   */
  public synchronized AuditEntry append(
      String event,
      Hash32 reference,
      Optional<Hash32> proofHash,
      String detail,
      long time,
      Consumer<KvTransaction> alsoWrite) {
    AuditEntry entry = new AuditEntry(nextSeq, head, time, event, reference, proofHash, detail);
    try (KvTransaction tx = store.startTransaction()) {
      alsoWrite.accept(tx);
      tx.put(Column.AUDIT, key(entry.seq()), entry.encode());
      tx.commit(Durability.SYNC);
    }
    nextSeq++;
    head = entry.hash();
    return entry;
  }

  /** Entries from {@code fromSeq}, at most {@code limit}, in order. */
  public List<AuditEntry> entries(long fromSeq, int limit) {
    List<AuditEntry> out = new ArrayList<>();
    store.scan(
        Column.AUDIT,
        new KeyRange(key(fromSeq), Keys.prefixEnd(PREFIX)),
        kv -> {
          out.add(AuditEntry.decode(kv.value()));
          return out.size() < limit;
        });
    return out;
  }

  /** Checks the hash chain end to end; throws naming the first broken link. */
  public synchronized void verifyChain() {
    Hash32 expected = Hash32.ZERO;
    long seq = 0;
    for (AuditEntry e : entries(0, Integer.MAX_VALUE)) {
      if (e.seq() != seq || !e.previous().equals(expected)) {
        throw new DataSharingException("audit log broken at entry " + seq);
      }
      expected = e.hash();
      seq++;
    }
    if (seq != nextSeq) {
      throw new DataSharingException("audit log ends at " + seq + ", expected " + nextSeq);
    }
  }

  private static Bytes key(long seq) {
    return Bytes.concat(PREFIX, Keys.u64(seq));
  }
}
