package io.fugue.chain.state;

import io.fugue.chain.storage.ChainStore;
import io.fugue.chain.storage.RocksDbConfig;
import io.fugue.chain.storage.RocksDbKeyValueStore;
import java.nio.file.Path;

/**
 * The process the crash test kills: opens the database, resumes after its head and commits blocks
 * until killed, printing "committed N" once block N's commit has returned.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) {
    try (RocksDbKeyValueStore store =
        RocksDbKeyValueStore.open(
            Path.of(args[0]), RocksDbConfig.defaults().withBlockCacheBytes(8L << 20))) {
      WorldState world = new WorldState(store);
      ChainStore chain = new ChainStore(store);
      System.out.println(
          "opened " + chain.head().map(h -> Long.toString(h.number())).orElse("empty"));
      System.out.flush();
      long limit = args.length > 1 ? Long.parseLong(args[1]) : Long.MAX_VALUE;
      for (long i = 0; i < limit; i++) {
        long n = CrashWorkload.commitNext(store, world, chain);
        System.out.println("committed " + n);
        System.out.flush();
      }
    }
  }
}
