package io.fugue.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fugue.api.model.AccountAddress;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * A small blocking client of a node's REST API (the CLI is a short-lived process, so blocking is
 * right here). Non-2xx answers become a {@link CliException} carrying the problem's detail.
 */
public final class FugueClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http;
  private final URI base;
  private final Duration timeout;

  public FugueClient(URI base, Duration timeout) {
    this.base = Objects.requireNonNull(base, "base");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** Logs in with a signed challenge; returns the bearer token. */
  public String login(AccountAddress address, KeyStore keys) {
    JsonNode challenge = post("/v1/auth/challenge", null, object().put("address", address.toHex()));
    byte[] message = challenge.path("message").asText().getBytes(StandardCharsets.UTF_8);
    JsonNode token =
        post(
            "/v1/auth/token",
            null,
            object()
                .put("address", address.toHex())
                .put("challenge", challenge.path("challenge").asText())
                .put("signature", keys.sign(address, message).toHex()));
    return token.path("token").asText();
  }

  public JsonNode get(String path, String token) {
    return send(request(path, token).GET().build());
  }

  public JsonNode post(String path, String token, JsonNode body) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  public JsonNode send(String method, String path, String token, JsonNode body) {
    return send(
        request(path, token)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(timeout)
            .header("Accept", "application/json, application/problem+json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  private JsonNode send(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new CliException(
          FugueCli.EXIT_FAILED,
          "cannot reach the node at "
              + base
              + ": "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CliException(FugueCli.EXIT_FAILED, "interrupted");
    }
    JsonNode body = parse(response.body());
    if (response.statusCode() / 100 != 2) {
      String detail = body.path("detail").asText(response.body());
      throw new CliException(
          FugueCli.EXIT_FAILED,
          "the node refused ("
              + response.statusCode()
              + " "
              + body.path("title").asText("")
              + "): "
              + detail);
    }
    return body;
  }

  private static JsonNode parse(String text) {
    if (text == null || text.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      return JSON.createObjectNode().put("detail", text);
    }
  }
}
