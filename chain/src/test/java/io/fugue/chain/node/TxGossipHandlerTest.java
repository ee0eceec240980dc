package io.fugue.chain.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.crypto.Secp256k1Signature;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.execution.TestChain;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.ledger.Transfer;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.state.Account;
import io.fugue.chain.state.StateView;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.storage.StorageException;
import io.fugue.chain.txpool.TxPool;
import io.fugue.chain.txpool.TxPoolConfig;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TxGossipHandlerTest {
  private static final ConsensusNetwork.Peer PEER = new ConsensusNetwork.Peer("p");
  private final TestChain t = new TestChain(new InMemoryKeyValueStore(), RateLimits.none(), 4);

  private TxPool pool(TxPoolConfig config) {
    return new TxPool(t.config, config, t.modules, t.clock, t.chain.head(), t.chain.headState());
  }

  private TxGossipHandler handler(TxPool pool) {
    return new TxGossipHandler(t.config, TestChain.SHARD, pool);
  }

  @Test
  void shouldAcceptANewValidTransferAndPutItInThePool() {
    TxPool pool = pool(TxPoolConfig.defaults());
    TxGossipHandler h = handler(pool);
    Transaction tx = t.transfer(0, 1, 10, 1, 0);
    assertThat(h.onMessage(PEER, tx.encode())).isEqualTo(ConsensusNetwork.Verdict.ACCEPT);
    assertThat(pool.contains(tx.hash())).isTrue();
    assertThat(h.accepted()).isEqualTo(1);
  }

  @Test
  void shouldIgnoreAKnownTransactionAStaleNonceAndAFullPool() {
    t.commit(List.of(t.transfer(0, 1, 1, 1, 0)));
    TxPool pool = pool(TxPoolConfig.defaults().withMaxTransactions(1));
    TxGossipHandler h = handler(pool);
    Transaction first = t.transfer(1, 2, 1, 5, 0);
    assertThat(h.onMessage(PEER, first.encode())).isEqualTo(ConsensusNetwork.Verdict.ACCEPT);
    assertThat(h.onMessage(PEER, first.encode()))
        .as("already known")
        .isEqualTo(ConsensusNetwork.Verdict.IGNORE);
    assertThat(h.onMessage(PEER, t.transfer(0, 1, 1, 1, 0).encode()))
        .as("nonce already used")
        .isEqualTo(ConsensusNetwork.Verdict.IGNORE);
    assertThat(h.onMessage(PEER, t.transfer(2, 1, 1, 1, 0).encode()))
        .as("pool full, fee not higher")
        .isEqualTo(ConsensusNetwork.Verdict.IGNORE);
    assertThat(h.ignored()).isEqualTo(3);
    assertThat(h.rejected()).isZero();
    assertThat(pool.size()).isEqualTo(1);
  }

  @Test
  void shouldRejectMalformedAndOversizeBytes() {
    TxPool pool = pool(TxPoolConfig.defaults());
    TxGossipHandler h = handler(pool);
    Bytes good = t.transfer(0, 1, 10, 1, 0).encode();
    assertThat(h.onMessage(PEER, Bytes.EMPTY)).isEqualTo(ConsensusNetwork.Verdict.REJECT);
    assertThat(h.onMessage(PEER, Bytes.of(new byte[] {(byte) 0xff, 1, 2, 3})))
        .isEqualTo(ConsensusNetwork.Verdict.REJECT);
    assertThat(h.onMessage(PEER, good.slice(0, good.size() - 1)))
        .as("truncated")
        .isEqualTo(ConsensusNetwork.Verdict.REJECT);
    assertThat(h.onMessage(PEER, Bytes.of(new byte[t.config.limits().maxTransactionBytes() + 1])))
        .isEqualTo(ConsensusNetwork.Verdict.REJECT);
    assertThat(h.rejected()).isEqualTo(4);
    assertThat(pool.size()).isZero();
  }

  @Test
  void shouldRejectABadSignatureAnotherChainAndAnotherShard() {
    TxPool pool = pool(TxPoolConfig.defaults());
    TxGossipHandler h = handler(pool);
    Transaction good = t.transfer(0, 1, 1, 1, 0);
    Transaction badSig = null;
    for (int r = 1; badSig == null; r++) {
      Transaction c =
          new Transaction(
              good.unsigned(), new Secp256k1Signature(BigInteger.valueOf(r), BigInteger.ONE, 0));
      badSig = c.sender().isEmpty() ? c : null;
    }
    Transaction wrongChain =
        Transfer.unsigned(
                t.config.chainId() + 1,
                0,
                TestChain.SHARD,
                Uint256.ONE,
                new Transfer(TestChain.SHARD, t.address(1), Uint256.ONE, Bytes.EMPTY))
            .sign(t.key(0));
    Transaction wrongShard =
        Transfer.unsigned(
                t.config.chainId(),
                0,
                ShardId.of(0),
                Uint256.ONE,
                new Transfer(ShardId.of(0), t.address(1), Uint256.ONE, Bytes.EMPTY))
            .sign(t.key(0));
    assertThat(h.onMessage(PEER, badSig.encode())).isEqualTo(ConsensusNetwork.Verdict.REJECT);
    assertThat(h.onMessage(PEER, wrongChain.encode())).isEqualTo(ConsensusNetwork.Verdict.REJECT);
    assertThat(h.onMessage(PEER, wrongShard.encode())).isEqualTo(ConsensusNetwork.Verdict.REJECT);
    assertThat(h.rejected()).isEqualTo(3);
    assertThat(h.accepted()).isZero();
    assertThat(pool.size()).isZero();
  }

  @Test
  void shouldAcceptAFeeBumpReplacingAPendingTransaction() {
    TxPool pool = pool(TxPoolConfig.defaults());
    TxGossipHandler h = handler(pool);
    assertThat(h.onMessage(PEER, t.transfer(0, 1, 1, 10, 0).encode()))
        .isEqualTo(ConsensusNetwork.Verdict.ACCEPT);
    Transaction bump = t.transfer(0, 1, 1, 20, 0);
    assertThat(h.onMessage(PEER, bump.encode())).isEqualTo(ConsensusNetwork.Verdict.ACCEPT);
    assertThat(pool.contains(bump.hash())).isTrue();
    assertThat(pool.size()).isEqualTo(1);
  }

  @Test
  void shouldNeverThrowNorPoolRandomOrBitFlippedBytes() {
    TxPool pool = pool(TxPoolConfig.defaults());
    TxGossipHandler h = handler(pool);
    Random random = new Random(5);
    byte[] good = t.transfer(0, 1, 10, 1, 0).encode().toArray();
    for (int i = 0; i < 2_000; i++) {
      byte[] b;
      if (i % 2 == 0) {
        b = new byte[random.nextInt(300)];
        random.nextBytes(b);
      } else {
        b = good.clone();
        b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
      }
      // A flip may leave a well-formed transaction whose signature recovers another, unfunded
      // account: ignored, never pooled.
      assertThat(h.onMessage(PEER, Bytes.of(b))).isNotEqualTo(ConsensusNetwork.Verdict.ACCEPT);
    }
    assertThat(pool.size()).isZero();
    assertThat(h.rejected() + h.ignored()).isEqualTo(2_000);
    assertThat(h.rejected()).isPositive();
  }

  @Test
  void shouldIgnoreNotRejectWhenThisNodesPoolFails() {
    StateView broken =
        new StateView() {
          @Override
          public Account account(Bytes address) {
            throw new StorageException("store closed");
          }

          @Override
          public Optional<Bytes> moduleValue(Bytes moduleId, Bytes key) {
            throw new StorageException("store closed");
          }
        };
    TxPool pool =
        new TxPool(t.config, TxPoolConfig.defaults(), t.modules, t.clock, t.chain.head(), broken);
    TxGossipHandler h = handler(pool);
    assertThat(h.onMessage(PEER, t.transfer(0, 1, 10, 1, 0).encode()))
        .isEqualTo(ConsensusNetwork.Verdict.IGNORE);
    assertThat(h.rejected()).isZero();
  }
}
