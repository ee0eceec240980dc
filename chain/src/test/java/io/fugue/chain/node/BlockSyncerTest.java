package io.fugue.chain.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.consensus.BlsSignatureScheme;
import io.fugue.chain.consensus.Committee;
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
import io.fugue.chain.ledger.LedgerLimits;
import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class BlockSyncerTest {
  private final DevnetGenesis.Devnet devnet =
      DevnetGenesis.generate(
          new DevnetGenesis.Spec(Bytes.of(new byte[] {1}), 1, 4, 1, 10, RateLimits.none()));
  private final List<BlsSecretKey> keys = devnet.validators().get(0);
  private final Committee committee = ShardNodes.committee(devnet.config(), 0);
  private final Block block1 = buildBlock1();
  private final SyncLimits limits = SyncLimits.defaults();

  private Block buildBlock1() {
    Blockchain chain =
        Blockchain.open(
            new InMemoryKeyValueStore(),
            devnet.config().chainConfig(),
            Genesis.forShard(devnet.config(), ShardId.of(0)),
            ModuleRegistry.builtInsOnly(),
            new SignerRewards(CommitteeSource.fixed(ShardNodes.committee(devnet.config(), 0))),
            Clock.systemUTC());
    return chain
        .build(BuildRequest.simple(Address.ZERO, System.currentTimeMillis()), List.of())
        .block();
  }

  private QuorumCertificate proof(
      long height,
      Hash32 signedHash,
      Hash32 claimedHash,
      List<Integer> signers,
      List<Integer> claimed) {
    Bytes payload = SigningPayloads.vote(Phase.COMMIT, 0, height, signedHash, 0);
    BlsSignature agg =
        BlsSignature.aggregate(signers.stream().map(i -> keys.get(i).sign(payload)).toList());
    return new QuorumCertificate(
        Phase.COMMIT,
        height,
        0,
        claimedHash,
        new ValidatorSignature(agg.toBytes()),
        SignerBitmap.of(4, claimed));
  }

  private BlockSyncer syncer(ConsensusNetwork net, List<SyncCodec.SyncedBlock> applied) {
    return new BlockSyncer(
        0,
        net,
        CommitteeSource.fixed(committee),
        new CommitProofVerifier(new BlsSignatureScheme(), 0),
        LedgerLimits.defaults(),
        limits,
        Runnable::run,
        () -> 1L,
        applied::add);
  }

  private List<SyncCodec.SyncedBlock> verify(QuorumCertificate qc) {
    SyncCodec.Response r =
        new SyncCodec.Response(0, List.of(new SyncCodec.SyncedBlock(block1.encode(), qc)));
    SyncCodec.Response decoded = SyncCodec.decodeResponse(SyncCodec.encode(r), limits);
    return syncer(new FakeNetwork(Bytes.EMPTY), new ArrayList<>())
        .verified(new SyncCodec.Request(0, 1, 64), decoded);
  }

  @Test
  void shouldAcceptABlockWhoseProofIsAQuorumOverItsHash() {
    assertThat(verify(proof(1, block1.hash(), block1.hash(), List.of(0, 1, 2), List.of(0, 1, 2))))
        .hasSize(1);
  }

  @Test
  void shouldRejectABitmapClaimingANonSigner() {
    assertThatThrownBy(
            () ->
                verify(
                    proof(1, block1.hash(), block1.hash(), List.of(0, 1, 2), List.of(0, 1, 2, 3))))
        .isInstanceOf(NodeException.class)
        .hasMessageContaining("aggregate");
  }

  @Test
  void shouldRejectAnAggregateForgedOverAnotherBlock() {
    Hash32 other = Hash32.of(new byte[32]);
    assertThatThrownBy(
            () -> verify(proof(1, other, block1.hash(), List.of(0, 1, 2), List.of(0, 1, 2))))
        .isInstanceOf(NodeException.class)
        .hasMessageContaining("aggregate");
  }

  @Test
  void shouldRejectSignersWithoutQuorum() {
    assertThatThrownBy(
            () -> verify(proof(1, block1.hash(), block1.hash(), List.of(0, 1), List.of(0, 1))))
        .isInstanceOf(NodeException.class)
        .hasMessageContaining("quorum");
  }

  @Test
  void shouldRejectAValidProofServedWithAnotherBlock() {
    Hash32 other = Hash32.of(new byte[32]);
    assertThatThrownBy(() -> verify(proof(1, other, other, List.of(0, 1, 2), List.of(0, 1, 2))))
        .isInstanceOf(NodeException.class)
        .hasMessageContaining("not the one");
  }

  @Test
  void shouldRejectBlocksOfHeightsNotAskedFor() {
    assertThatThrownBy(
            () ->
                verify(proof(2, block1.hash(), block1.hash(), List.of(0, 1, 2), List.of(0, 1, 2))))
        .isInstanceOf(NodeException.class)
        .hasMessageContaining("expected 1");
  }

  @Test
  void shouldCountAndPenalizeAForgedResponseAndApplyNothing() {
    QuorumCertificate forged =
        proof(1, block1.hash(), block1.hash(), List.of(0, 1, 2), List.of(0, 1, 2, 3));
    FakeNetwork net =
        new FakeNetwork(
            SyncCodec.encode(
                new SyncCodec.Response(
                    0, List.of(new SyncCodec.SyncedBlock(block1.encode(), forged)))));
    List<SyncCodec.SyncedBlock> applied = new ArrayList<>();
    BlockSyncer s = syncer(net, applied);
    s.request(1);
    assertThat(applied).isEmpty();
    assertThat(s.rejectedResponses()).isEqualTo(1);
    assertThat(net.penalized).containsExactly("peer");
  }

  @Test
  void shouldCountAndPenalizeAMalformedResponse() {
    FakeNetwork net = new FakeNetwork(bytes(1, 2, 0, 0, 0, 0, 0, 1, 9));
    List<SyncCodec.SyncedBlock> applied = new ArrayList<>();
    BlockSyncer s = syncer(net, applied);
    s.request(1);
    assertThat(applied).isEmpty();
    assertThat(s.rejectedResponses()).isEqualTo(1);
    assertThat(net.penalized).containsExactly("peer");
  }

  @Test
  void shouldHandAVerifiedResponseOn() {
    QuorumCertificate good =
        proof(1, block1.hash(), block1.hash(), List.of(1, 2, 3), List.of(1, 2, 3));
    FakeNetwork net =
        new FakeNetwork(
            SyncCodec.encode(
                new SyncCodec.Response(
                    0, List.of(new SyncCodec.SyncedBlock(block1.encode(), good)))));
    List<SyncCodec.SyncedBlock> applied = new ArrayList<>();
    syncer(net, applied).request(1);
    assertThat(applied).hasSize(1);
    assertThat(net.penalized).isEmpty();
    assertThat(net.lastRequest)
        .isEqualTo(SyncCodec.encode(new SyncCodec.Request(0, 1, limits.maxBlocksPerRequest())));
  }

  @Test
  void shouldSkipWithoutPenaltyAPeerThatServesAnotherShard() {
    // Every committee shares the sync protocol id, so an honest validator of shard 1 answers a
    // shard-0 request with an empty response for its own shard.
    FakeNetwork net = new FakeNetwork(SyncCodec.encode(new SyncCodec.Response(1, List.of())));
    List<SyncCodec.SyncedBlock> applied = new ArrayList<>();
    BlockSyncer s = syncer(net, applied);
    s.request(1);
    s.request(1);
    assertThat(net.penalized).isEmpty();
    assertThat(s.rejectedResponses()).isZero();
    assertThat(applied).isEmpty();
    assertThat(net.requests).as("the other shard's peer is not asked again").isEqualTo(1);
  }

  @Test
  void shouldPenalizeBlocksOfAnotherShard() {
    QuorumCertificate good =
        proof(1, block1.hash(), block1.hash(), List.of(1, 2, 3), List.of(1, 2, 3));
    FakeNetwork net =
        new FakeNetwork(
            SyncCodec.encode(
                new SyncCodec.Response(
                    1, List.of(new SyncCodec.SyncedBlock(block1.encode(), good)))));
    List<SyncCodec.SyncedBlock> applied = new ArrayList<>();
    BlockSyncer s = syncer(net, applied);
    s.request(1);
    assertThat(applied).isEmpty();
    assertThat(net.penalized).containsExactly("peer");
  }

  /** One peer answering every request with fixed bytes. */
  static final class FakeNetwork implements ConsensusNetwork {
    final Bytes answer;
    final List<String> penalized = new ArrayList<>();
    Bytes lastRequest;
    int requests;

    FakeNetwork(Bytes answer) {
      this.answer = answer;
    }

    @Override
    public void publish(int shard, Kind kind, Bytes payload) {}

    @Override
    public void subscribe(int shard, Kind kind, GossipHandler handler) {}

    @Override
    public CompletableFuture<Bytes> request(Peer peer, Bytes request, Duration timeout) {
      lastRequest = request;
      requests++;
      return CompletableFuture.completedFuture(answer);
    }

    @Override
    public void onRequest(RequestHandler handler) {}

    @Override
    public List<Peer> peers() {
      return List.of(new Peer("peer"));
    }

    @Override
    public void penalize(Peer peer, String reason) {
      penalized.add(peer.id());
    }

    @Override
    public void close() {}
  }

  private static Bytes bytes(int... values) {
    byte[] out = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (byte) values[i];
    }
    return Bytes.of(out);
  }
}
