package io.fugue.chain.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.genesis.Genesis;
import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.BlockBody;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.ledger.Receipt;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.ChainException;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class BlockchainTest {
  private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
  private final TestChain t =
      new TestChain(store, DevnetGenesis.Spec.defaults(TestChain.SEED).rateLimits(), 4);

  @Test
  void shouldStartAtTheGenesisBlockWithItsAllocations() {
    assertThat(t.chain.head().number()).isZero();
    assertThat(t.chain.head().hash()).isEqualTo(t.chain.genesisHash());
    assertThat(t.balance(0)).isEqualTo(DevnetGenesis.COIN.multiply(BigInteger.valueOf(1_000_000)));
  }

  @Test
  void shouldAcceptItsOwnBlockAndApplyTheTransfers() {
    BigInteger before = t.balance(0);
    Transaction tx = t.transfer(0, 1, 500, 7, 0);
    Block block = t.commit(List.of(tx));

    assertThat(t.chain.head()).isEqualTo(block.header());
    assertThat(t.balance(0)).isEqualTo(before.subtract(BigInteger.valueOf(507)));
    assertThat(t.balance(1)).isEqualTo(before.add(BigInteger.valueOf(500)));
    assertThat(t.nonce(0)).isEqualTo(1);
    BigInteger reward = t.config.rewards().blockReward(0).toBigInteger();
    assertThat(t.chain.headState().account(TestChain.proposer().toBytes()).balance())
        .isEqualTo(reward.add(BigInteger.valueOf(7)));
    assertThat(t.chain.transaction(tx.hash()).orElseThrow().transaction()).isEqualTo(tx);
    assertThat(t.chain.receipt(tx.hash()).orElseThrow().status()).isEqualTo(Receipt.Status.SUCCESS);
    assertThat(t.chain.block(1)).contains(block);
    assertThat(t.chain.block(block.hash())).contains(block);
  }

  @Test
  void shouldValidateABuiltBlockOnAnotherNode() {
    TestChain other = new TestChain(new InMemoryKeyValueStore(), t.config.rateLimits(), 4);
    for (int n = 0; n < 3; n++) {
      Block block = t.commit(List.of(t.transfer(0, 1, 10, 1, n), t.transfer(2, 3, 20, 2, n)));
      other.clock.set(t.clock.millis());
      assertThat(other.chain.importBlock(block)).isEqualTo(Validation.ACCEPT);
    }
    assertThat(other.chain.head()).isEqualTo(t.chain.head());
  }

  @Test
  void shouldSkipInvalidCandidatesWhenBuilding() {
    Transaction good = t.transfer(0, 1, 10, 1, 0);
    Transaction replay = t.transfer(0, 1, 10, 1, 0);
    Transaction gap = t.transfer(2, 1, 10, 1, 5);
    BuiltBlock built = t.build(List.of(good, replay, gap));
    assertThat(built.block().body().transactions()).containsExactly(good);
    assertThat(built.result().skipped())
        .extracting(s -> s.rejection().reason())
        .containsExactly(TxRejection.Reason.NONCE_TOO_LOW, TxRejection.Reason.NONCE_TOO_HIGH);
  }

  @Test
  void shouldRejectABlockWithAnyTamperedLedgerField() {
    t.commit(List.of(t.transfer(0, 1, 10, 1, 0)));
    BuiltBlock built = t.build(List.of(t.transfer(0, 1, 10, 1, 1), t.transfer(2, 3, 5, 1, 0)));
    Block good = built.block();
    assertThat(t.chain.validate(good)).isEqualTo(Validation.ACCEPT);
    Hash32 other = Hash32.fromHex("11".repeat(32));
    List<UnaryOperator<BlockHeader.Builder>> tampers =
        List.of(
            b -> b.shardId(ShardId.of(0)),
            b -> b.number(3),
            b -> b.epoch(1),
            b -> b.parentHash(other),
            b -> b.timestamp(good.header().timestamp() + 1),
            b -> b.timestamp(t.chain.head().timestamp()),
            b -> b.timestamp(t.clock.millis() + t.config.maxClockDriftMillis() + 1),
            b -> b.proposer(Address.fromHex("0x00000000000000000000000000000000000000bb")),
            b -> b.stateRoot(other),
            b -> b.txRoot(other),
            b -> b.receiptRoot(other),
            b -> b.outgoingReceiptRoot(other),
            b -> b.incomingReceiptRoot(other),
            b -> b.shardStateHash(other),
            b -> b.crosslinksRoot(other));
    for (UnaryOperator<BlockHeader.Builder> tamper : tampers) {
      Block bad = new Block(tamper.apply(good.header().toBuilder()).build(), good.body());
      assertThat(t.chain.validate(bad))
          .as("tampered %s", bad.header())
          .isNotEqualTo(Validation.ACCEPT);
    }
    assertThat(t.chain.head().number()).isEqualTo(1);
  }

  @Test
  void shouldIgnoreABlockThatDoesNotExtendTheHead() {
    Block first = t.commit(List.of());
    t.commit(List.of());
    Validation v = t.chain.validate(first);
    assertThat(v).isInstanceOf(Validation.Ignore.class);
    assertThat(v.reason()).contains("does not follow");
  }

  @Test
  void shouldLeaveConsensusBoundFieldsToConsensusButChangeTheHash() {
    t.commit(List.of());
    Block good = t.build(List.of(t.transfer(0, 1, 10, 1, 0))).block();
    List<UnaryOperator<BlockHeader.Builder>> consensusFields =
        List.of(
            b -> b.viewId(9),
            b -> b.lastCommitBitmap(io.fugue.chain.primitives.Bytes.of((byte) 0xff)),
            b -> b.vrf(io.fugue.chain.primitives.Bytes.of((byte) 1)),
            b -> b.vdf(io.fugue.chain.primitives.Bytes.of((byte) 1)),
            b -> b.extra(io.fugue.chain.primitives.Bytes.of((byte) 1)));
    for (UnaryOperator<BlockHeader.Builder> tamper : consensusFields) {
      Block changed = new Block(tamper.apply(good.header().toBuilder()).build(), good.body());
      // The commit signature over the hash (consensus) is what rejects these.
      assertThat(changed.hash()).isNotEqualTo(good.hash());
      assertThat(t.chain.validate(changed)).isEqualTo(Validation.ACCEPT);
    }
  }

  @Test
  void shouldReuseAValidatedExecutionOnlyForTheSameBody() {
    TestChain other = new TestChain(new InMemoryKeyValueStore(), t.config.rateLimits(), 4);
    Transaction a = t.transfer(0, 1, 10, 1, 0);
    Block good = t.build(List.of(a)).block();
    other.clock.set(t.clock.millis());
    assertThat(other.chain.validate(good)).isEqualTo(Validation.ACCEPT);
    Block sameHeaderOtherBody =
        new Block(
            good.header(),
            new BlockBody(List.of(t.transfer(2, 1, 10, 1, 0)), List.of(), List.of()));
    assertThat(other.chain.importBlock(sameHeaderOtherBody)).isInstanceOf(Validation.Reject.class);
    assertThat(other.chain.head().number()).isZero();
    assertThat(other.chain.importBlock(good)).isEqualTo(Validation.ACCEPT);
    assertThat(other.chain.head()).isEqualTo(good.header());
    assertThat(other.balance(1)).isEqualTo(t.balance(1).add(BigInteger.TEN));
  }

  @Test
  void shouldRejectATamperedBody() {
    t.commit(List.of());
    Transaction a = t.transfer(0, 1, 10, 1, 0);
    Transaction b = t.transfer(0, 1, 10, 1, 1);
    Block good = t.build(List.of(a, b)).block();
    List<List<Transaction>> bodies = new ArrayList<>();
    bodies.add(List.of(b, a));
    bodies.add(List.of(a));
    bodies.add(List.of(a, b, t.transfer(2, 1, 1, 1, 0)));
    for (List<Transaction> txs : bodies) {
      Block sameHeader = new Block(good.header(), new BlockBody(txs, List.of(), List.of()));
      assertThat(t.chain.validate(sameHeader).reason()).contains("txRoot");
      BlockHeader fixedRoot =
          good.header().toBuilder()
              .txRoot(new BlockBody(txs, List.of(), List.of()).txRoot())
              .build();
      assertThat(t.chain.validate(new Block(fixedRoot, sameHeader.body())))
          .isInstanceOf(Validation.Reject.class);
    }
  }

  @Test
  void shouldNameTheInvalidTransactionOfAReceivedBlock() {
    t.commit(List.of());
    Block good = t.build(List.of(t.transfer(0, 1, 10, 1, 0))).block();
    Transaction replayed = t.transfer(0, 1, 10, 1, 0);
    BlockBody body = new BlockBody(List.of(replayed, replayed), List.of(), List.of());
    Block bad = new Block(good.header().toBuilder().txRoot(body.txRoot()).build(), body);
    Validation v = t.chain.importBlock(bad);
    assertThat(v).isInstanceOf(Validation.Reject.class);
    assertThat(v.reason()).contains("transaction 1").contains("NONCE_TOO_LOW");
    assertThat(t.chain.head().number()).isEqualTo(1);
    assertThat(t.nonce(0)).isZero();
  }

  @Test
  void shouldResumeAtTheHeadAfterRestart() {
    for (int n = 0; n < 5; n++) {
      t.commit(List.of(t.transfer(0, 1, 10, 1, n)));
    }
    BlockHeader head = t.chain.head();
    BigInteger balance = t.balance(1);
    t.reopen();
    assertThat(t.chain.head()).isEqualTo(head);
    assertThat(t.balance(1)).isEqualTo(balance);
    t.commit(List.of(t.transfer(0, 1, 10, 1, 5)));
    assertThat(t.chain.head().number()).isEqualTo(6);
  }

  @Test
  void shouldRefuseAStoreOfAnotherGenesis() {
    var otherGenesis =
        DevnetGenesis.generate(
                DevnetGenesis.Spec.defaults(io.fugue.chain.primitives.Bytes.of((byte) 9)))
            .config();
    assertThatThrownBy(
            () ->
                Blockchain.open(
                    store,
                    otherGenesis.chainConfig(),
                    Genesis.forShard(otherGenesis, TestChain.SHARD),
                    t.modules,
                    RewardRecipients.PROPOSER,
                    t.clock))
        .isInstanceOf(ChainException.class)
        .hasMessageContaining("genesis");
  }

  @Test
  void shouldNotifyHeadListenersAfterCommit() {
    List<Long> seen = new ArrayList<>();
    t.chain.addHeadListener(b -> seen.add(b.header().number()));
    t.commit(List.of());
    t.commit(List.of());
    assertThat(seen).containsExactly(1L, 2L);
  }
}
