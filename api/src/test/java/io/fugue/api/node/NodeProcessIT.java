package io.fugue.api.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.api.ApiLimits;
import io.fugue.chain.consensus.ConsensusConfig;
import io.fugue.chain.crypto.KeyFile;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.genesis.GenesisConfig;
import io.fugue.chain.genesis.GenesisWriter;
import io.fugue.chain.node.ShardNodes;
import io.fugue.chain.node.ValidatorConfig;
import io.fugue.chain.p2p.P2pConfig;
import io.fugue.chain.p2p.P2pHost;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.testing.Loopback;
import io.fugue.zk.Opening;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fugue node} in process, eight times: the beacon chain and shard 1, four validators each,
 * every one from its own config file with its own libp2p host on 127.0.0.1 and RocksDB, the API on
 * one beacon node and one shard-1 node. Through HTTP only, an issuer and a schema are registered on
 * the beacon node and an attestation is published on the shard-1 node, whose validators accept it
 * only because their beacon replicas saw the issuer.
 */
class NodeProcessIT {
  private static final Bytes SEED = Bytes.of(new byte[] {6, 6});
  private static final String SCHEMA = "net-worth";
  private static final String SUBJECT = "did:fugue:holder-1";

  @TempDir Path dir;

  private final DevnetGenesis.Devnet devnet =
      DevnetGenesis.generate(new DevnetGenesis.Spec(SEED, 2, 4, 4, 1_000, RateLimits.none()));
  private final Secp256k1PrivateKey governor = devnet.accounts().get(0);
  private final Secp256k1PrivateKey issuer = devnet.accounts().get(2);
  private final Secp256k1PrivateKey holder = devnet.accounts().get(3);

  private Path writeGenesis(boolean withGovernance) throws Exception {
    GenesisConfig c = devnet.config();
    // Leader rotation every 2 blocks: a transaction sits in the pool of the node it was sent to
    // (no transaction gossip yet) until that node leads, so it should lead often.
    GenesisConfig g =
        new GenesisConfig(
            c.networkId(),
            c.chainId(),
            c.shardCount(),
            c.timestamp(),
            c.blockTimeMillis(),
            c.blocksPerEpoch(),
            2,
            c.maxClockDriftMillis(),
            c.rateLimits(),
            c.rewards(),
            c.shards(),
            withGovernance
                ? Optional.of(
                    new GenesisConfig.Governance(
                        List.of(governor.address(), devnet.accounts().get(1).address()), 1))
                : Optional.empty());
    return Files.writeString(
        dir.resolve(withGovernance ? "genesis.json" : "genesis-no-governance.json"),
        GenesisWriter.toJson(g));
  }

  private Path writeConfig(String name, Path genesis, int shard, int index, String boot, String api)
      throws Exception {
    String json =
        "{\"genesis\": \""
            + genesis.getFileName()
            + "\", \"shard\": "
            + shard
            + ", \"dataDir\": \""
            + name
            + "\", \"listen\": [\"/ip4/127.0.0.1/tcp/0\"], \"bootnodes\": [\""
            + boot
            + "\"], \"devnet\": {\"seed\": \""
            + SEED.toPrefixedHex()
            + "\", \"validatorsPerShard\": 4, \"index\": "
            + index
            + "}"
            + (api == null ? "" : ", \"api\": " + api)
            + "}";
    return Files.writeString(dir.resolve(name + ".json"), json);
  }

  private static NodeProcess start(Path config) {
    NodeProcess.Options options =
        new NodeProcess.Options(
            ShardNodes.Options.defaults()
                .withTimings(ConsensusConfig.defaults().withTimings(200, 3000, 3000, 60_000)),
            Loopback::tune,
            new KeyFile.ScryptParams(1 << 10, 8, 1),
            ApiLimits.defaults());
    return NodeProcess.start(ValidatorConfig.load(config), options, Clock.systemUTC());
  }

