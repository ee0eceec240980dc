package io.fugue.api.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.HexBytes;
import java.math.BigInteger;

/** Reads positional JSON-RPC parameters, failing with -32602 on anything unexpected. */
final class RpcParams {
  private RpcParams() {}

  static void arity(JsonNode params, int min, int max) {
    if (!params.isArray() || params.size() < min || params.size() > max) {
      throw JsonRpcException.invalidParams(
          "expected " + min + (min == max ? "" : " to " + max) + " positional parameters");
    }
  }

  /** A hex quantity ("0x1a") or a non-negative JSON integer. */
  static long quantity(JsonNode params, int index, String name) {
    JsonNode n = params.get(index);
    try {
      if (n != null && n.isIntegralNumber() && n.canConvertToLong() && n.asLong() >= 0) {
        return n.asLong();
      }
      if (n != null && n.isTextual() && n.asText().matches("0x[0-9a-fA-F]{1,16}")) {
        return new BigInteger(n.asText().substring(2), 16).longValueExact();
      }
    } catch (ArithmeticException e) {
      // falls through to the error below: too large for a block number or shard
    }
    throw JsonRpcException.invalidParams(
        name + " must be a hex quantity or a non-negative integer");
  }

  static AccountAddress address(JsonNode params, int index) {
    try {
      return AccountAddress.fromHex(text(params, index, "address"));
    } catch (IllegalArgumentException e) {
      throw JsonRpcException.invalidParams("address: " + e.getMessage());
    }
  }

  static HexBytes hex(JsonNode params, int index, String name) {
    try {
      return HexBytes.fromHex(text(params, index, name));
    } catch (IllegalArgumentException e) {
      throw JsonRpcException.invalidParams(name + ": " + e.getMessage());
    }
  }

  static String text(JsonNode params, int index, String name) {
    JsonNode n = params.get(index);
    if (n == null || !n.isTextual()) {
      throw JsonRpcException.invalidParams(name + " must be a string");
    }
    return n.asText();
  }

  static String toQuantity(long value) {
    return "0x" + Long.toHexString(value);
  }
}
