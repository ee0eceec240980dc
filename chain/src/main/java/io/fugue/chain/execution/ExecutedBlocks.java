package io.fugue.chain.execution;

import io.fugue.chain.ledger.Receipt;
import io.fugue.chain.primitives.Hash32;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last few blocks executed but not yet committed (a proposal, or a block validated during
 * consensus), keyed by block hash, so the commit after finality replays their writes instead of
 * executing again. An entry is used only on the parent it was executed on, and entries on any other
 * parent are dropped when the head moves. Thread-safe.
 */
final class ExecutedBlocks {
  record Entry(Hash32 parentHash, RecordedWrites writes, List<Receipt> receipts) {}

  private final Map<Hash32, Entry> entries;

  ExecutedBlocks(int capacity) {
    this.entries =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Hash32, Entry> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized void remember(
      Hash32 blockHash, Hash32 parentHash, RecordedWrites writes, List<Receipt> receipts) {
    entries.put(blockHash, new Entry(parentHash, writes, List.copyOf(receipts)));
  }

  /** The entry of {@code blockHash} if it was executed on {@code parentHash}; removes it. */
  synchronized Entry take(Hash32 blockHash, Hash32 parentHash) {
    Entry e = entries.remove(blockHash);
    return e != null && e.parentHash().equals(parentHash) ? e : null;
  }

  /**
   * The head moved to {@code newHead}: only a child of it can be imported next, so every entry
   * executed on another parent is dead weight (up to a full block's writes each) and goes now.
   */
  synchronized void retainChildrenOf(Hash32 newHead) {
    entries.values().removeIf(e -> !e.parentHash().equals(newHead));
  }

  synchronized int size() {
    return entries.size();
  }

  synchronized void clear() {
    entries.clear();
  }
}