  @Test
  void shouldServeTheDataSharingFlowFromOneNodePerProcess() throws Exception {
    Path genesis = writeGenesis(true);
    String api = "{\"host\": \"127.0.0.1\", \"port\": 0}";
    List<NodeProcess> nodes = new ArrayList<>();
    ClientFlows flows = new ClientFlows(devnet.config().chainId());
    String vaultKey;
    try (P2pHost boot =
        P2pHost.start(
            Loopback.tune(P2pConfig.builder().network(devnet.config().networkId()).asBootnode())
                .build())) {
      try {
        List<Path> configs = new ArrayList<>();
        for (int s = 0; s < 2; s++) {
          for (int i = 0; i < 4; i++) {
            configs.add(
                writeConfig(
                    "s" + s + "v" + i, genesis, s, i, boot.dialableAddress(), i == 0 ? api : null));
          }
        }
        for (Path c : configs) {
          nodes.add(start(c));
        }
        NodeProcess beaconNode = nodes.get(0);
        NodeProcess shardNode = nodes.get(4);
        assertThat(shardNode.validator().beaconReplica()).isPresent();
        try (DevnetClient beaconApi = new DevnetClient(beaconNode.apiPort().orElseThrow());
            DevnetClient shardApi = new DevnetClient(shardNode.apiPort().orElseThrow())) {
          assertNotHeld(beaconApi);
          var shards = shardApi.get("/v1/chain/shards", null);
          assertThat(
                  shards.bodyAsJsonObject().getJsonArray("shards").stream()
                      .map(o -> ((io.vertx.core.json.JsonObject) o).getInteger("id"))
                      .toList())
              .as(shards.bodyAsString())
              .containsExactly(0, 1);

          Opening worth = Opening.random(1_500_000);
          long now = System.currentTimeMillis();
          var attest =
              flows.publish(
                  issuer,
                  0,
                  1,
                  SUBJECT,
                  holder.address(),
                  SCHEMA,
                  worth,
                  now - 60_000,
                  now + 3_600_000);
          var early =
              shardApi.post(
                  "/v1/chain/transactions",
                  null,
                  new io.vertx.core.json.JsonObject()
                      .put("rawTransaction", attest.encode().toPrefixedHex()));
          assertThat(early.statusCode())
              .as("an unregistered issuer's attestation: " + early.bodyAsString())
              .isEqualTo(422);

          included(beaconApi, flows.registerIssuer(issuer, 0, "First Bank", "kyc@bank.example"));
          included(beaconApi, flows.approveIssuer(governor, 0, issuer.address()));
          included(
              beaconApi,
              flows.createSchema(
                  issuer, 1, SCHEMA, "net worth", "EUR", 0, 32, List.of(issuer.address())));
          // The beacon node saw the schema; the shard node reads its replica, which may lag.
          DevnetClient.await(
              "the shard node's beacon replica to hold the schema",
              () -> shardApi.get("/v1/schemas/" + SCHEMA, null).statusCode() == 200);
          included(shardApi, attest);
          String id =
              ClientFlows.attestationId(1, issuer.address(), 0, SUBJECT, SCHEMA)
                  .value()
                  .toBytes()
                  .toPrefixedHex();
          // The issuer role is read from the beacon replica too.
          var read = shardApi.get("/v1/attestations/" + id, shardApi.login(issuer));
          assertThat(read.statusCode()).as(read.bodyAsString()).isEqualTo(200);
          assertThat(read.bodyAsJsonObject().getString("status")).isEqualTo("active");
          vaultKey = shardApi.get("/v1/vault/key", null).bodyAsString();
          // A go-libp2p peer written from docs/protocol.md joins through the bootnode, in both DHT
          // modes, reads and syncs blocks and gets a transfer included (interop/go; built by
          // .ci/run).
          Optional<Path> go = interopPeer();
          if (go.isPresent()) {
            int nonce = 0;
            for (String mode : List.of("client", "server")) {
              String out = runInteropPeer(go.get(), boot.dialableAddress(), mode, nonce++);
              System.out.printf("go interop peer, dht %s:%n%s", mode, out);
              assertThat(out)
                  .as("go peer, dht " + mode)
                  .contains(
                      "ok announcement shard 0",
                      "ok announcement shard 1",
                      "ok synced shard 1",
                      "ok transfer included",
                      "ok all");
            }
          }
          // The node's p2p counters are on /metrics next to the API's own.
          String metrics = shardApi.get("/metrics", null).bodyAsString();
          assertThat(metrics)
              .contains(
                  "fugue_p2p_connections ",
                  "fugue_p2p_peers ",
                  "fugue_p2p_bans_total ",
                  "fugue_p2p_banned_peers ",
                  "fugue_p2p_gossip_oversize_dropped_total ",
                  "fugue_p2p_peer_score_min ")
              .containsPattern(
                  "fugue_p2p_gossip_verdicts_total\\{topic=\"/fugue/[^\"]+/1/consensus\","
                      + "verdict=\"accept\"\\} [1-9]");
        }

        // Ctrl-C and start again: the node resumes its chain, its replica and its vault key.
        long beaconBefore = shardNode.beaconChain().head().number();
        shardNode.close();
        NodeProcess restarted = start(configs.get(4));
        nodes.set(4, restarted);
        assertThat(restarted.beaconChain().head().number()).isGreaterThanOrEqualTo(beaconBefore);
        try (DevnetClient again = new DevnetClient(restarted.apiPort().orElseThrow())) {
          String id =
              ClientFlows.attestationId(1, issuer.address(), 0, SUBJECT, SCHEMA)
                  .value()
                  .toBytes()
                  .toPrefixedHex();
          assertThat(again.get("/v1/attestations/" + id, again.login(issuer)).statusCode())
              .isEqualTo(200);
          assertThat(again.get("/v1/vault/key", null).bodyAsString())
              .as("the vault key file is read back")
              .isEqualTo(vaultKey)
              .contains("0x");
          DevnetClient.await(
              "the restarted replica to import a new beacon block",
              () -> restarted.beaconChain().head().number() > beaconBefore);
        }
      } finally {
        nodes.forEach(NodeProcess::close);
      }
    }
  }

