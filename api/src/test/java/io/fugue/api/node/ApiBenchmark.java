package io.fugue.api.node;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.AttestationView;
import io.fugue.api.model.Digest;
import io.fugue.api.model.HexBytes;
import io.fugue.api.model.QueryView;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.zk.Opening;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures the devnet through its API (run by hand, see docs/benchmarks.md): start-up to the first
 * finalized block on every shard, a range query's round trip (create → holder fetches the query and
 * attestation, proves client-side → answer → verified) and a read endpoint's throughput under
 * concurrent keep-alive clients. Prints one line per measurement.
 */
public final class ApiBenchmark {
  private ApiBenchmark() {}

  public static void main(String[] args) throws Exception {
    int queries = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int readSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 32;
    Path dir = Files.createTempDirectory("fugue-bench");
    long t0 = System.nanoTime();
    try (Devnet devnet =
        Devnet.start(
            new Devnet.Options(
                dir,
                0,
                NodeCommands.DEVNET_BLOCK_INTERVAL_MILLIS,
                // One load generator on one IP: lift the per-IP and per-account limits so they are
                // not what is measured.
                io.fugue.api.ApiLimits.defaults()
                    .withIpRate(1_000_000, 1_000_000)
                    .withCallerRate(1_000_000, 1_000_000)),
            new P2pNetworks("fugue-devnet", dir, Duration.ofMillis(200)),
            Clock.systemUTC())) {
      Duration first = devnet.awaitFirstBlocks(Duration.ofSeconds(120));
      System.out.printf(
          "startup: devnet start to first finalized block on every shard: %d ms (open+start %d ms)%n",
          first.toMillis(), Duration.ofNanos(System.nanoTime() - t0).toMillis());
      DevnetClient http = new DevnetClient(devnet.apiPort());
      Scenario s = new Scenario(devnet, http);
      s.setUp();
      roundTrips(s, queries);
      reads(devnet.apiPort(), readSeconds, concurrency);
      String wrk = System.getProperty("bench.wrk");
      if (wrk != null) {
        wrk(wrk, devnet.apiPort(), readSeconds, concurrency);
      }
      System.out.printf("rss after the run: %d MiB%n", rssKib() / 1024);
      http.close();
    }
  }

  private static void roundTrips(Scenario s, int n) {
    for (int i = 0; i < 20; i++) {
      s.roundTrip();
    }
    long[] nanos = new long[n];
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      s.roundTrip();
      nanos[i] = System.nanoTime() - t;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(nanos);
    System.out.printf(
        "query round trip (create, fetch, prove, answer, verified), %d sequential: p50 %.1f ms, "
            + "p99 %.1f ms, %.1f queries/s%n",
        n, nanos[n / 2] / 1e6, nanos[(int) (n * 0.99)] / 1e6, n / seconds);
  }

  private static void reads(int port, int seconds, int concurrency) throws InterruptedException {
    Vertx vertx = Vertx.vertx();
    WebClient client =
        WebClient.create(
            vertx,
            new WebClientOptions()
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(port)
                .setKeepAlive(true),
            new io.vertx.core.http.PoolOptions().setHttp1MaxSize(concurrency));
    AtomicLong ok = new AtomicLong();
    AtomicLong other = new AtomicLong();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    CountDownLatch done = new CountDownLatch(concurrency);
    for (int c = 0; c < concurrency; c++) {
      loop(client, end, ok, other, done);
    }
    done.await(seconds + 30L, TimeUnit.SECONDS);
    System.out.printf(
        "GET /v1/chain/shards, %d keep-alive connections, %d s: %.0f requests/s (%d ok, %d not ok)%n",
        concurrency, seconds, ok.get() / (double) seconds, ok.get(), other.get());
    client.close();
    vertx.close();
  }

  private static void loop(
      WebClient client, long end, AtomicLong ok, AtomicLong other, CountDownLatch done) {
    if (System.nanoTime() > end) {
      done.countDown();
      return;
    }
    client
        .get("/v1/chain/shards")
        .send()
        .onComplete(
            ar -> {
              if (ar.succeeded() && ar.result().statusCode() == 200) {
                ok.incrementAndGet();
              } else {
                other.incrementAndGet();
              }
              loop(client, end, ok, other, done);
            });
  }

