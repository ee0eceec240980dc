package io.fugue.chain.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.consensus.CommitteeSource;
import io.fugue.chain.consensus.Phase;
import io.fugue.chain.consensus.QuorumCertificate;
import io.fugue.chain.consensus.SignerBitmap;
import io.fugue.chain.consensus.SigningPayloads;
import io.fugue.chain.consensus.ValidatorSignature;
import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.crypto.BlsSignature;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.execution.BuildRequest;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.genesis.Genesis;
import io.fugue.chain.ledger.Block;
import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.testing.Await;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The replica against one in-memory beacon peer that serves sync from a chain the test builds (so
 * its blocks and commit proofs can be forged at will).
 */
class BeaconReplicaTest {
  private static final Duration DEADLINE = Duration.ofSeconds(30);

  private final DevnetGenesis.Devnet devnet =
      DevnetGenesis.generate(
          new DevnetGenesis.Spec(Bytes.of(new byte[] {5}), 2, 4, 1, 10, RateLimits.none()));
  private final List<BlsSecretKey> keys = devnet.validators().get(0);
  private final InMemoryNetwork net = new InMemoryNetwork();
  private final ConsensusNetwork beaconPeer = net.endpoint("beacon");
  private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
  private final Block block1 = buildBlock1();
  private final AtomicReference<QuorumCertificate> served = new AtomicReference<>();
  private BeaconReplica replica;

  private Block buildBlock1() {
    Blockchain chain =
        Blockchain.open(
            new InMemoryKeyValueStore(),
            devnet.config().chainConfig(),
            Genesis.forShard(devnet.config(), ShardId.BEACON),
            ModuleRegistry.builtInsOnly(),
            new SignerRewards(CommitteeSource.fixed(ShardNodes.committee(devnet.config(), 0))),
            Clock.systemUTC());
    return chain
        .build(BuildRequest.simple(Address.ZERO, System.currentTimeMillis()), List.of())
        .block();
  }

  /** A commit proof for block 1 signed by validators {@code signers}, claiming {@code claimed}. */
  private QuorumCertificate proof(List<Integer> signers, List<Integer> claimed) {
    Bytes payload = SigningPayloads.vote(Phase.COMMIT, 0, 1, block1.hash(), 0);
    BlsSignature agg =
        BlsSignature.aggregate(signers.stream().map(i -> keys.get(i).sign(payload)).toList());
    return new QuorumCertificate(
        Phase.COMMIT,
        1,
        0,
        block1.hash(),
        new ValidatorSignature(agg.toBytes()),
        SignerBitmap.of(4, claimed));
  }

  private BeaconReplica openReplica() {
    return BeaconReplica.open(
        devnet.config(),
        store,
        ModuleRegistry.builtInsOnly(),
        net.endpoint("shard-1-node"),
        SyncLimits.defaults(),
        Duration.ofMillis(50),
        Clock.systemUTC());
  }

  private void serve() {
    beaconPeer.onRequest(
        (from, request) -> {
          SyncCodec.Request r = SyncCodec.decodeRequest(request, SyncLimits.defaults());
          QuorumCertificate qc = served.get();
          return r.from() == 1 && qc != null
              ? SyncCodec.encodeResponse(
                  0, List.<Bytes[]>of(new Bytes[] {block1.encode(), CommitProofCodec.encode(qc)}))
              : SyncCodec.encodeResponse(0, List.of());
        });
  }

  private static void await(BooleanSupplier condition, String what) {
    Await.until(what, DEADLINE, condition);
  }

  @AfterEach
  void tearDown() {
    if (replica != null) {
      replica.close();
    }
    net.close();
  }

  @Test
  void shouldRejectAForgedSyncResponseThenImportTheVerifiedBlock() throws Exception {
    served.set(proof(List.of(0, 1, 2), List.of(0, 1, 2, 3)));
    serve();
    replica = openReplica();
    replica.start();
    await(() -> replica.rejectedResponses() >= 1, "the forged response to be rejected");
    assertThat(replica.chain().head().number()).isZero();
    assertThat(net.penalties("beacon")).isPositive();

    served.set(proof(List.of(0, 1, 2), List.of(0, 1, 2)));
    await(() -> replica.chain().head().number() >= 1, "block 1 to be imported");
    assertThat(replica.chain().head().hash()).isEqualTo(block1.hash());
    assertThat(replica.chain().head().stateRoot()).isEqualTo(block1.header().stateRoot());
    assertThat(replica.importFailures()).isZero();
  }

  @Test
  void shouldRejectAForgedAnnouncementAndAcceptAValidOne() throws Exception {
    replica = openReplica();
    replica.start();
    beaconPeer.publish(
        0,
        ConsensusNetwork.Kind.BLOCKS,
        BeaconFollower.encodeAnnouncement(block1.header(), proof(List.of(0, 1), List.of(0, 1))));
    assertThat(replica.rejectedAnnouncements()).isEqualTo(1);
    assertThat(replica.announcedHead()).isEmpty();

    beaconPeer.publish(
        0,
        ConsensusNetwork.Kind.BLOCKS,
        BeaconFollower.encodeAnnouncement(
            block1.header(), proof(List.of(0, 1, 2), List.of(0, 1, 2))));
    assertThat(replica.announcedHead().orElseThrow().number()).isEqualTo(1);
    assertThat(replica.rejectedAnnouncements()).isEqualTo(1);
  }

  @Test
  void shouldResumeFromItsStoreAfterARestart() throws Exception {
    served.set(proof(List.of(1, 2, 3), List.of(1, 2, 3)));
    serve();
    replica = openReplica();
    replica.start();
    await(() -> replica.chain().head().number() >= 1, "block 1 to be imported");
    replica.close();

    served.set(null);
    replica =
        BeaconReplica.open(
            devnet.config(),
            store,
            ModuleRegistry.builtInsOnly(),
            net.endpoint("shard-1-node-2"),
            SyncLimits.defaults(),
            Duration.ofMillis(50),
            Clock.systemUTC());
    assertThat(replica.chain().head().hash()).isEqualTo(block1.hash());
    assertThat(new ConsensusStore(store).commitProof(1)).isPresent();
  }
}
