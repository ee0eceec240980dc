package io.fugue.api.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.AttestationView;
import io.fugue.api.model.Digest;
import io.fugue.api.model.HexBytes;
import io.fugue.api.model.QueryView;
import java.util.ArrayList;
import java.util.List;

/**
 * What the holder's commands read from the node before they open an opening locally: the
 * attestation (its on-chain commitment), the query, the schema's bit size and the vault's deposit
 * key. A node answer that does not parse is a failure, never a partial value.
 */
final class HolderReads {
  private final FugueClient client;
  private final String token;

  HolderReads(FugueClient client, String token) {
    this.client = client;
    this.token = token;
  }

  AttestationView attestation(Digest id) {
    JsonNode j = client.get("/v1/attestations/" + id.toHex(), token);
    try {
      return new AttestationView(
          Digest.fromHex(text(j, "id")),
          AccountAddress.fromHex(text(j, "issuer")),
          text(j, "subject"),
          text(j, "schema"),
          HexBytes.fromHex(text(j, "commitment")),
          j.path("validFrom").asLong(),
          j.path("validUntil").asLong(),
          text(j, "status"));
    } catch (IllegalArgumentException e) {
      throw malformed("attestation " + id, e);
    }
  }

  QueryView query(Digest id) {
    JsonNode j = client.get("/v1/queries/" + id.toHex(), token);
    try {
      List<Digest> ids = new ArrayList<>();
      j.path("attestations").forEach(a -> ids.add(Digest.fromHex(a.asText())));
      return new QueryView(
          Digest.fromHex(text(j, "id")),
          AccountAddress.fromHex(text(j, "client")),
          ids,
          text(j, "predicate"),
          j.path("threshold").asLong(),
          j.hasNonNull("upper") ? j.path("upper").asLong() : null,
          text(j, "purpose"),
          HexBytes.fromHex(text(j, "nonce")),
          text(j, "status"),
          j.path("createdAt").asLong());
    } catch (IllegalArgumentException e) {
      throw malformed("query " + id, e);
    }
  }

  int schemaBits(String schema) {
    int bits = client.get("/v1/schemas/" + schema, null).path("bits").asInt(0);
    if (bits <= 0) {
      throw new CliException(
          FugueCli.EXIT_FAILED, "the node gave no bit size for schema " + schema);
    }
    return bits;
  }

  /** The given deposit key, or the node's own ({@code GET /v1/vault/key}). */
  HexBytes depositKey(String given) {
    if (given != null && !given.isBlank()) {
      return Hex.bytes(given, "--vault-key");
    }
    String fetched = client.get("/v1/vault/key", null).path("depositKey").asText("");
    if (fetched.isEmpty()) {
      throw new CliException(
          FugueCli.EXIT_FAILED,
          "the node did not give its vault key;" + " pass --vault-key or FUGUE_VAULT_KEY");
    }
    return Hex.bytes(fetched, "the node's vault key");
  }

  private static String text(JsonNode j, String field) {
    JsonNode v = j.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("no " + field);
    }
    return v.asText();
  }

  private static CliException malformed(String what, IllegalArgumentException e) {
    return new CliException(
        FugueCli.EXIT_FAILED, "the node's answer for " + what + " is malformed: " + e.getMessage());
  }
}
