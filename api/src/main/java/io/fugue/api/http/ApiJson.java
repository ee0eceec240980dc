package io.fugue.api.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.stream.Collectors;

/**
 * The one JSON mapper of the API: strict on input (unknown fields, nulls for primitives and
 * trailing tokens fail), null fields left out on output.
 */
public final class ApiJson {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          .build();

  private ApiJson() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  public static Buffer encode(Object value) {
    try {
      return Buffer.buffer(MAPPER.writeValueAsBytes(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
    }
  }

  /** Converts an already validated JSON value into a request record; bad values become 400. */
  public static <T> T convert(Object json, Class<T> type) {
    byte[] bytes =
        json instanceof JsonObject o
            ? o.toBuffer().getBytes()
            : json instanceof JsonArray a
                ? a.toBuffer().getBytes()
                : Json.encode(json).getBytes(UTF_8);
    try {
      return MAPPER.readValue(bytes, type);
    } catch (JsonMappingException e) {
      String where =
          e.getPath().stream()
              .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
              .collect(Collectors.joining("."));
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      String why =
          root instanceof JsonProcessingException j ? j.getOriginalMessage() : root.getMessage();
      throw ProblemException.badRequest(
          "request body" + (where.isEmpty() ? "" : " field " + where) + ": " + why, e);
    } catch (IOException e) {
      throw ProblemException.badRequest("request body: " + e.getMessage(), e);
    }
  }
}
