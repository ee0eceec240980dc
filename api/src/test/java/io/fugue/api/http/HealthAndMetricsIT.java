package io.fugue.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.api.model.Readiness;
import io.fugue.api.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class HealthAndMetricsIT {
  private TestNode node;

  @BeforeEach
  void start(Vertx vertx) {
    node = new TestNode(vertx);
  }

  @Test
  void shouldReportUpWhenTheBackendIsReady() {
    HttpResponse<Buffer> r = node.get("/health", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.bodyAsJsonObject().getString("status")).isEqualTo("UP");
    assertThat(r.bodyAsJsonObject().getBoolean("live")).isTrue();
  }

  @Test
  void shouldReport503WhenTheBackendIsNotReady() {
    node.backends.readiness = new Readiness(false, "syncing shard 1");
    HttpResponse<Buffer> r = node.get("/health", null);
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.bodyAsJsonObject().getString("status")).isEqualTo("DOWN");
    assertThat(r.bodyAsJsonObject().getString("detail")).isEqualTo("syncing shard 1");
  }

  @Test
  void shouldSplitLivenessFromReadinessForKubernetesProbes() {
    node.backends.readiness = new Readiness(false, "no finalized block yet on shard(s) 1");
    HttpResponse<Buffer> live = node.get("/health/live", null);
    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(live.bodyAsJsonObject().getBoolean("live")).isTrue();
    HttpResponse<Buffer> ready = node.get("/health/ready", null);
    assertThat(ready.statusCode()).isEqualTo(503);
    assertThat(ready.bodyAsJsonObject().getString("detail"))
        .isEqualTo("no finalized block yet on shard(s) 1");
    node.backends.readiness = new Readiness(true, "ok");
    assertThat(node.get("/health/ready", null).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldCountRequestsPerRouteTemplateAndStatusInPrometheusFormat() {
    node.get("/v1/chain/shards/0/blocks/1", null);
    node.get("/v1/chain/shards/0/blocks/1", null);
    node.get("/v1/chain/shards/0/blocks/77", null);
    node.get("/v1/no/such/thing", null);
    HttpResponse<Buffer> r = node.get("/metrics", null);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.getHeader("Content-Type")).startsWith("text/plain");
    String text = r.bodyAsString();
    assertThat(text).contains("# TYPE fugue_api_requests_seconds");
    assertThat(sample(text, "/v1/chain/shards/{shard}/blocks/{number}", "200")).isEqualTo(2.0);
    assertThat(sample(text, "/v1/chain/shards/{shard}/blocks/{number}", "404")).isEqualTo(1.0);
    assertThat(sample(text, "unmatched", "404")).isEqualTo(1.0);
  }

  @Test
  void shouldFoldUnknownMethodsIntoOneSeries() {
    for (String m : new String[] {"FROB1", "FROB2", "FROB3"}) {
      TestNode.await(
          node.client.request(io.vertx.core.http.HttpMethod.valueOf(m), "/v1/chain/shards").send());
    }
    String text = node.get("/metrics", null).bodyAsString();
    assertThat(text).doesNotContain("FROB").contains("method=\"OTHER\"");
  }

  @Test
  void shouldExposeJvmMetrics() {
    assertThat(node.get("/metrics", null).bodyAsString())
        .contains("jvm_memory_used_bytes")
        .contains("process_uptime_seconds");
  }

  private static double sample(String text, String route, String status) {
    return text.lines()
        .filter(l -> l.startsWith("fugue_api_requests_seconds_count{"))
        .filter(
            l -> l.contains("route=\"" + route + "\"") && l.contains("status=\"" + status + "\""))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .sum();
  }
}
