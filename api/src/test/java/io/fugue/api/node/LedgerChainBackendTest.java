package io.fugue.api.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.api.http.ProblemException;
import io.fugue.api.model.Digest;
import io.fugue.api.model.HexBytes;
import io.fugue.api.port.Outcome;
import io.fugue.chain.ledger.Transfer;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LedgerChainBackendTest {
  private final LedgerFixture f = new LedgerFixture();
  private final LedgerChainBackend backend = new LedgerChainBackend(f.chains, () -> 7);

  private io.fugue.chain.ledger.Transaction transfer(long nonce) {
    return Transfer.unsigned(
            Main.CHAIN_ID,
            nonce,
            ShardId.of(1),
            Uint256.of(1_000),
            new Transfer(ShardId.of(1), f.key(5).address(), Uint256.of(42), Bytes.EMPTY))
        .sign(f.key(4));
  }

  @Test
  void shouldListEveryShardWithItsHead() {
    f.block(1);
    var shards = backend.shards().result();
    assertThat(shards)
        .extracting(s -> s.id() + ":" + s.kind() + ":" + s.height())
        .containsExactly("0:beacon:0", "1:shard:1");
    assertThat(shards.get(1).headHash()).isEqualTo(Convert.digest(f.shard.head().hash()));
  }

  @Test
  void shouldReadBlocksByNumberAndHashAndAProblemForShardsNotHeld() {
    f.block(1);
    var byNumber = backend.blockByNumber(1, 1).result().orElseThrow();
    assertThat(byNumber.number()).isEqualTo(1);
    assertThat(backend.blockByHash(1, byNumber.hash()).result()).contains(byNumber);
    assertThat(backend.blockByNumber(1, 99).result()).isEmpty();
    assertNotHeld(backend.blockByNumber(9, 0).cause(), 9);
    assertNotHeld(backend.blockByHash(2, byNumber.hash()).cause(), 2);
    assertThat(backend.blockByHash(1, new Digest(HexBytes.of(new byte[32]))).result()).isEmpty();
  }

  @Test
  void shouldPoolASignedTransactionThenShowItPendingThenIncluded() {
    var tx = transfer(0);
    var outcome = backend.submitTransaction(Convert.hex(tx.encode())).result();
    assertThat(outcome).isEqualTo(Outcome.done(Convert.digest(tx.hash())));
    assertThat(backend.transaction(Convert.digest(tx.hash())).result().orElseThrow().status())
        .isEqualTo("pending");
    f.block(1);
    var view = backend.transaction(Convert.digest(tx.hash())).result().orElseThrow();
    assertThat(view.status()).isEqualTo("included");
    assertThat(view.blockNumber()).isEqualTo(1L);
    assertThat(view.from()).isEqualTo(LedgerFixture.address(f.key(4)));
    var account =
        backend
            .account(LedgerFixture.address(f.key(4)), OptionalInt.empty())
            .result()
            .orElseThrow();
    assertThat(account.nonce()).isEqualTo(1);
    assertThat(account.shard()).isEqualTo(1);
    var onBeacon =
        backend.account(LedgerFixture.address(f.key(4)), OptionalInt.of(0)).result().orElseThrow();
    assertThat(onBeacon.shard()).isZero();
    assertThat(onBeacon.nonce()).as("nonces are per shard").isZero();
    assertThat(backend.account(LedgerFixture.address(f.key(4)), OptionalInt.of(1)).result())
        .contains(account);
  }

  @Test
  void shouldAnswerABadRequestNamingTheShardsHeldForAnAccountOnAnotherShard() {
    assertNotHeld(
        backend.account(LedgerFixture.address(f.key(4)), OptionalInt.of(2)).cause(), 2, 400);
    assertNotHeld(
        backend.account(LedgerFixture.address(f.key(4)), OptionalInt.of(-1)).cause(), -1, 400);
  }

  private static void assertNotHeld(Throwable cause, int shard) {
    assertNotHeld(cause, shard, 404);
  }

  private static void assertNotHeld(Throwable cause, int shard, int status) {
    assertThat(cause)
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("holds shard(s) [0, 1], not shard " + shard);
    assertThat(((ProblemException) cause).status()).isEqualTo(status);
  }

  @Test
  void shouldServeAReadOnlyBeaconReplicaAndRefuseBeaconSubmissions() {
    Map<Integer, ShardChains.Held> held = new TreeMap<>();
    held.put(0, new ShardChains.Held(f.beacon, Optional.empty()));
    held.put(1, new ShardChains.Held(f.shard, f.chains.submission(1)));
    LedgerChainBackend node = new LedgerChainBackend(new ShardChains(held), () -> 3);
    var onBeacon =
        Transfer.unsigned(
                Main.CHAIN_ID,
                0,
                ShardId.of(0),
                Uint256.of(1_000),
                new Transfer(ShardId.of(0), f.key(5).address(), Uint256.of(1), Bytes.EMPTY))
            .sign(f.key(4));
    var refused = node.submitTransaction(Convert.hex(onBeacon.encode())).result();
    assertThat(((Outcome.Rejected<?>) refused).detail())
        .contains("runs no consensus of shard 0", "shard(s) [1]");
    var onShard = transfer(0);
    assertThat(node.submitTransaction(Convert.hex(onShard.encode())).result())
        .isEqualTo(Outcome.done(Convert.digest(onShard.hash())));
    assertThat(node.blockByNumber(0, 0).result()).isPresent();
    assertThat(node.nodeInfo().result().shards()).containsExactly(0, 1);
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
    var tx =
        Transfer.unsigned(
                Main.CHAIN_ID,
                0,
                ShardId.of(2),
                Uint256.of(1_000),
                new Transfer(ShardId.of(2), f.key(5).address(), Uint256.of(1), Bytes.EMPTY))
            .sign(f.key(4));
    var outcome = backend.submitTransaction(Convert.hex(tx.encode())).result();
    assertThat(((Outcome.Rejected<?>) outcome).detail()).contains("runs no consensus of shard 2");
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
