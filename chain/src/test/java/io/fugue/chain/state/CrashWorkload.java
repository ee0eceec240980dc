package io.fugue.chain.state;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.storage.ChainHead;
import io.fugue.chain.storage.ChainStore;
import io.fugue.chain.storage.Durability;
import io.fugue.chain.storage.KeyValueStore;
import io.fugue.chain.storage.Keys;
import io.fugue.chain.storage.KvTransaction;
import io.fugue.chain.storage.StoredBlock;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A deterministic chain for the crash test: block n's transfers derive from n alone, so a checker
 * can recompute every state root without the database under test.
 */
final class CrashWorkload {
  static final int ACCOUNTS = 100;
  static final int TRANSFERS_PER_BLOCK = 200;
  static final BigInteger INITIAL_BALANCE = BigInteger.valueOf(1_000_000);
  static final BigInteger TOTAL_SUPPLY = INITIAL_BALANCE.multiply(BigInteger.valueOf(ACCOUNTS));
  static final Bytes MODULE = Bytes.of("crash".getBytes(StandardCharsets.US_ASCII));
  static final Bytes COUNTER = Bytes.of("last-block".getBytes(StandardCharsets.US_ASCII));

  private CrashWorkload() {}

  static Bytes address(int i) {
    byte[] a = new byte[20];
    a[0] = (byte) 0xac;
    a[19] = (byte) i;
    return Bytes.of(a);
  }

  /** Executes block {@code n}'s writes on {@code state}. */
  static void execute(StateWriter state, long n) {
    if (n == 0) {
      for (int i = 0; i < ACCOUNTS; i++) {
        state.setAccount(address(i), new Account(INITIAL_BALANCE, 0));
      }
    } else {
      Random random = new Random(n * 0x9E3779B97F4A7C15L);
      for (int t = 0; t < TRANSFERS_PER_BLOCK; t++) {
        Bytes from = address(random.nextInt(ACCOUNTS));
        Bytes to = address(random.nextInt(ACCOUNTS));
        Account sender = state.account(from);
        BigInteger amount = BigInteger.valueOf(random.nextInt(5_000)).min(sender.balance());
        state.setAccount(
            from,
            sender.withBalance(sender.balance().subtract(amount)).withNonce(sender.nonce() + 1));
        Account receiver = state.account(to);
        state.setAccount(to, receiver.withBalance(receiver.balance().add(amount)));
      }
    }
    state.putModuleValue(MODULE, COUNTER, Keys.u64(n));
  }

  static Hash32 blockHash(long n, Hash32 parent, Hash32 stateRoot) {
    return Sha256.hash(Bytes.concat(Keys.u64(n), parent.toBytes(), stateRoot.toBytes()));
  }

  static StoredBlock block(long n, Hash32 parent, Hash32 stateRoot) {
    Bytes header = Bytes.concat(Keys.u64(n), parent.toBytes(), stateRoot.toBytes());
    List<Hash32> txs = new ArrayList<>();
    List<Bytes> receipts = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      txs.add(Sha256.hash(Bytes.concat(Keys.u64(n), Keys.u32(i))));
      receipts.add(Bytes.concat(Keys.u64(n), Keys.u32(i)));
    }
    return new StoredBlock(
        blockHash(n, parent, stateRoot), n, parent, stateRoot, header, Keys.u64(n), txs, receipts);
  }

  /** Executes and commits the block after the head (or genesis) with its state, atomically. */
  static long commitNext(KeyValueStore store, WorldState world, ChainStore chain) {
    ChainHead head = chain.head().orElse(null);
    long n = head == null ? 0 : head.number() + 1;
    Hash32 parentRoot = head == null ? WorldState.EMPTY_ROOT : head.stateRoot();
    BlockState state = world.newBlockState(parentRoot);
    execute(state, n);
    try (KvTransaction tx = store.startTransaction()) {
      Hash32 root = state.commit(tx);
      chain.appendBlock(tx, block(n, head == null ? Hash32.ZERO : head.hash(), root));
      tx.commit(Durability.SYNC);
    }
    return n;
  }
}
