package io.fugue.geofencing.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fugue.chain.primitives.Hash32;
import io.fugue.geofencing.GeoFencingException;

/**
 * One JSON object per line: {@code {"seq":0,"time":1764748800000,"kind":"refused",
 * "subject":"12D3KooW…","detail":"…","prev":"0x…","hash":"0x…"}} (hashes as 0x-prefixed hex).
 */
public final class AuditCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AuditCodec() {}

  public static String toJsonLine(AuditEntry e) {
    ObjectNode o = JSON.createObjectNode();
    o.put("seq", e.seq());
    o.put("time", e.timeMillis());
    o.put("kind", e.kind());
    o.put("subject", e.subject());
    o.put("detail", e.detail());
    o.put("prev", "0x" + e.prev().toHex());
    o.put("hash", "0x" + e.hash().toHex());
    return o.toString();
  }

  /** Parses one line strictly; throws {@link GeoFencingException} naming the defect. */
  public static AuditEntry fromJsonLine(String line) {
    try {
      JsonNode o = JSON.readTree(line);
      if (o == null || !o.isObject() || o.size() != 7) {
        throw new GeoFencingException("an audit entry is a JSON object of 7 fields");
      }
      return new AuditEntry(
          number(o, "seq"),
          number(o, "time"),
          text(o, "kind"),
          text(o, "subject"),
          text(o, "detail"),
          hash(o, "prev"),
          hash(o, "hash"));
    } catch (JsonProcessingException e) {
      throw new GeoFencingException("audit entry is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static long number(JsonNode o, String field) {
    JsonNode n = o.get(field);
    if (n == null || !n.canConvertToExactIntegral() || !n.canConvertToLong() || n.asLong() < 0) {
      throw new GeoFencingException("audit entry field '" + field + "' must be a whole number");
    }
    return n.asLong();
  }

  private static String text(JsonNode o, String field) {
    JsonNode n = o.get(field);
    if (n == null || !n.isTextual()) {
      throw new GeoFencingException("audit entry field '" + field + "' must be a string");
    }
    return n.asText();
  }

  private static Hash32 hash(JsonNode o, String field) {
    String s = text(o, field);
    try {
      return Hash32.fromHex(s);
    } catch (RuntimeException e) {
      throw new GeoFencingException(
          "audit entry field '" + field + "' is not a 32-byte hex hash", e);
    }
  }
}
