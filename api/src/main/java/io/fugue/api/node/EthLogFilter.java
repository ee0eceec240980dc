package io.fugue.api.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.fugue.api.port.EthRpcError;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.Receipt;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An {@code eth_getLogs} filter: a block range (capped) or one block hash, addresses, and per
 * position topic alternatives ({@code null} matches anything).
 */
record EthLogFilter(
    long from,
    long to,
    Optional<Hash32> blockHash,
    Set<Address> addresses,
    List<Set<Hash32>> topics) {

  static EthLogFilter parse(JsonNode f, Blockchain chain, long maxRange) {
    if (f == null || !f.isObject()) {
      throw new IllegalArgumentException("the filter must be an object");
    }
    Optional<Hash32> blockHash = Optional.empty();
    long from;
    long to;
    if (f.hasNonNull("blockHash")) {
      if (f.has("fromBlock") || f.has("toBlock")) {
        throw new IllegalArgumentException("blockHash excludes fromBlock and toBlock");
      }
      blockHash = Optional.of(hash(f.get("blockHash")));
      from = 0;
      to = 0;
    } else {
      from = EthParams.blockNumber(f.path("fromBlock").asText("latest"), chain);
      to = EthParams.blockNumber(f.path("toBlock").asText("latest"), chain);
      if (from > to) {
        throw new IllegalArgumentException("fromBlock is after toBlock");
      }
      if (to - from + 1 > maxRange) {
        throw new EthRpcError(
            EthRpcError.LIMIT_EXCEEDED,
            "query exceeds the limit of " + maxRange + " blocks; split the range");
      }
    }
    Set<Address> addresses = Set.of();
    JsonNode a = f.get("address");
    if (a != null && !a.isNull()) {
      List<Address> list = new ArrayList<>();
      (a.isArray() ? a : List.of(a)).forEach(x -> list.add(address(x)));
      addresses = Set.copyOf(list);
    }
    List<Set<Hash32>> topics = new ArrayList<>();
    JsonNode t = f.get("topics");
    if (t != null && !t.isNull()) {
      if (!t.isArray() || t.size() > Receipt.MAX_TOPICS) {
        throw new IllegalArgumentException("topics must be an array of at most 4 entries");
      }
      for (JsonNode position : t) {
        List<Hash32> alternatives = new ArrayList<>();
        if (position.isArray()) {
          position.forEach(x -> alternatives.add(hash(x)));
        } else if (!position.isNull()) {
          alternatives.add(hash(position));
        }
        topics.add(Set.copyOf(alternatives));
      }
    }
    return new EthLogFilter(from, to, blockHash, addresses, topics);
  }

  List<Block> blocks(Blockchain chain) {
    if (blockHash.isPresent()) {
      return List.of(
          chain
              .block(blockHash.get())
              .orElseThrow(() -> new EthRpcError(EthRpcError.SERVER_ERROR, "unknown block")));
    }
    List<Block> out = new ArrayList<>();
    for (long n = from; n <= to; n++) {
      chain.block(n).ifPresent(out::add);
    }
    return out;
  }

  boolean matches(Receipt.Log log) {
    if (!addresses.isEmpty() && !addresses.contains(log.address())) {
      return false;
    }
    for (int i = 0; i < topics.size(); i++) {
      Set<Hash32> allowed = topics.get(i);
      if (allowed.isEmpty()) {
        continue;
      }
      if (i >= log.topics().size() || !allowed.contains(log.topics().get(i))) {
        return false;
      }
    }
    return true;
  }

  private static Hash32 hash(JsonNode n) {
    Bytes b = hex(n);
    if (b.size() != Hash32.SIZE) {
      throw new IllegalArgumentException("a topic or block hash is 32 bytes");
    }
    return Hash32.of(b);
  }

  private static Address address(JsonNode n) {
    Bytes b = hex(n);
    if (b.size() != Address.SIZE) {
      throw new IllegalArgumentException("an address is 20 bytes");
    }
    return Address.of(b);
  }

  private static Bytes hex(JsonNode n) {
    if (!n.isTextual() || !n.asText().matches("0x([0-9a-fA-F]{2})*")) {
      throw new IllegalArgumentException("expected 0x-prefixed hex");
    }
    return Bytes.fromHex(n.asText().substring(2));
  }
}
