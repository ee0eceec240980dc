package io.fugue.chain.genesis;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.crypto.BlsPublicKey;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.execution.RewardSchedule;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.ChainException;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.staking.StakingGenesis;
import io.fugue.chain.staking.StakingParams;
import io.fugue.chain.staking.Validator;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a genesis JSON file strictly: every field required (only {@code liftedFromEpoch} may be
 * null), no unknown or duplicate fields, integers as JSON integers, 256-bit amounts as decimal
 * strings, hex with a {@code 0x} prefix, no duplicate addresses or committee keys. Any defect is a
 * {@link GenesisException} naming the JSON path.
 */
public final class GenesisParser {
  /** Genesis files are small; anything larger is a mistake or an attack. */
  public static final int MAX_FILE_BYTES = 64 << 20;

  private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,77}");
  private static final Pattern NETWORK_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(16)
                .maxNumberLength(80)
                .maxStringLength(1 << 20)
                .build());
  }

  private GenesisParser() {}

  public static GenesisConfig load(Path file) {
    try {
      long size = Files.size(file);
      if (size > MAX_FILE_BYTES) {
        throw new GenesisException(file + ": " + size + " bytes exceed " + MAX_FILE_BYTES);
      }
      return parse(Files.readString(file));
    } catch (IOException e) {
      throw new GenesisException("cannot read genesis file " + file + ": " + e.getMessage(), e);
    }
  }

  public static GenesisConfig parse(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new GenesisException("genesis is not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null) {
      throw new GenesisException("genesis is empty");
    }
    try {
      return config(new Obj(root, "$"));
    } catch (GenesisException e) {
      throw e;
    } catch (IllegalArgumentException | ChainException e) {
      throw new GenesisException("genesis: " + e.getMessage(), e);
    }
  }

  private static GenesisConfig config(Obj o) {
    o.expectFields(
        Set.of("governance", "staking"),
        "networkId",
        "chainId",
        "shardCount",
        "timestamp",
        "blockTimeMillis",
        "blocksPerEpoch",
        "leaderRotationBlocks",
        "maxClockDriftMillis",
        "rateLimits",
        "rewards",
        "shards");
    String networkId = o.text("networkId");
    if (!NETWORK_ID.matcher(networkId).matches()) {
      throw o.error("networkId", "must be 1-32 characters of [a-z0-9-], got '" + networkId + "'");
    }
    int shardCount = (int) o.integer("shardCount", 1, ShardId.MAX + 1L);
    List<ShardGenesis> shards = shards(o.array("shards"), shardCount);
    long blocksPerEpoch = o.integer("blocksPerEpoch", 1, Long.MAX_VALUE);
    return new GenesisConfig(
        networkId,
        o.integer("chainId", 0, Long.MAX_VALUE),
        shardCount,
        o.integer("timestamp", 0, Long.MAX_VALUE),
        o.integer("blockTimeMillis", 1, 3_600_000),
        blocksPerEpoch,
        (int) o.integer("leaderRotationBlocks", 1, Integer.MAX_VALUE),
        o.integer("maxClockDriftMillis", 0, 3_600_000),
        rateLimits(o.object("rateLimits")),
        rewards(o.array("rewards")),
        shards,
        o.node.has("governance")
            ? Optional.of(governance(o.object("governance")))
            : Optional.empty(),
        o.node.has("staking")
            ? Optional.of(staking(o.object("staking"), blocksPerEpoch))
            : Optional.empty());
  }

  private static StakingGenesis staking(Obj o, long blocksPerEpoch) {
    o.expectFields(
        Set.of("electedFromEpoch"),
        "slotsPerShard",
        "minSelfDelegation",
        "minDelegation",
        "maxKeysPerValidator",
        "undelegationLockEpochs",
        "doubleSignSlashBps",
        "reporterShareBps",
        "shardCapBps",
        "availabilityThresholdBps",
        "maxCommissionChangeBps",
        "validators");
    StakingParams params;
    try {
      params =
          new StakingParams(
              blocksPerEpoch,
              (int) o.integer("slotsPerShard", 1, StakingParams.MAX_SLOTS_PER_SHARD),
              o.amount("minSelfDelegation"),
              o.amount("minDelegation"),
              (int) o.integer("maxKeysPerValidator", 1, StakingParams.MAX_KEYS_PER_VALIDATOR),
              (int) o.integer("undelegationLockEpochs", 0, 1_000),
              (int) o.integer("doubleSignSlashBps", 0, StakingParams.BPS),
              (int) o.integer("reporterShareBps", 0, StakingParams.BPS),
              (int) o.integer("shardCapBps", 1, StakingParams.BPS),
              (int) o.integer("availabilityThresholdBps", 0, StakingParams.BPS),
              (int) o.integer("maxCommissionChangeBps", 0, StakingParams.BPS));
    } catch (IllegalArgumentException e) {
      throw new GenesisException(o.path + ": " + e.getMessage(), e);
    }
    Arr a = o.array("validators");
    if (a.size() < 1 || a.size() > StakingGenesis.MAX_VALIDATORS) {
      throw o.error(
          "validators", "needs 1 to " + StakingGenesis.MAX_VALIDATORS + ", got " + a.size());
    }
    List<StakingGenesis.GenesisValidator> validators = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      Obj v = a.object(i);
      v.expectFields(
          Set.of("website", "details", "securityContact"),
          "operator",
          "name",
          "keys",
          "stake",
          "commissionBps",
          "maxCommissionBps",
          "maxChangeBps",
          "maxTotalDelegation");
      Arr keyArr = v.array("keys");
      if (keyArr.size() < 1 || keyArr.size() > StakingParams.MAX_KEYS_PER_VALIDATOR) {
        throw v.error("keys", "needs 1 to " + StakingParams.MAX_KEYS_PER_VALIDATOR + " keys");
      }
      List<ValidatorKey> keys = new ArrayList<>();
      for (int k = 0; k < keyArr.size(); k++) {
        String path = keyArr.path + "[" + k + "]";
        try {
          keys.add(new ValidatorKey(BlsPublicKey.fromBytes(hex(keyArr.text(k), path)).toBytes()));
        } catch (ChainException e) {
          throw new GenesisException(path + ": bad BLS public key: " + e.getMessage(), e);
        }
      }
      try {
        validators.add(
            new StakingGenesis.GenesisValidator(
                address(v.text("operator"), v.path + ".operator"),
                new Validator.Description(
                    v.text("name"),
                    v.node.has("website") ? v.text("website") : "",
                    v.node.has("details") ? v.text("details") : "",
                    v.node.has("securityContact") ? v.text("securityContact") : ""),
                keys,
                v.amount("stake"),
                (int) v.integer("commissionBps", 0, StakingParams.BPS),
                (int) v.integer("maxCommissionBps", 0, StakingParams.BPS),
                (int) v.integer("maxChangeBps", 0, StakingParams.BPS),
                v.amount("maxTotalDelegation")));
      } catch (IllegalArgumentException e) {
        throw new GenesisException(v.path + ": " + e.getMessage(), e);
      }
    }
    try {
      long electedFrom =
          !o.node.has("electedFromEpoch") || o.isNull("electedFromEpoch")
              ? StakingGenesis.NEVER
              : o.integer("electedFromEpoch", 1, StakingGenesis.NEVER - 1);
      return new StakingGenesis(params, validators, electedFrom);
    } catch (IllegalArgumentException e) {
      throw new GenesisException(o.path + ": " + e.getMessage(), e);
    }
  }

  private static Address address(String text, String path) {
    if (!text.startsWith("0x")) {
      throw new GenesisException(path + ": an address needs the 0x prefix");
    }
    try {
      return Address.fromHex(text);
    } catch (IllegalArgumentException e) {
      throw new GenesisException(path + ": bad address: " + e.getMessage(), e);
    }
  }

  private static GenesisConfig.Governance governance(Obj o) {
    o.expectFields("members", "threshold");
    Arr a = o.array("members");
    if (a.size() < 1 || a.size() > GenesisConfig.MAX_GOVERNANCE_MEMBERS) {
      throw o.error(
          "members",
          "needs 1 to " + GenesisConfig.MAX_GOVERNANCE_MEMBERS + " accounts, got " + a.size());
    }
    List<Address> members = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      String path = a.path + "[" + i + "]";
      Address address = address(a.text(i), path);
      if (members.contains(address)) {
        throw new GenesisException(path + ": duplicate member " + address.toChecksumHex());
      }
      members.add(address);
    }
    int threshold = (int) o.integer("threshold", 1, members.size());
    return new GenesisConfig.Governance(members, threshold);
  }

  private static RateLimits rateLimits(Obj o) {
    o.expectFields(
        "maxValuePerTransaction",
        "maxTransactionsPerSenderPerHour",
        "maxTransactionsPerBlock",
        "maxPoolTransactions",
        "liftedFromEpoch");
    long lifted =
        o.isNull("liftedFromEpoch")
            ? RateLimits.NEVER_LIFTED
            : o.integer("liftedFromEpoch", 0, Long.MAX_VALUE - 1);
    return new RateLimits(
        o.amount("maxValuePerTransaction"),
        (int) o.integer("maxTransactionsPerSenderPerHour", 1, Integer.MAX_VALUE),
        (int) o.integer("maxTransactionsPerBlock", 1, Integer.MAX_VALUE),
        (int) o.integer("maxPoolTransactions", 1, Integer.MAX_VALUE),
        lifted);
  }

  private static RewardSchedule rewards(Arr a) {
    List<RewardSchedule.Step> steps = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      Obj step = a.object(i);
      step.expectFields("fromEpoch", "blockReward");
      long from = step.integer("fromEpoch", 0, Long.MAX_VALUE);
      if (i == 0 && from != 0) {
        throw step.error("fromEpoch", "the first reward step must start at epoch 0");
      }
      if (i > 0 && from <= steps.get(i - 1).fromEpoch()) {
        throw step.error("fromEpoch", "reward steps must have strictly ascending epochs");
      }
      steps.add(new RewardSchedule.Step(from, step.amount("blockReward")));
    }
    if (steps.isEmpty()) {
      throw new GenesisException(a.path + ": at least one reward step is required");
    }
    return new RewardSchedule(steps);
  }

  private static List<ShardGenesis> shards(Arr a, int shardCount) {
    if (a.size() != shardCount) {
      throw new GenesisException(
          a.path + ": " + a.size() + " entries for " + shardCount + " shards");
    }
    Set<BlsPublicKey> allKeys = new HashSet<>();
    List<ShardGenesis> out = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      Obj s = a.object(i);
      s.expectFields("shardId", "allocations", "committee");
      long id = s.integer("shardId", 0, ShardId.MAX);
      if (id != i) {
        throw s.error("shardId", "entry " + i + " must be shard " + i + ", got " + id);
      }
      out.add(
          new ShardGenesis(
              ShardId.of(i),
              allocations(s.object("allocations")),
              committee(s.array("committee"), allKeys)));
    }
    return out;
  }

  private static Map<Address, Uint256> allocations(Obj o) {
    Map<Address, Uint256> out = new HashMap<>();
    Iterator<String> names = o.node.fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      if (!name.startsWith("0x")) {
        throw o.error(name, "an address key needs the 0x prefix");
      }
      Address address;
      try {
        address = Address.fromHex(name);
      } catch (IllegalArgumentException e) {
        throw o.error(name, "bad address: " + e.getMessage());
      }
      if (out.put(address, o.amount(name)) != null) {
        throw o.error(name, "duplicate address " + address.toChecksumHex());
      }
    }
    return out;
  }

  private static List<BlsPublicKey> committee(Arr a, Set<BlsPublicKey> allKeys) {
    List<BlsPublicKey> keys = new ArrayList<>();
    for (int i = 0; i < a.size(); i++) {
      String path = a.path + "[" + i + "]";
      BlsPublicKey key;
      try {
        key = BlsPublicKey.fromBytes(hex(a.text(i), path));
      } catch (ChainException e) {
        throw new GenesisException(path + ": bad BLS public key: " + e.getMessage(), e);
      }
      if (!allKeys.add(key)) {
        throw new GenesisException(path + ": BLS key " + key + " appears twice in the committees");
      }
      keys.add(key);
    }
    if (keys.isEmpty()) {
      throw new GenesisException(a.path + ": a committee needs at least one key");
    }
    return keys;
  }

  static io.fugue.chain.primitives.Bytes hex(String text, String path) {
    if (!text.startsWith("0x")) {
      throw new GenesisException(path + ": hex needs the 0x prefix");
    }
    try {
      return io.fugue.chain.primitives.Bytes.fromHex(text);
    } catch (IllegalArgumentException e) {
      throw new GenesisException(path + ": bad hex: " + e.getMessage(), e);
    }
  }

  /** A JSON object at a path, with typed, checked getters. */
  private record Obj(JsonNode node, String path) {
    Obj {
      if (!node.isObject()) {
        throw new GenesisException(path + ": expected an object");
      }
    }

    void expectFields(String... names) {
      expectFields(Set.of(), names);
    }

    /** {@code names} are required, {@code optional} may be present. */
    void expectFields(Set<String> optional, String... names) {
      Set<String> allowed = new HashSet<>(optional);
      allowed.addAll(List.of(names));
      node.fieldNames()
          .forEachRemaining(
              f -> {
                if (!allowed.contains(f)) {
                  throw new GenesisException(path + ": unknown field '" + f + "'");
                }
              });
      for (String n : names) {
        if (!node.has(n)) {
          throw new GenesisException(path + ": missing field '" + n + "'");
        }
      }
    }

    GenesisException error(String field, String message) {
      return new GenesisException(path + "." + field + ": " + message);
    }

    boolean isNull(String field) {
      return node.get(field).isNull();
    }

    String text(String field) {
      JsonNode v = node.get(field);
      if (!v.isTextual()) {
        throw error(field, "expected a string");
      }
      return v.textValue();
    }

    long integer(String field, long min, long max) {
      JsonNode v = node.get(field);
      if (!v.isIntegralNumber()) {
        throw error(field, "expected an integer, got " + v.getNodeType());
      }
      BigInteger b = v.bigIntegerValue();
      if (b.compareTo(BigInteger.valueOf(min)) < 0 || b.compareTo(BigInteger.valueOf(max)) > 0) {
        throw error(field, b + " is outside [" + min + ", " + max + "]");
      }
      return b.longValueExact();
    }

    Uint256 amount(String field) {
      JsonNode v = node.get(field);
      if (!v.isTextual() || !DECIMAL.matcher(v.textValue()).matches()) {
        throw error(field, "expected a non-negative decimal integer in a string, got " + v);
      }
      BigInteger b = new BigInteger(v.textValue());
      if (b.bitLength() > 256) {
        throw error(field, "amount exceeds 2^256 - 1");
      }
      return Uint256.of(b);
    }

    Obj object(String field) {
      return new Obj(node.get(field), path + "." + field);
    }

    Arr array(String field) {
      return new Arr(node.get(field), path + "." + field);
    }
  }

  private record Arr(JsonNode node, String path) {
    Arr {
      if (!node.isArray()) {
        throw new GenesisException(path + ": expected an array");
      }
    }

    int size() {
      return node.size();
    }

    Obj object(int i) {
      return new Obj(node.get(i), path + "[" + i + "]");
    }

    String text(int i) {
      JsonNode v = node.get(i);
      if (!v.isTextual()) {
        throw new GenesisException(path + "[" + i + "]: expected a string");
      }
      return v.textValue();
    }
  }
}
