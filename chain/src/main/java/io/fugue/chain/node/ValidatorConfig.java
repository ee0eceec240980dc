package io.fugue.chain.node;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A validator's config file (docs/operations.md, "Running a validator"), parsed strictly: unknown
 * or duplicate fields, wrong types, a missing required field, or both/neither key sources are
 * errors naming the field. Relative paths are resolved against the config file's directory.
 *
 * @param genesis the network's genesis JSON file
 * @param shard the shard this validator runs (its key must be in that shard's genesis committee)
 * @param dataDir the node's directory: {@code chain/} (RocksDB) and {@code node.key} (libp2p id)
 * @param listen libp2p listen multiaddrs
 * @param bootnodes multiaddrs with {@code /p2p/<peer id>} to join through
 * @param key where the BLS validator key comes from
 * @param consensus this node's consensus timings; empty = derived from the genesis block time
 * @param api where to serve the HTTP API, if at all (read by {@code fugue node}, not by the chain)
 */
public record ValidatorConfig(
    Path genesis,
    int shard,
    Path dataDir,
    List<String> listen,
    List<String> bootnodes,
    KeySource key,
    Optional<ConsensusTimings> consensus,
    Optional<ApiSection> api) {
  public static final int MAX_FILE_BYTES = 1 << 20;
  private static final Set<String> FIELDS =
      Set.of(
          "genesis",
          "shard",
          "dataDir",
          "listen",
          "bootnodes",
          "key",
          "devnet",
          "consensus",
          "api");
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /** A config with the timings derived from genesis and no API. */
  public ValidatorConfig(
      Path genesis,
      int shard,
      Path dataDir,
      List<String> listen,
      List<String> bootnodes,
      KeySource key) {
    this(genesis, shard, dataDir, listen, bootnodes, key, Optional.empty(), Optional.empty());
  }

  public ValidatorConfig {
    Objects.requireNonNull(api, "api");
    Objects.requireNonNull(genesis, "genesis");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(consensus, "consensus");
    listen = List.copyOf(listen);
    bootnodes = List.copyOf(bootnodes);
    if (shard < 0 || listen.isEmpty()) {
      throw new IllegalArgumentException("shard >= 0 and at least one listen address required");
    }
  }

  /**
   * The HTTP API's listen address: {@code port} 0 lets the OS choose (tests); {@code operators} are
   * the accounts given the operator role (e.g. {@code /v1/node}).
   */
  public record ApiSection(String host, int port, List<Address> operators) {
    public ApiSection {
      Objects.requireNonNull(host, "host");
      operators = List.copyOf(operators);
      if (host.isBlank() || port < 0 || port > 65_535) {
        throw new IllegalArgumentException("api needs a host and a port in [0, 65535]");
      }
    }

    public ApiSection(String host, int port) {
      this(host, port, List.of());
    }
  }

  /** The source of the BLS validator key. */
  public sealed interface KeySource {}

  /** An encrypted key file (docs/protocol.md, "Key files") and the file holding its password. */
  public record KeyFileSource(Path file, Path passwordFile) implements KeySource {
    public KeyFileSource {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(passwordFile, "passwordFile");
    }
  }

  /** A development key derived from a devnet seed: validator {@code index} of the shard. */
  public record DevnetKeySource(Bytes seed, int validatorsPerShard, int index)
      implements KeySource {
    public DevnetKeySource {
      Objects.requireNonNull(seed, "seed");
      if (validatorsPerShard < 1 || index < 0 || index >= validatorsPerShard) {
        throw new IllegalArgumentException("devnet index must be in [0, validatorsPerShard)");
      }
    }
  }

  public static ValidatorConfig load(Path file) {
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new NodeException(file + ": " + size + " bytes exceed " + MAX_FILE_BYTES);
      }
      Path base = Optional.ofNullable(file.toAbsolutePath().getParent()).orElse(Path.of("."));
      return parse(Files.readString(file), base);
    } catch (IOException e) {
      throw new NodeException("cannot read validator config " + file + ": " + e.getMessage(), e);
    }
  }

  public static ValidatorConfig parse(String json, Path base) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new NodeException("validator config is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new NodeException("validator config must be a JSON object");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw new NodeException(
            "unknown field '" + f + "' (expected one of " + new java.util.TreeSet<>(FIELDS) + ")");
      }
    }
    if (root.has("key") == root.has("devnet")) {
      throw new NodeException("exactly one of 'key' and 'devnet' is required");
    }
    KeySource key =
        root.has("key") ? keyFile(object(root, "key"), base) : devnet(object(root, "devnet"));
    int shard = intField(root, "shard", 0, 0xFFFF);
    try {
      return new ValidatorConfig(
          base.resolve(text(root, "genesis")),
          shard,
          base.resolve(text(root, "dataDir")),
          multiaddrs(root, "listen", false),
          root.has("bootnodes") ? multiaddrs(root, "bootnodes", true) : List.of(),
          key,
          root.has("consensus")
              ? Optional.of(ConsensusTimings.parse(root.get("consensus")))
              : Optional.empty(),
          root.has("api") ? Optional.of(api(object(root, "api"))) : Optional.empty());
    } catch (IllegalArgumentException e) {
      throw new NodeException("invalid validator config: " + e.getMessage(), e);
    }
  }

  private static ApiSection api(JsonNode n) {
    only(n, "api", Set.of("host", "port", "operators"));
    JsonNode port = n.get("port");
    if (port == null
        || !port.isIntegralNumber()
        || !port.canConvertToInt()
        || port.asInt() < 0
        || port.asInt() > 65_535) {
      throw new NodeException("'api.port' must be an integer in [0, 65535]");
    }
    JsonNode host = n.get("host");
    if (host == null || !host.isTextual() || host.asText().isBlank()) {
      throw new NodeException("'api.host' must be a non-empty string");
    }
    List<Address> operators = new ArrayList<>();
    if (n.has("operators")) {
      List<String> given = strings(n, "operators", "api.operators");
      for (int i = 0; i < given.size(); i++) {
        try {
          operators.add(Address.fromHex(given.get(i)));
        } catch (IllegalArgumentException e) {
          throw new NodeException("'api.operators[" + i + "]': " + e.getMessage(), e);
        }
      }
    }
    return new ApiSection(host.asText(), port.asInt(), operators);
  }

  private static KeySource keyFile(JsonNode n, Path base) {
    only(n, "key", Set.of("file", "passwordFile"));
    return new KeyFileSource(base.resolve(text(n, "file")), base.resolve(text(n, "passwordFile")));
  }

  private static KeySource devnet(JsonNode n) {
    only(n, "devnet", Set.of("seed", "validatorsPerShard", "index"));
    String seed = text(n, "seed");
    Bytes bytes;
    try {
      bytes = Bytes.fromHex(seed);
    } catch (IllegalArgumentException e) {
      throw new NodeException("devnet.seed: not hex: " + e.getMessage(), e);
    }
    int perShard = intField(n, "validatorsPerShard", 1, 0xFFFF);
    int index = intField(n, "index", 0, perShard - 1);
    return new DevnetKeySource(bytes, perShard, index);
  }

  private static void only(JsonNode n, String where, Set<String> allowed) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f)) {
        throw new NodeException("unknown field '" + where + "." + f + "'");
      }
    }
  }

  private static JsonNode object(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isObject()) {
      throw new NodeException("'" + field + "' must be an object");
    }
    return v;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    if (v == null || !v.isTextual() || v.asText().isEmpty()) {
      throw new NodeException("'" + field + "' must be a non-empty string");
    }
    return v.asText();
  }

  private static int intField(JsonNode n, String field, int min, int max) {
    JsonNode v = n.get(field);
    if (v == null
        || !v.isIntegralNumber()
        || !v.canConvertToInt()
        || v.asInt() < min
        || v.asInt() > max) {
      throw new NodeException("'" + field + "' must be an integer in [" + min + ", " + max + "]");
    }
    return v.asInt();
  }

  private static List<String> strings(JsonNode n, String field) {
    return strings(n, field, field);
  }

  private static List<String> strings(JsonNode n, String field, String path) {
    JsonNode v = n.get(field);
    if (v == null || !v.isArray()) {
      throw new NodeException("'" + path + "' must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode e : v) {
      if (!e.isTextual() || e.asText().isEmpty()) {
        throw new NodeException("'" + path + "' must contain only non-empty strings");
      }
      out.add(e.asText());
    }
    return out;
  }

  /**
   * {@code /ip4/<a.b.c.d>/tcp/<port>} or {@code /ip6/<addr>/tcp/<port>}: what the host can listen
   * on or dial.
   */
  private static final java.util.regex.Pattern TCP_ADDR =
      java.util.regex.Pattern.compile(
          "/(ip4/(\\d{1,3}\\.){3}\\d{1,3}|ip6/[0-9A-Fa-f:.]+)/tcp/(\\d{1,5})");

  /**
   * A base58btc peer id: an identity multihash of an ed25519 key ({@code 12D3KooW…}) or a sha-256
   * one ({@code Qm…}).
   */
  private static final java.util.regex.Pattern PEER_ID =
      java.util.regex.Pattern.compile("(12D3KooW|Qm)[1-9A-HJ-NP-Za-km-z]{40,50}");

  private static List<String> multiaddrs(JsonNode n, String field, boolean withPeerId) {
    List<String> out = strings(n, field);
    for (int i = 0; i < out.size(); i++) {
      String a = out.get(i);
      String where = "'" + field + "[" + i + "]' " + a + ": ";
      String tcp = withPeerId && a.contains("/p2p/") ? a.substring(0, a.indexOf("/p2p/")) : a;
      var m = TCP_ADDR.matcher(tcp);
      if (!m.matches()
          || Integer.parseInt(m.group(3)) > 65_535
          || (tcp.startsWith("/ip4/") && !validIpv4(tcp.substring(5, tcp.indexOf("/tcp/"))))) {
        throw new NodeException(
            where
                + "not a multiaddr /ip4/<address>/tcp/<port> or /ip6/<address>/tcp/<port>"
                + (withPeerId ? "/p2p/<peer id>" : "")
                + " (host names are not resolved)");
      }
      if (withPeerId) {
        String peer = a.contains("/p2p/") ? a.substring(a.indexOf("/p2p/") + 5) : "";
        if (!PEER_ID.matcher(peer).matches()) {
          throw new NodeException(
              where
                  + "must end in /p2p/<peer id> (as printed by fugue bootnode or "
                  + "fugue node-key), got '"
                  + peer
                  + "'");
        }
      }
    }
    return out;
  }

  private static boolean validIpv4(String ip) {
    for (String part : ip.split("\\.", -1)) {
      if (Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }
}
