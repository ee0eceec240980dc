package io.fugue.api.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;

/** Prints API answers as indented JSON, so the output can be piped into jq. */
final class Printer {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Printer() {}

  static int print(PrintWriter out, JsonNode node) {
    try {
      out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print a JSON tree", e);
    }
    out.flush();
    return FugueCli.EXIT_OK;
  }
}
