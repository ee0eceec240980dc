package io.fugue.api.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.api.model.Digest;
import io.fugue.api.model.HexBytes;
import io.fugue.api.port.Outcome;
import io.fugue.chain.ledger.Transfer;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LedgerChainBackendTest {
  private final LedgerFixture f = new LedgerFixture();
  private final LedgerChainBackend backend = new LedgerChainBackend(f.chains, () -> 7);

  private io.fugue.chain.ledger.Transaction transfer(long nonce) {
    return Transfer.unsigned(Main.CHAIN_ID, nonce, ShardId.of(1), Uint256.of(1_000),
        new Transfer(ShardId.of(1), f.key(5).address(), Uint256.of(42), Bytes.EMPTY)).sign(f.key(4));
  }

  @Test
  void shouldListEveryShardWithItsHead() {
    f.block(1);
    var shards = backend.shards().result();
    assertThat(shards).extracting(s -> s.id() + ":" + s.kind() + ":" + s.height())
        .containsExactly("0:beacon:0", "1:shard:1");
    assertThat(shards.get(1).headHash()).isEqualTo(Convert.digest(f.shard.head().hash()));
  }

  @Test
  void shouldReadBlocksByNumberAndHashAndNothingForUnknownShards() {
    f.block(1);
    var byNumber = backend.blockByNumber(1, 1).result().orElseThrow();
    assertThat(byNumber.number()).isEqualTo(1);
    assertThat(backend.blockByHash(1, byNumber.hash()).result()).contains(byNumber);
    assertThat(backend.blockByNumber(1, 99).result()).isEmpty();
    assertThat(backend.blockByNumber(9, 0).result()).isEmpty();
    assertThat(backend.blockByHash(1, new Digest(HexBytes.of(new byte[32]))).result()).isEmpty();
  }

  @Test
  void shouldPoolASignedTransactionThenShowItPendingThenIncluded() {
    var tx = transfer(0);
    var outcome = backend.submitTransaction(Convert.hex(tx.encode())).result();
    assertThat(outcome).isEqualTo(Outcome.done(Convert.digest(tx.hash())));
    assertThat(backend.transaction(Convert.digest(tx.hash())).result().orElseThrow().status()).isEqualTo("pending");
    f.block(1);
    var view = backend.transaction(Convert.digest(tx.hash())).result().orElseThrow();
    assertThat(view.status()).isEqualTo("included");
    assertThat(view.blockNumber()).isEqualTo(1L);
    assertThat(view.from()).isEqualTo(LedgerFixture.address(f.key(4)));
    var account = backend.account(LedgerFixture.address(f.key(4)), OptionalInt.empty())
        .result().orElseThrow();
    assertThat(account.nonce()).isEqualTo(1);
    assertThat(account.shard()).isEqualTo(1);
    var onBeacon = backend.account(LedgerFixture.address(f.key(4)), OptionalInt.of(0))
        .result().orElseThrow();
    assertThat(onBeacon.shard()).isZero();
    assertThat(onBeacon.nonce()).as("nonces are per shard").isZero();
    assertThat(backend.account(LedgerFixture.address(f.key(4)), OptionalInt.of(1)).result())
        .contains(account);
  }

  @Test
  void shouldAnswerNoAccountOnAShardTheNodeDoesNotHave() {
    assertThat(backend.account(LedgerFixture.address(f.key(4)), OptionalInt.of(2)).result()).isEmpty();
    assertThat(backend.account(LedgerFixture.address(f.key(4)), OptionalInt.of(-1)).result()).isEmpty();
  }

  @Test
  void shouldRejectBytesThatAreNotATransactionAndPoolNothing() {
    var outcome = backend.submitTransaction(HexBytes.of(new byte[] {1, 2, 3})).result();
    assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
    assertThat(((Outcome.Rejected<?>) outcome).reason()).isEqualTo(Outcome.Reason.INVALID);
    assertThat(f.chains.pools(1).get(0).size()).isZero();
  }

  @Test
  void shouldRejectATransactionForAShardThisNodeDoesNotRun() {
    var tx = Transfer.unsigned(Main.CHAIN_ID, 0, ShardId.of(2), Uint256.of(1_000),
        new Transfer(ShardId.of(2), f.key(5).address(), Uint256.of(1), Bytes.EMPTY)).sign(f.key(4));
    var outcome = backend.submitTransaction(Convert.hex(tx.encode())).result();
    assertThat(((Outcome.Rejected<?>) outcome).detail()).contains("no shard 2");
  }

  @Test
  void shouldRejectATamperedSignature() {
    byte[] raw = transfer(0).encode().toArray();
    raw[raw.length - 2] ^= 1;
    var outcome = backend.submitTransaction(HexBytes.of(raw)).result();
    assertThat(outcome).isInstanceOf(Outcome.Rejected.class);
    assertThat(f.chains.pools(1).get(0).size()).isZero();
  }

  @Test
  void shouldReportShardsAndPeers() {
    var info = backend.nodeInfo().result();
    assertThat(info.shards()).containsExactly(0, 1);
    assertThat(info.peers()).isEqualTo(7);
  }
}