  /**
   * The interop peer binary: {@code FUGUE_INTEROP_GO}, else {@code interop/go/fugue-interop} when
   * built. CI sets the variable, so there a missing binary fails the test.
   */
  private static Optional<Path> interopPeer() {
    String env = System.getenv("FUGUE_INTEROP_GO");
    if (env != null && !env.isBlank()) {
      assertThat(Path.of(env)).as("FUGUE_INTEROP_GO").isExecutable();
      return Optional.of(Path.of(env));
    }
    Path local = Path.of("..", "interop", "go", "fugue-interop");
    if (!Files.isExecutable(local)) {
      System.err.println("NodeProcessIT: go interop peer not built (interop/go), its part skipped");
      return Optional.empty();
    }
    return Optional.of(local);
  }

  /** Runs the Go peer, sending account 0's transfer on shard 1, and returns its output. */
  private String runInteropPeer(Path binary, String bootnode, String mode, int nonce)
      throws Exception {
    Process p =
        new ProcessBuilder(
                binary.toString(),
                "-bootnode",
                bootnode,
                "-network",
                devnet.config().networkId(),
                "-dht",
                mode,
                "-shard",
                "1",
                "-chain-id",
                Long.toString(devnet.config().chainId()),
                "-key",
                governor.toBytes().toPrefixedHex(),
                "-to",
                holder.address().toBytes().toPrefixedHex(),
                "-nonce",
                Integer.toString(nonce),
                "-timeout",
                "150s")
            .redirectErrorStream(true)
            .start();
    java.util.concurrent.CompletableFuture<String> out =
        java.util.concurrent.CompletableFuture.supplyAsync(
            () -> {
              try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
              } catch (java.io.IOException e) {
                return "reading the output failed: " + e;
              }
            });
    if (!p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
    }
    String text = out.get(10, java.util.concurrent.TimeUnit.SECONDS);
    assertThat(p.exitValue()).as("go peer (dht " + mode + ") output:%n%s", text).isZero();
    return text;
  }

  /** Submits through {@code api} and waits, on that node, until a finalized block holds it. */
  private static void included(DevnetClient api, io.fugue.chain.ledger.Transaction tx) {
    assertThat(api.awaitIncluded(api.submit(tx)))
        .as("transaction " + tx.hash())
        .isEqualTo("included");
  }

  private static void assertNotHeld(DevnetClient beaconApi) {
    var r = beaconApi.get("/v1/chain/shards/1/blocks/0", null);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.getHeader("Content-Type")).startsWith("application/problem+json");
    assertThat(r.bodyAsJsonObject().getString("detail"))
        .contains("holds shard(s) [0], not shard 1");
  }

  @Test
  void shouldExitWithOneOnABadApiSectionOrAGenesisWithoutGovernance() throws Exception {
    Path genesis = writeGenesis(true);
    String boot = "/ip4/127.0.0.1/tcp/1/p2p/12D3KooWGzEBSb2SsewnmguKxeVVGyXBcEZ2nxrJaSeEqdUwxQ9F";
    assertFailsWith(
        writeConfig(
            "a", genesis, 1, 0, boot, "{\"host\": \"127.0.0.1\", \"port\": 8645, \"tls\": true}"),
        "unknown field 'api.tls'");
    assertFailsWith(
        writeConfig("b", genesis, 1, 0, boot, "{\"host\": \"127.0.0.1\", \"port\": 65536}"),
        "'api.port' must be an integer in [0, 65535]");
    assertFailsWith(
        writeConfig("c", writeGenesis(false), 1, 0, boot, null), "no 'governance' section");
  }

  private static void assertFailsWith(Path config, String message) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit = new NodeCommands(new PrintStream(bytes, true, StandardCharsets.UTF_8)).node(config);
    assertThat(exit).isEqualTo(1);
    assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("cannot start the node", message);
  }
}
