package io.fugue.chain.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksDbChainStoreIT extends ChainStoreContract {
  @TempDir Path dir;

  @Override
  protected KeyValueStore newStore() {
    return RocksDbKeyValueStore.open(dir.resolve("db"), RocksDbConfig.defaults());
  }

  @Test
  void shouldResumeAtTheLastCommittedHeadAfterRestart() {
    for (int n = 0; n < 10; n++) {
      append(block(n));
    }
    store.close();
    store = newStore();
    chain = new ChainStore(store);
    assertThat(chain.head()).contains(new ChainHead(h(9, 0xb1), 9, h(9, 0x5e)));
    for (int n = 0; n < 10; n++) {
      assertThat(chain.canonicalHash(n)).contains(h(n, 0xb1));
    }
    append(block(10));
    assertThat(chain.head().orElseThrow().number()).isEqualTo(10);
  }
}
