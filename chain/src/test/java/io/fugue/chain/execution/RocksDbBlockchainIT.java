package io.fugue.chain.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.ledger.Receipt;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.state.StateKeys;
import io.fugue.chain.storage.RocksDbConfig;
import io.fugue.chain.storage.RocksDbKeyValueStore;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs 200 blocks of random transfers on RocksDB, reopens, and checks every balance and block. */
class RocksDbBlockchainIT {
  private static final int ACCOUNTS = 20;
  private static final int BLOCKS = 200;
  private static final int PER_BLOCK = 40;

  @TempDir Path dir;

  @Test
  void shouldKeepEveryBlockAndBalanceAcrossAReopen() {
    Map<Address, BigInteger> expected = new HashMap<>();
    List<Hash32> hashes = new ArrayList<>();
    List<Transaction> sample = new ArrayList<>();
    Hash32 headRoot;
    long[] nonces = new long[ACCOUNTS];
    BigInteger minted = BigInteger.ZERO;
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(dir, RocksDbConfig.defaults())) {
      TestChain t = new TestChain(store, RateLimits.none(), ACCOUNTS);
      for (int i = 0; i < ACCOUNTS; i++) {
        expected.put(t.address(i), t.balance(i));
      }
      Random random = new Random(42);
      for (int b = 0; b < BLOCKS; b++) {
        List<Transaction> txs = new ArrayList<>();
        for (int k = 0; k < PER_BLOCK; k++) {
          int from = random.nextInt(ACCOUNTS);
          int to = random.nextInt(ACCOUNTS);
          long value = 1 + random.nextInt(1000);
          txs.add(t.transfer(from, to, value, 2, nonces[from]++));
          expected.merge(t.address(from), BigInteger.valueOf(-value - 2), BigInteger::add);
          expected.merge(t.address(to), BigInteger.valueOf(value), BigInteger::add);
        }
        var block = t.commit(txs, b % 2 == 0);
        assertThat(block.body().transactions()).hasSize(PER_BLOCK);
        hashes.add(block.hash());
        sample.add(txs.get(b % PER_BLOCK));
        minted = minted.add(t.config.rewards().blockReward(block.header().epoch()).toBigInteger());
      }
      headRoot = t.chain.head().stateRoot();
    }
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(dir, RocksDbConfig.defaults())) {
      TestChain t = new TestChain(store, RateLimits.none(), ACCOUNTS);
      assertThat(t.chain.head().number()).isEqualTo(BLOCKS);
      assertThat(t.chain.head().stateRoot()).isEqualTo(headRoot);
      for (int i = 0; i < ACCOUNTS; i++) {
        assertThat(t.balance(i))
            .as("balance of account %d", i)
            .isEqualTo(expected.get(t.address(i)));
        assertThat(t.nonce(i)).isEqualTo(nonces[i]);
      }
      BigInteger fees = BigInteger.valueOf(2L * PER_BLOCK * BLOCKS);
      assertThat(t.chain.headState().account(TestChain.proposer().toBytes()).balance())
          .isEqualTo(minted.add(fees));
      for (int n = 1; n <= BLOCKS; n++) {
        assertThat(t.chain.block(n).orElseThrow().hash()).isEqualTo(hashes.get(n - 1));
      }
      for (Transaction tx : sample) {
        assertThat(t.chain.transaction(tx.hash()).orElseThrow().transaction()).isEqualTo(tx);
        assertThat(t.chain.receipt(tx.hash()).orElseThrow().status())
            .isEqualTo(Receipt.Status.SUCCESS);
      }
      Address a = t.address(0);
      var account = t.chain.headState().account(a.toBytes());
      assertThat(
              t.chain
                  .worldState()
                  .proveAccount(headRoot, a.toBytes())
                  .verify(headRoot, StateKeys.account(a.toBytes()), Optional.of(account.encode())))
          .isTrue();
      t.clock.set(t.chain.head().timestamp());
      t.commit(List.of(t.transfer(0, 1, 1, 1, nonces[0])));
      assertThat(t.chain.head().number()).isEqualTo(BLOCKS + 1);
    }
  }
}
