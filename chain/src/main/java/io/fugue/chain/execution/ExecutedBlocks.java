package io.fugue.chain.execution;

import io.fugue.chain.ledger.Receipt;
import io.fugue.chain.primitives.Hash32;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last few blocks executed but not yet committed (a proposal, or a block validated during
 * consensus), keyed by block hash, so the commit after finality replays their writes instead of
 * executing again. An entry is used only on the parent it was executed on. Thread-safe.
 */
final class ExecutedBlocks {
  record Entry(Hash32 parentHash, RecordedWrites writes, List<Receipt> receipts) {}

  private final Map<Hash32, Entry> entries;

  ExecutedBlocks(int capacity) {
    this.entries = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Hash32, Entry> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized void remember(Hash32 blockHash, Hash32 parentHash, RecordedWrites writes,
      List<Receipt> receipts) {
    entries.put(blockHash, new Entry(parentHash, writes, List.copyOf(receipts)));
  }

  /** The entry of {@code blockHash} if it was executed on {@code parentHash}; removes it. */
  synchronized Entry take(Hash32 blockHash, Hash32 parentHash) {
    Entry e = entries.remove(blockHash);
    return e != null && e.parentHash().equals(parentHash) ? e : null;
  }

  synchronized void clear() {
    entries.clear();
  }
}
