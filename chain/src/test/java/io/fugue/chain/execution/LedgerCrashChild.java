package io.fugue.chain.execution;

import io.fugue.chain.storage.RocksDbConfig;
import io.fugue.chain.storage.RocksDbKeyValueStore;
import java.nio.file.Path;

/**
 * The child JVM of {@link LedgerCrashIT}: opens the chain on RocksDB (resuming at its head) and
 * commits real blocks of transfers through {@link Blockchain#importBlock} until killed, printing
 * "committed N" once block N is durable.
 */
public final class LedgerCrashChild {
  private LedgerCrashChild() {}

  public static void main(String[] args) {
    try (RocksDbKeyValueStore store =
        RocksDbKeyValueStore.open(Path.of(args[0]), RocksDbConfig.defaults())) {
      TestChain t = LedgerCrashWorkload.chain(store);
      while (true) {
        long n = LedgerCrashWorkload.next(t).header().number();
        System.out.println("committed " + n);
        System.out.flush();
      }
    }
  }
}
