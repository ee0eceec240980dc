package io.fugue.geofencing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.execution.BuildRequest;
import io.fugue.chain.execution.BuiltBlock;
import io.fugue.chain.execution.ChainConfig;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.execution.RewardRecipients;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.genesis.Genesis;
import io.fugue.chain.ledger.Receipt;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.testing.MutableClock;
import io.fugue.geofencing.location.LocationModule;
import io.fugue.geofencing.policy.CountryCode;
import io.fugue.geofencing.policy.FenceId;
import io.fugue.geofencing.policy.FencePolicy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fences module inside real block execution: a beacon {@link Blockchain} over an in-memory
 * store with {@link FenceModule} and {@link LocationModule} registered, transactions signed by
 * devnet accounts (0, 1 governance 2-of-2; 2, 3 officers).
 */
class FenceModuleTest {
  private final DevnetGenesis.Devnet devnet =
      DevnetGenesis.generate(
          new DevnetGenesis.Spec(
              Bytes.of("geofencing-test".getBytes(StandardCharsets.US_ASCII)),
              2,
              1,
              6,
              1_000,
              RateLimits.none()));
  private final ChainConfig config = devnet.config().chainConfig();
  private final MutableClock clock = new MutableClock(DevnetGenesis.TIMESTAMP);
  private final ComplianceGovernance gov =
      new ComplianceGovernance(List.of(address(0), address(1)), 2, 2);
  private final Blockchain beacon =
      Blockchain.open(
          new InMemoryKeyValueStore(),
          config,
          Genesis.forShard(devnet.config(), ShardId.BEACON),
          ModuleRegistry.builder()
              .register(new FenceModule(gov))
              .register(new LocationModule(gov))
              .build(),
          RewardRecipients.PROPOSER,
          clock);

  private Secp256k1PrivateKey key(int i) {
    return devnet.accounts().get(i);
  }

  private Address address(int i) {
    return key(i).address();
  }

  private Transaction tx(int i, FenceTx body) {
    long nonce = beacon.headState().account(address(i).toBytes()).nonce();
    return body.unsigned(config.chainId(), nonce, Uint256.of(1_000)).sign(key(i));
  }

  private BuiltBlock block(Transaction... txs) {
    clock.advance(2_000);
    BuiltBlock built =
        beacon.build(
            BuildRequest.simple(
                Address.fromHex("0x00000000000000000000000000000000000000aa"), clock.millis()),
            List.of(txs));
    Validation v = beacon.importBlock(built.block());
    assertThat(v.isAccepted()).as(v.reason()).isTrue();
    return built;
  }

  private void ok(int i, FenceTx body) {
    BuiltBlock b = block(tx(i, body));
    assertThat(b.result().skipped()).as("skipped").isEmpty();
    assertThat(b.result().receipts().get(0).status()).isEqualTo(Receipt.Status.SUCCESS);
  }

  private String skipped(int i, FenceTx body) {
    BuiltBlock b = block(tx(i, body));
    assertThat(b.result().transactions()).isEmpty();
    return b.result().skipped().get(0).rejection().detail();
  }

  @Test
  void shouldRunTheOfficerAndFenceLifecycleInBeaconBlocks() {
    for (int officer : new int[] {2, 3}) {
      ok(0, new FenceTx.NominateOfficer(address(officer)));
      ok(1, new FenceTx.NominateOfficer(address(officer)));
    }
    assertThat(FenceState.officers(beacon.headState()))
        .extracting(Appointee::account)
        .containsExactly(address(2), address(3));
    FencePolicy eu =
        new FencePolicy(
            List.of(CountryCode.of("DE"), CountryCode.of("FR")),
            List.of(ShardId.of(1)),
            List.of(),
            List.of(),
            86_400);
    long from = beacon.head().number() + 10;
    FenceId id = FenceId.of("eu");
    ok(2, new FenceTx.Propose(id, 0, eu, from));
    assertThat(skipped(4, new FenceTx.Approve(0))).contains("only a compliance officer");
    assertThat(skipped(2, new FenceTx.Approve(0))).contains("already approved");
    ok(3, new FenceTx.Approve(0));
    Fence v1 = FenceState.latest(beacon.headState(), id).orElseThrow();
    assertThat(v1.version()).isEqualTo(1);
    assertThat(v1.inForceFrom()).isEqualTo(from);
    assertThat(v1.policy()).isEqualTo(eu);
  }

  @Test
  void shouldRefuseFenceTransactionsSentToAShard() {
    Transaction onShard =
        new io.fugue.chain.ledger.UnsignedTransaction(
                0x32,
                config.chainId(),
                0,
                ShardId.of(1),
                Uint256.of(1_000),
                new FenceTx.Approve(0).body())
            .sign(key(2));
    assertThat(
            new FenceModule(gov)
                .validate(onShard, address(2), beacon.headState(), ctxOnShard())
                .reason())
        .contains("beacon chain only");
  }

  private io.fugue.chain.module.BlockContext ctxOnShard() {
    return new io.fugue.chain.module.BlockContext(
        config.chainId(), ShardId.of(1), 2, 1, 0, clock.millis(), address(0));
  }
}