  /**
   * The same read under an external load tool, {@code wrk} (a separate process: its load generation
   * does not share the server's JVM), against the same devnet right after.
   */
  private static void wrk(String wrk, int port, int seconds, int concurrency)
      throws java.io.IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                wrk,
                "-t2",
                "-c" + concurrency,
                "-d" + seconds + "s",
                "--latency",
                "http://127.0.0.1:" + port + "/v1/chain/shards")
            .redirectErrorStream(true)
            .start();
    String out =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    p.waitFor(seconds + 30L, TimeUnit.SECONDS);
    System.out.println(
        "wrk, GET /v1/chain/shards, " + concurrency + " connections, " + seconds + " s:");
    out.lines()
        .filter(
            l ->
                l.contains("Requests/sec")
                    || l.contains("requests in")
                    || l.contains("Non-2xx")
                    || l.matches("\\s+(50|90|99)%.*"))
        .forEach(l -> System.out.println("  " + l.strip()));
  }

  static long rssKib() throws java.io.IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return -1;
  }

  /** An approved issuer, a schema and one attestation; then one query per round trip. */
  private static final class Scenario {
    private final Devnet devnet;
    private final DevnetClient http;
    private final ClientFlows flows = new ClientFlows(Main.CHAIN_ID);
    private final Opening worth = Opening.random(1_500_000);
    private final SecureRandom random = new SecureRandom();
    private Secp256k1PrivateKey holder;
    private String attestation;
    private String holderToken;
    private String clientToken;
    private AttestationView view;

    Scenario(Devnet devnet, DevnetClient http) {
      this.devnet = devnet;
      this.http = http;
    }

    void setUp() {
      List<Secp256k1PrivateKey> k = devnet.layout().accounts();
      holder = k.get(3);
      http.awaitIncluded(
          http.submit(flows.registerIssuer(k.get(2), 0, "Bench Bank", "b@x.example")));
      http.awaitIncluded(http.submit(flows.approveIssuer(k.get(0), 0, k.get(2).address())));
      http.awaitIncluded(
          http.submit(
              flows.createSchema(
                  k.get(2),
                  1,
                  "net-worth",
                  "net worth",
                  "EUR",
                  0,
                  32,
                  List.of(k.get(2).address()))));
      long now = System.currentTimeMillis();
      http.awaitIncluded(
          http.submit(
              flows.publish(
                  k.get(2),
                  0,
                  1,
                  "did:fugue:bench",
                  holder.address(),
                  "net-worth",
                  worth,
                  now - 60_000,
                  now + 86_400_000)));
      attestation =
          ClientFlows.attestationId(1, k.get(2).address(), 0, "did:fugue:bench", "net-worth")
              .value()
              .toBytes()
              .toPrefixedHex();
      holderToken = http.login(holder);
      clientToken = http.login(k.get(4));
      JsonObject j = http.get("/v1/attestations/" + attestation, holderToken).bodyAsJsonObject();
      view =
          new AttestationView(
              Digest.fromHex(j.getString("id")),
              AccountAddress.fromHex(j.getString("issuer")),
              j.getString("subject"),
              j.getString("schema"),
              HexBytes.fromHex(j.getString("commitment")),
              j.getLong("validFrom"),
              j.getLong("validUntil"),
              j.getString("status"));
    }

    void roundTrip() {
      byte[] nonce = new byte[32];
      random.nextBytes(nonce);
      JsonObject created =
          http.post(
                  "/v1/queries",
                  clientToken,
                  new JsonObject()
                      .put("attestations", new JsonArray().add(attestation))
                      .put("predicate", "gte")
                      .put("threshold", 1_000_000)
                      .put("purpose", "bench")
                      .put("nonce", "0x" + HexFormat.of().formatHex(nonce)))
              .bodyAsJsonObject();
      JsonObject q =
          http.get("/v1/queries/" + created.getString("id"), holderToken).bodyAsJsonObject();
      QueryView qv =
          new QueryView(
              Digest.fromHex(q.getString("id")),
              AccountAddress.fromHex(q.getString("client")),
              List.of(Digest.fromHex(attestation)),
              q.getString("predicate"),
              q.getLong("threshold"),
              null,
              q.getString("purpose"),
              HexBytes.fromHex(q.getString("nonce")),
              q.getString("status"),
              q.getLong("createdAt"));
      byte[] proof = flows.prove(qv, view, holder.address(), worth, 32).orElseThrow();
      JsonObject answered =
          http.post(
                  "/v1/queries/" + qv.id().toHex() + "/answer",
                  holderToken,
                  new JsonObject().put("proof", "0x" + HexFormat.of().formatHex(proof)))
              .bodyAsJsonObject();
      if (!"verified".equals(answered.getString("status"))) {
        throw new IllegalStateException("not verified: " + answered);
      }
    }
  }
}
