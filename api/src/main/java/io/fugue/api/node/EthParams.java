package io.fugue.api.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.fugue.api.port.EthRpcError;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.math.BigInteger;
import java.util.regex.Pattern;

/** Reads Ethereum JSON-RPC parameters strictly; a bad one is an IllegalArgumentException. */
final class EthParams {
  private static final Pattern QUANTITY = Pattern.compile("0x(0|[1-9a-fA-F][0-9a-fA-F]{0,15})");
  private static final Pattern DATA = Pattern.compile("0x([0-9a-fA-F]{2})*");

  private EthParams() {}

  static void arity(JsonNode params, int min, int max) {
    if (!params.isArray() || params.size() < min || params.size() > max) {
      throw new IllegalArgumentException(
          "expected " + min + (min == max ? "" : " to " + max) + " positional parameters");
    }
  }

  static String text(JsonNode params, int index, String name) {
    JsonNode n = params.get(index);
    if (n == null || !n.isTextual()) {
      throw new IllegalArgumentException(name + " must be a string");
    }
    return n.asText();
  }

  static long quantity(JsonNode params, int index, String name) {
    return quantity(text(params, index, name), name);
  }

  static long quantity(String s, String name) {
    if (!QUANTITY.matcher(s).matches()) {
      throw new IllegalArgumentException(name + " must be a hex quantity such as 0x1a");
    }
    BigInteger v = new BigInteger(s.substring(2), 16);
    if (v.bitLength() > 63) {
      throw new IllegalArgumentException(name + " is too large");
    }
    return v.longValue();
  }

  static boolean bool(JsonNode params, int index) {
    JsonNode n = params.get(index);
    if (n == null || !n.isBoolean()) {
      throw new IllegalArgumentException("expected a boolean at position " + index);
    }
    return n.asBoolean();
  }

  static Bytes bytes(JsonNode params, int index, String name) {
    String s = text(params, index, name);
    if (!DATA.matcher(s).matches()) {
      throw new IllegalArgumentException(name + " must be 0x-prefixed hex of whole bytes");
    }
    return Bytes.fromHex(s.substring(2));
  }

  static Address address(JsonNode params, int index) {
    Bytes b = bytes(params, index, "address");
    if (b.size() != Address.SIZE) {
      throw new IllegalArgumentException("address must be 20 bytes");
    }
    return Address.of(b);
  }

  static Hash32 hash(JsonNode params, int index) {
    Bytes b = bytes(params, index, "hash");
    if (b.size() != Hash32.SIZE) {
      throw new IllegalArgumentException("hash must be 32 bytes");
    }
    return Hash32.of(b);
  }

  /**
   * A block number or tag. With FBFT every block is final, so latest, safe, finalized and pending
   * all name the head.
   */
  static long blockNumber(JsonNode params, int index, Blockchain chain) {
    return blockNumber(text(params, index, "block"), chain);
  }

  static long blockNumber(String s, Blockchain chain) {
    long head = chain.head().number();
    return switch (s) {
      case "latest", "safe", "finalized", "pending" -> head;
      case "earliest" -> 0;
      default -> {
        long n = quantity(s, "block");
        if (n > head) {
          throw new EthRpcError(EthRpcError.SERVER_ERROR, "header not found");
        }
        yield n;
      }
    };
  }
}
