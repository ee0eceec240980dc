package io.fugue.chain.storage;

class InMemoryChainStoreTest extends ChainStoreContract {
  @Override
  protected KeyValueStore newStore() {
    return new InMemoryKeyValueStore();
  }
}
