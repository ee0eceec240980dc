package io.fugue.chain.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.consensus.ConsensusConfig;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.service.Service;
import io.fugue.chain.storage.Column;
import io.fugue.chain.storage.Durability;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.storage.KeyRange;
import io.fugue.chain.storage.KeyValue;
import io.fugue.chain.storage.KeyValueStore;
import io.fugue.chain.storage.KvTransaction;
import io.fugue.chain.storage.StorageException;
import io.fugue.chain.testing.Await;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fail-stop on the finalize/persist path: when the store refuses to take a finalized block (or a
 * safety record), the shard must stop with the machine never running ahead of what is stored.
 */
class FailStopIT {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  /** An in-memory store whose commits that write to one column fail once armed. */
  private static final class FailingStore implements KeyValueStore {
    final InMemoryKeyValueStore inner = new InMemoryKeyValueStore();
    final AtomicReference<Column> failColumn = new AtomicReference<>();
    final AtomicInteger failedCommits = new AtomicInteger();

    @Override
    public Optional<Bytes> get(Column column, Bytes key) {
      return inner.get(column, key);
    }

    @Override
    public void scan(Column column, KeyRange range, Predicate<KeyValue> visitor) {
      inner.scan(column, range, visitor);
    }

    @Override
    public KvTransaction startTransaction() {
      KvTransaction tx = inner.startTransaction();
      return new KvTransaction() {
        private final Set<Column> written = EnumSet.noneOf(Column.class);

        @Override
        public void put(Column column, Bytes key, Bytes value) {
          written.add(column);
          tx.put(column, key, value);
        }

        @Override
        public void delete(Column column, Bytes key) {
          tx.delete(column, key);
        }

        @Override
        public void commit(Durability durability) {
          if (written.contains(failColumn.get())) {
            failedCommits.incrementAndGet();
            tx.rollback();
            throw new StorageException("injected: disk full");
          }
          tx.commit(durability);
        }

        @Override
        public void afterCommit(Runnable action) {
          tx.afterCommit(action);
        }

        @Override
        public void rollback() {
          tx.rollback();
        }

        @Override
        public void close() {
          tx.close();
        }
      };
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  /**
   * BLOCKS: the import of a finalized block fails; META: its commit proof and the safety record
   * fail.
   */
  @ParameterizedTest
  @EnumSource(
      value = Column.class,
      names = {"BLOCKS", "META"})
  void shouldStopTheShardWhenTheStoreRefusesAFinalizedBlockOrSafetyRecord(Column failing)
      throws Exception {
    DevnetGenesis.Devnet devnet =
        DevnetGenesis.generate(
            new DevnetGenesis.Spec(
                Bytes.of(new byte[] {9}), 1, 1, 2, 1_000_000, RateLimits.none()));
    ShardNodes.Options options =
        ShardNodes.Options.defaults()
            .withTimings(ConsensusConfig.defaults().withTimings(20, 500, 500, 5_000));
    FailingStore store = new FailingStore();
    try (InMemoryNetwork network = new InMemoryNetwork()) {
      ShardNode node =
          ShardNodes.open(
              devnet.config(),
              0,
              devnet.validators().get(0).get(0),
              store,
              network.endpoint("0-0"),
              options,
              Clock.systemUTC());
      node.start();
      try {
        Await.until("head 3", DEADLINE, () -> node.setup().chain().head().number() >= 3);
        store.failColumn.set(failing);
        Optional<Throwable> cause =
            node.terminated().toCompletableFuture().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);

        assertThat(cause).isPresent();
        assertThat(causes(cause.get())).anyMatch(t -> t instanceof StorageException);
        assertThat(node.state()).isEqualTo(Service.State.FAILED);
        assertThat(store.failedCommits.get()).isPositive();
        long stored = node.setup().chain().head().number();
        NodeStatus status = node.status().get(DEADLINE.toSeconds(), TimeUnit.SECONDS);
        assertThat(status.state()).isEqualTo(Service.State.FAILED);
        assertThat(status.headNumber()).isEqualTo(stored);
        // The machine may have decided one block more than the store took, never two.
        assertThat(status.consensusHeight()).isLessThanOrEqualTo(stored + 2);
        node.stop(); // idempotent after a failure: the state stays FAILED
        assertThat(node.state()).isEqualTo(Service.State.FAILED);
      } finally {
        node.stop();
      }
    }
  }

  private static java.util.List<Throwable> causes(Throwable t) {
    java.util.List<Throwable> chain = new java.util.ArrayList<>();
    for (Throwable c = t; c != null && !chain.contains(c); c = c.getCause()) {
      chain.add(c);
    }
    return chain;
  }
}
