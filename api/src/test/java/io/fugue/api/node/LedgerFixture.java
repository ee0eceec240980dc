package io.fugue.api.node;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.Caller;
import io.fugue.api.model.Role;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.execution.BuildRequest;
import io.fugue.chain.execution.RewardRecipients;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.genesis.Genesis;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.testing.MutableClock;
import io.fugue.chain.txpool.TxPool;
import io.fugue.chain.txpool.TxPoolConfig;
import io.fugue.datasharing.attestation.AttestationModule;
import io.fugue.datasharing.attestation.BeaconIssuerDirectory;
import io.fugue.datasharing.registry.RegistryModule;
import io.fugue.datasharing.services.DataSharingServices;
import io.fugue.zk.Opening;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The devnet's beacon chain and shard 1 as real {@link Blockchain}s over in-memory stores, with the
 * data-sharing modules, a pool per chain and the node services; blocks are built and imported by
 * hand (no consensus, no network, no disk), for the port implementations' unit tests.
 */
final class LedgerFixture {
  static final int SHARD = 1;
  final DevnetLayout layout = new DevnetLayout();
  final MutableClock clock = new MutableClock(Instant.ofEpochMilli(DevnetGenesis.TIMESTAMP));
  final Blockchain beacon;
  final Blockchain shard;
  final ShardChains chains;
  final DataSharingReads reads;
  final DataSharingServices services;
  final ClientFlows flows = new ClientFlows(Main.CHAIN_ID);

  LedgerFixture() {
    var genesis = layout.devnet().config();
    ModuleRegistry beaconModules =
        ModuleRegistry.builder()
            .register(new RegistryModule(layout.governance()))
            .register(new io.fugue.datasharing.identity.DidModule())
            .build();
    beacon =
        Blockchain.open(
            new InMemoryKeyValueStore(),
            genesis.chainConfig(),
            Genesis.forShard(genesis, ShardId.BEACON),
            beaconModules,
            RewardRecipients.PROPOSER,
            clock);
    ModuleRegistry shardModules =
        ModuleRegistry.builder()
            .register(new AttestationModule(new BeaconIssuerDirectory(beacon::headState)))
            .build();
    shard =
        Blockchain.open(
            new InMemoryKeyValueStore(),
            genesis.chainConfig(),
            Genesis.forShard(genesis, ShardId.of(SHARD)),
            shardModules,
            RewardRecipients.PROPOSER,
            clock);
    chains =
        new ShardChains(
            List.of(beacon, shard),
            List.of(
                List.of(TxPool.following(beacon, TxPoolConfig.defaults(), beaconModules, clock)),
                List.of(TxPool.following(shard, TxPoolConfig.defaults(), shardModules, clock))));
    reads = new DataSharingReads(chains, clock);
    services =
        DataSharingServices.create(
            new InMemoryKeyValueStore(),
            layout.vaultKey(),
            reads,
            new BeaconIssuerDirectory(beacon::headState),
            clock);
  }

  Secp256k1PrivateKey key(int i) {
    return layout.accounts().get(i);
  }

  static Caller caller(Secp256k1PrivateKey key, Role... roles) {
    return new Caller(Convert.address(key.address()), Set.of(roles));
  }

  static AccountAddress address(Secp256k1PrivateKey key) {
    return Convert.address(key.address());
  }

  /** Builds and imports the next block of {@code chain} from its pool's pending transactions. */
  void block(int shardId) {
    clock.advance(java.time.Duration.ofMillis(2_000));
    Blockchain chain = chains.chain(shardId);
    var built =
        chain.build(
            BuildRequest.simple(Address.ZERO, clock.millis()),
            chains.pools(shardId).get(0).pending(100));
    var v = chain.importBlock(built.block());
    if (!v.isAccepted()) {
      throw new AssertionError("own block rejected: " + v.reason());
    }
  }

  /** Commits {@code tx} in the next block of its shard. */
  void commit(Transaction tx) {
    int s = tx.shardId().value();
    var added = chains.pools(s).get(0).add(tx);
    if (!added.accepted()) {
      throw new AssertionError("pool refused: " + added);
    }
    block(s);
  }

  /**
   * Issuer 2 registered and approved by governor 0, schema net-worth (32 bits) created by issuer 2.
   */
  void approvedIssuerWithSchema() {
    commit(flows.registerIssuer(key(2), 0, "First Bank", "kyc@bank.example"));
    commit(flows.approveIssuer(key(0), 0, key(2).address()));
    commit(
        flows.createSchema(
            key(2), 1, "net-worth", "net worth", "EUR", 0, 32, List.of(key(2).address())));
  }

  /** Issuer 2 attests {@code opening} about did:fugue:alice for holder 3; returns the id (hex). */
  String attest(long nonce, Opening opening, long validForMillis) {
    long now = clock.millis();
    commit(
        flows.publish(
            key(2),
            nonce,
            SHARD,
            "did:fugue:alice",
            key(3).address(),
            "net-worth",
            opening,
            now,
            now + validForMillis));
    return ClientFlows.attestationId(SHARD, key(2).address(), nonce, "did:fugue:alice", "net-worth")
        .value()
        .toBytes()
        .toPrefixedHex();
  }
}
