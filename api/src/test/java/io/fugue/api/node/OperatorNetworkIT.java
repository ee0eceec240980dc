package io.fugue.api.node;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fugue.api.cli.CliServices;
import io.fugue.api.cli.FugueCli;
import io.fugue.chain.crypto.KeyFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What docs/operations.md "Starting a network" tells an operator to do, with the CLI: validator
 * keys and node keys, a genesis for a network not named fugue-devnet, a bootnode of that network,
 * then a beacon validator and four shard-1 validators, each a {@code fugue node} in its own JVM on
 * 127.0.0.1. Blocks are seen finalized in a node's log and through {@code /v1/node} with a token
 * from {@code fugue auth token}; a transfer is submitted with {@code fugue tx transfer} and
 * followed with {@code fugue tx status}; one validator is stopped with SIGTERM and restarted. The
 * key and genesis commands run in this JVM through {@link FugueCli#run} (the same code as {@code
 * ./fugue}, without a JVM start per command); the bootnode and nodes run {@link Main} as separate
 * processes.
 */
class OperatorNetworkIT {
  private static final Duration WAIT = Duration.ofMinutes(3);
  private static final String NETWORK = "fugue-optest";
  private static final long CHAIN_ID = 4242;
  private static final KeyFile.ScryptParams FAST = new KeyFile.ScryptParams(1 << 10, 8, 1);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private final List<Process> processes = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void stopAll() {
    processes.forEach(Process::destroy);
    for (Process p : processes) {
      try {
        if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Test
  void shouldStartANetworkFromTheOperationsGuide() throws Exception {
    KeyFileKeyStore accounts =
        new KeyFileKeyStore(dir.resolve("accounts"), "pw"::toCharArray, FAST);
    CliServices cli =
        new CliServices(
            Optional.of(accounts),
            Optional.of(new ChainTransferSigner(accounts, CHAIN_ID)),
            Optional.empty(),
            Optional.empty(),
            Optional.of(new ChainOperatorTools(FAST)));
    String operator = cli(cli, "keys", "new", "--label", "ops").path("address").asText();
    String payee = cli(cli, "keys", "new", "--label", "payee").path("address").asText();

    // 1. Keys: five validators (one beacon, four of shard 1), each with a key, password and node
    // key.
    List<String> names = List.of("s0v0", "s1v0", "s1v1", "s1v2", "s1v3");
    List<JsonNode> blsKeys = new ArrayList<>();
    for (String n : names) {
      Path home = Files.createDirectories(dir.resolve(n));
      Files.writeString(home.resolve("validator.pass"), "secret " + n + "\n");
      blsKeys.add(
          cli(
              cli,
              "keys",
              "new",
              "--bls",
              "--out",
              home.resolve("validator.key").toString(),
              "--password-file",
              home.resolve("validator.pass").toString()));
    }
    int bootPort = freePort();
    String bootAddress =
        cli(
                cli,
                "node-key",
                "new",
                "--out",
                dir.resolve("bootnode.key").toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(bootPort))
            .path("multiaddr")
            .asText();
    assertThat(bootAddress).startsWith("/ip4/127.0.0.1/tcp/" + bootPort + "/p2p/12D3KooW");

    // 2. Genesis for a network that is not the devnet.
    String genesis = dir.resolve("genesis.json").toString();
    cliOk(
        cli,
        "genesis",
        "new",
        "--genesis",
        genesis,
        "--network",
        NETWORK,
        "--chain-id",
        Long.toString(CHAIN_ID),
        "--shards",
        "2",
        "--block-time-ms",
        "1000");
    for (int i = 0; i < names.size(); i++) {
      cliOk(
          cli,
          "genesis",
          "add-validator",
          "--genesis",
          genesis,
          "--shard",
          i == 0 ? "0" : "1",
          "--bls-key",
          blsKeys.get(i).path("publicKey").asText(),
          "--pop",
          blsKeys.get(i).path("proofOfPossession").asText());
    }
    cliOk(
        cli,
        "genesis",
        "add-account",
        "--genesis",
        genesis,
        "--shard",
        "1",
        "--address",
        operator,
        "--balance",
        "1000000");
    cliOk(
        cli,
        "genesis",
        "set-governance",
        "--genesis",
        genesis,
        "--member",
        operator,
        "--threshold",
        "1");
    // As the guide says: other values are edited in the file. A transaction waits in the pool of
    // the node it was sent to until that node leads, so rotate the leader every 2 blocks.
    ObjectNode edited = (ObjectNode) JSON.readTree(Files.readString(Path.of(genesis)));
    edited.put("leaderRotationBlocks", 2);
    Files.writeString(Path.of(genesis), edited.toPrettyString());
    JsonNode check = cli(cli, "genesis", "check", "--genesis", genesis);
    assertThat(check.path("networkId").asText()).isEqualTo(NETWORK);
    assertThat(check.path("genesisHash").asText()).matches("0x[0-9a-f]{64}");

    // 3. The bootnode, 4. the validators, each in its own JVM.
    Process boot =
        start(
            "bootnode",
            "bootnode",
            "--network",
            NETWORK,
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(bootPort),
            "--key",
            dir.resolve("bootnode.key").toString());
    awaitLog("bootnode", "running", boot);
    int apiPort = freePort();
    List<Path> configs = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      String n = names.get(i);
      Path home = dir.resolve(n);
      cli(cli, "node-key", "new", "--out", home.resolve("data").resolve("node.key").toString());
      ObjectNode c =
          JSON.createObjectNode()
              .put("genesis", genesis)
              .put("shard", i == 0 ? 0 : 1)
              .put("dataDir", "data");
      c.putArray("listen").add("/ip4/127.0.0.1/tcp/" + freePort());
      c.putArray("bootnodes").add(bootAddress);
      c.putObject("key").put("file", "validator.key").put("passwordFile", "validator.pass");
      if (n.equals("s1v0")) {
        ObjectNode api = c.putObject("api").put("host", "127.0.0.1").put("port", apiPort);
        api.putArray("operators").add(operator);
      }
      configs.add(Files.writeString(home.resolve("validator.json"), c.toPrettyString()));
    }
    List<Process> nodes = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      nodes.add(start(names.get(i), "node", "--config", configs.get(i).toString()));
    }
    String banner = awaitLog("s1v0", "API          http://127.0.0.1:" + apiPort, nodes.get(1));
    assertThat(banner)
        .contains(
            "network " + NETWORK,
            "validator of shard 1",
            "genesis hash " + check.path("genesisHash").asText(),
            "listening on /ip4/127.0.0.1/tcp/");

    // Blocks finalized: in the log at INFO, and through the API.
    awaitLog("s1v0", "shard 1 block 2 finalized", nodes.get(1));
    awaitLog("s0v0", "shard 0 block 1 finalized", nodes.get(0));
    String base = "http://127.0.0.1:" + apiPort;
    assertThat(get(base + "/health/ready", null).statusCode()).isEqualTo(200);
    String token = cliText(cli, "auth", "token", "--as", operator, "--api", base).strip();
    HttpResponse<String> info = get(base + "/v1/node", token);
    assertThat(info.statusCode()).as(info.body()).isEqualTo(200);
    assertThat(JSON.readTree(info.body()).path("peers").asInt()).isPositive();
    HttpResponse<String> head = get(base + "/v1/chain/shards/1/blocks/1", null);
    assertThat(head.statusCode()).as(head.body()).isEqualTo(200);

    // A transfer, signed for this network's chain id, followed until included.
    String hash =
        cli(
                cli,
                "tx",
                "transfer",
                "--api",
                base,
                "--shard",
                "1",
                "--from",
                operator,
                "--to",
                payee,
                "--amount",
                "1000",
                "--nonce",
                "0")
            .path("hash")
            .asText();
    assertThat(hash).matches("0x[0-9a-f]{64}");
    String[] status = {""};
    await(
        "transfer " + hash + " included",
        () -> {
          status[0] = cli(cli, "tx", "status", hash, "--api", base).path("status").asText();
          return !status[0].equals("pending");
        });
    assertThat(status[0]).isEqualTo("included");

    // Stop one validator with SIGTERM and start it again: it resumes and finalizes again.
    Process stopped = nodes.get(4);
    stopped.destroy();
    assertThat(stopped.waitFor(60, java.util.concurrent.TimeUnit.SECONDS))
        .as("s1v3 stops on SIGTERM")
        .isTrue();
    // The JVM's exit status after SIGTERM once its shutdown hooks ran (128 + 15).
    assertThat(stopped.exitValue()).isEqualTo(143);
    assertThat(read(log("s1v3"))).contains("stopped at block");
    long before = lastFinalized(log("s1v3"));
    Files.move(log("s1v3"), dir.resolve("s1v3-first-run.log"));
    Process again = start("s1v3", "node", "--config", configs.get(4).toString());
    await(
        "the restarted validator to finalize a block after " + before,
        () -> alive(again) && lastFinalized(log("s1v3")) > before);
    assertThat(read(log("s1v3"))).contains("genesis hash " + check.path("genesisHash").asText());

    // kill -9 (SIGKILL: no shutdown hook, no flush) of the API node right after it acknowledged
    // three transfers: none is lost, and the node is ready again after a restart.
    List<String> acknowledged = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      acknowledged.add(
          cli(
                  cli,
                  "tx",
                  "transfer",
                  "--api",
                  base,
                  "--shard",
                  "1",
                  "--from",
                  operator,
                  "--to",
                  payee,
                  "--amount",
                  "10",
                  "--nonce",
                  Integer.toString(n))
              .path("hash")
              .asText());
    }
    Process apiNode = nodes.get(1);
    apiNode.destroyForcibly();
    assertThat(apiNode.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(apiNode.exitValue()).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
    Files.move(log("s1v0"), dir.resolve("s1v0-killed.log"));
    long restarted = System.nanoTime();
    Process apiAgain = start("s1v0", "node", "--config", configs.get(1).toString());
    await("the killed API node to be ready again", () -> alive(apiAgain) && ready(base));
    Duration toReady = Duration.ofNanos(System.nanoTime() - restarted);
    System.out.printf("restart-to-ready after kill -9: %d ms%n", toReady.toMillis());
    for (String h : acknowledged) {
      String[] st = {""};
      await(
          "acknowledged transfer " + h + " included after the kill",
          () -> {
            try {
              st[0] = cli(cli, "tx", "status", h, "--api", base).path("status").asText();
            } catch (AssertionError notHere) {
              // 404: the restarted node's pool is empty and the transfer still waits in another
              // validator's pool; a lost transfer never turns up and the wait fails.
              assertThat(notHere.getMessage()).contains("404");
              return false;
            }
            return !st[0].equals("pending") && !st[0].isEmpty();
          });
      assertThat(st[0]).as("transfer " + h).isEqualTo("included");
    }

    // kill -9 during start-up: a validator killed again while it opens its store and joins
    // starts cleanly the next time and finalizes past where it was.
    Process victim = nodes.get(3);
    victim.destroyForcibly();
    assertThat(victim.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    long reached = lastFinalized(log("s1v2"));
    Files.move(log("s1v2"), dir.resolve("s1v2-killed.log"));
    Process starting = start("s1v2", "node", "--config", configs.get(3).toString());
    awaitLog("s1v2", " listening on /ip4/", starting); // the host is up, the node not yet
    starting.destroyForcibly();
    assertThat(starting.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    Files.move(log("s1v2"), dir.resolve("s1v2-killed-starting.log"));
    Process third = start("s1v2", "node", "--config", configs.get(3).toString());
    await(
        "the validator killed while starting to finalize past block " + reached,
        () -> alive(third) && lastFinalized(log("s1v2")) > reached);
  }

  /** Whether {@code /health/ready} answers 200; a refused connection is "not yet". */
  private boolean ready(String base) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                  .timeout(Duration.ofSeconds(5))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return r.statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  @Test
  void shouldSayWhatIsWrongWithAConfigInOneLine() throws Exception {
    String peer = "12D3KooWGzEBSb2SsewnmguKxeVVGyXBcEZ2nxrJaSeEqdUwxQ9F";
    String ok =
        "\"genesis\": \"g.json\", \"shard\": 1, \"dataDir\": \"d\", "
            + "\"key\": {\"file\": \"k\", \"passwordFile\": \"p\"}";
    assertOneLine(dir.resolve("absent.json"), "no configuration file at");
    assertOneLine(
        config("a", ok + ", \"listen\": [\"0.0.0.0:9000\"]"),
        "'listen[0]' 0.0.0.0:9000: not a multiaddr");
    assertOneLine(
        config(
            "b",
            ok
                + ", \"listen\": [\"/ip4/127.0.0.1/tcp/0\"], \"bootnodes\": [\"/ip4/10.0.0.1/tcp/9000\"]"),
        "'bootnodes[0]' /ip4/10.0.0.1/tcp/9000: must end in /p2p/<peer id>");
    assertOneLine(
        config(
            "c",
            ok
                + ", \"listen\": [\"/ip4/127.0.0.1/tcp/0\"], \"bootnode\": [\"/ip4/10.0.0.1/tcp/9000/p2p/"
                + peer
                + "\"]"),
        "unknown field 'bootnode'");
    assertOneLine(
        config(
            "d",
            ok
                + ", \"listen\": [\"/ip4/127.0.0.1/tcp/0\"], \"api\": {\"host\": \"127.0.0.1\", "
                + "\"port\": 0, \"operators\": [\"alice\"]}"),
        "'api.operators[0]'");
    assertOneLine(config("e", ok + ", \"listen\": [\"/ip4/127.0.0.1/tcp/0\"]"), "g.json");
  }

  private Path config(String name, String body) throws IOException {
    return Files.writeString(dir.resolve(name + ".json"), "{" + body + "}");
  }

  /**
   * {@code fugue node --config FILE} as the CLI runs it: exit 1 and one line naming the problem.
   */
  private static void assertOneLine(Path config, String message) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CliServices services =
        new CliServices(
            Optional.empty(),
            Optional.empty(),
            Optional.of(new NodeCommands(new PrintStream(bytes, true, StandardCharsets.UTF_8))));
    StringWriter err = new StringWriter();
    int exit =
        FugueCli.run(
            services,
            new PrintWriter(new StringWriter()),
            new PrintWriter(err, true),
            "node",
            "--config",
            config.toString());
    String said = (bytes.toString(StandardCharsets.UTF_8) + err).strip();
    assertThat(exit).as(said).isEqualTo(FugueCli.EXIT_FAILED);
    assertThat(said)
        .contains("cannot start the node", message)
        .doesNotContain("\n")
        .doesNotContain("Exception");
  }

  private static JsonNode cli(CliServices services, String... args) {
    try {
      return JSON.readTree(cliText(services, args));
    } catch (IOException e) {
      throw new AssertionError("not JSON from fugue " + String.join(" ", args), e);
    }
  }

  private static void cliOk(CliServices services, String... args) {
    cliText(services, args);
  }

  private static String cliText(CliServices services, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = FugueCli.run(services, new PrintWriter(out, true), new PrintWriter(err, true), args);
    assertThat(exit).as("fugue " + String.join(" ", args) + ": " + err).isZero();
    return out.toString();
  }

  private Process start(String name, String... args) throws IOException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    cmd.addAll(List.of(args));
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log(name).toFile())
            .start();
    processes.add(p);
    return p;
  }

  private Path log(String name) {
    return dir.resolve(name + ".log");
  }

  private String awaitLog(String name, String text, Process p) {
    await(
        name + " to log '" + text + "'",
        () -> {
          if (!p.isAlive()) {
            throw new AssertionError(name + " exited " + p.exitValue() + ":\n" + read(log(name)));
          }
          return read(log(name)).contains(text);
        });
    return read(log(name));
  }

  private static boolean alive(Process p) {
    if (!p.isAlive()) {
      throw new AssertionError("process exited " + p.exitValue());
    }
    return true;
  }

  private static final Pattern FINALIZED = Pattern.compile("shard \\d+ block (\\d+) finalized");

  private static long lastFinalized(Path log) {
    Matcher m = FINALIZED.matcher(read(log));
    long last = -1;
    while (m.find()) {
      last = Math.max(last, Long.parseLong(m.group(1)));
    }
    return last;
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }

  private HttpResponse<String> get(String url, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    try {
      return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("GET " + url, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void await(String what, BooleanSupplier condition) {
    Instant end = Instant.now().plus(WAIT);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("not within " + WAIT + ": " + what);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }
}
