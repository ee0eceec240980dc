package io.fugue.api.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fugue genesis new|add-validator|add-account|set-governance|check}: writes a network's
 * genesis file (docs/genesis.md) step by step. {@code new} writes a draft whose committees are
 * empty; the other steps edit it as JSON, checking what they add; {@code check} parses it as a node
 * will and prints the genesis hash every node must agree on.
 */
@Command(
    name = "genesis",
    mixinStandardHelpOptions = true,
    description = "Write and check a genesis file.",
    subcommands = {
      GenesisCommand.New.class,
      GenesisCommand.AddValidator.class,
      GenesisCommand.AddAccount.class,
      GenesisCommand.SetGovernance.class,
      GenesisCommand.Check.class
    })
final class GenesisCommand implements Runnable {
  /** Made on first use: picocli loads every command class at start, even for --version. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern AMOUNT = Pattern.compile("0|[1-9][0-9]{0,77}");
  private static final BigInteger MAX_AMOUNT = BigInteger.TWO.pow(256);

  /** One coin in base units (18 decimals). */
  private static final BigInteger COIN = BigInteger.TEN.pow(18);

  @ParentCommand FugueCli parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "name a genesis command: new, add-validator, add-account, set-governance, check");
  }

  /** The file option every step shares. */
  static final class FileOption {
    @Option(
        names = "--genesis",
        paramLabel = "FILE",
        defaultValue = "genesis.json",
        description = "The genesis file (default ${DEFAULT-VALUE}).")
    Path file;
  }

  static ObjectNode read(Path file) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new CliException(
          FugueCli.EXIT_FAILED,
          "no genesis file at " + file + " (make one with fugue genesis new)");
    } catch (JsonProcessingException e) {
      throw new CliException(FugueCli.EXIT_FAILED, file + ": not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new CliException(FugueCli.EXIT_FAILED, "cannot read " + file + ": " + e.getMessage());
    }
    if (!(root instanceof ObjectNode o) || !(o.get("shards") instanceof ArrayNode)) {
      throw new CliException(FugueCli.EXIT_FAILED, file + ": not a genesis file (no shards array)");
    }
    return o;
  }

  static void write(Path file, ObjectNode root, boolean create) {
    try {
      String text = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
      Path abs = file.toAbsolutePath();
      Path tmp = Files.createTempFile(abs.getParent(), ".genesis-", ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      if (create) {
        Files.move(tmp, abs);
      } else {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw new CliException(FugueCli.EXIT_FAILED, file + " already exists; not overwriting it");
    } catch (IOException e) {
      throw new CliException(FugueCli.EXIT_FAILED, "cannot write " + file + ": " + e.getMessage());
    }
  }

  static ObjectNode shard(ObjectNode root, int shard) {
    ArrayNode shards = (ArrayNode) root.get("shards");
    if (shard < 0 || shard >= shards.size()) {
      throw CliChecks.usage(
          "--shard " + shard + ": the genesis has shards 0 to " + (shards.size() - 1));
    }
    return (ObjectNode) shards.get(shard);
  }

  static String address(String value, String option) {
    if (!ADDRESS.matcher(value).matches()) {
      throw CliChecks.usage(option + " " + value + ": not an address (0x and 40 hex digits)");
    }
    return value;
  }

  /** An amount in coins ({@code 1000}) or, with a {@code wei:} prefix, in base units. */
  static String amount(String value, String option) {
    boolean units = value.startsWith("wei:");
    String digits = units ? value.substring(4) : value;
    if (!AMOUNT.matcher(digits).matches()) {
      throw CliChecks.usage(option + " " + value + ": not a non-negative whole number");
    }
    BigInteger v = units ? new BigInteger(digits) : new BigInteger(digits).multiply(COIN);
    if (v.compareTo(MAX_AMOUNT) >= 0) {
      throw CliChecks.usage(option + " " + value + ": does not fit in 256 bits");
    }
    return v.toString();
  }

  @Command(
      name = "new",
      mixinStandardHelpOptions = true,
      description =
          "Write a draft genesis for a new network; add validators, accounts and governance next.")
  static final class New implements Callable<Integer> {
    @CommandLine.Mixin FileOption file = new FileOption();
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--network",
        required = true,
        paramLabel = "ID",
        description = "networkId: 1-32 of a-z, 0-9, '-'; names every p2p protocol and topic.")
    String network;

    @Option(
        names = "--chain-id",
        required = true,
        paramLabel = "N",
        description = "chainId every transaction signs over; pick one no other network uses.")
    long chainId;

    @Option(
        names = "--shards",
        required = true,
        paramLabel = "N",
        description = "shardCount, including the beacon chain (shard 0): 1 to 65536.")
    int shards;

    @Option(
        names = "--block-time-ms",
        defaultValue = "2000",
        description = "blockTimeMillis (default ${DEFAULT-VALUE}).")
    long blockTime;

    @Option(
        names = "--timestamp",
        paramLabel = "MILLIS",
        description =
            "Genesis time, ms since the Unix epoch (default: now, rounded down to the second).")
    Long timestamp;

    @Override
    public Integer call() {
      CliChecks.networkId(network);
      CliChecks.nonNegative(chainId, "--chain-id");
      if (shards < 1 || shards > 65_536) {
        throw CliChecks.usage("--shards " + shards + ": must be 1 to 65536");
      }
      if (blockTime < 1 || blockTime > 3_600_000) {
        throw CliChecks.usage("--block-time-ms " + blockTime + ": must be 1 to 3600000");
      }
      long ts =
          timestamp == null
              ? Instant.now().getEpochSecond() * 1000
              : CliChecks.nonNegative(timestamp, "--timestamp");
      ObjectNode root =
          Json.MAPPER
              .createObjectNode()
              .put("networkId", network)
              .put("chainId", chainId)
              .put("shardCount", shards)
              .put("timestamp", ts)
              .put("blockTimeMillis", blockTime)
              .put("blocksPerEpoch", 1800)
              .put("leaderRotationBlocks", 16)
              .put("maxClockDriftMillis", 2000);
      // docs/genesis.md: the Harmony-2019 throttle the devnet uses, never lifted; edit to taste.
      root.putObject("rateLimits")
          .put("maxValuePerTransaction", COIN.multiply(BigInteger.valueOf(1000)).toString())
          .put("maxTransactionsPerSenderPerHour", 100)
          .put("maxTransactionsPerBlock", 1000)
          .put("maxPoolTransactions", 8000)
          .putNull("liftedFromEpoch");
      root.putArray("rewards")
          .addObject()
          .put("fromEpoch", 0)
          .put("blockReward", COIN.multiply(BigInteger.valueOf(24)).toString());
      ArrayNode list = root.putArray("shards");
      for (int s = 0; s < shards; s++) {
        ObjectNode e = list.addObject().put("shardId", s);
        e.putObject("allocations");
        e.putArray("committee");
      }
      write(file.file, root, true);
      spec.commandLine()
          .getOut()
          .println(
              "wrote "
                  + file.file
                  + ": network "
                  + network
                  + ", chain id "
                  + chainId
                  + ", "
                  + shards
                  + " shard(s). Next: fugue genesis add-validator (each shard needs at least one), "
                  + "add-account, set-governance, check.");
      return FugueCli.EXIT_OK;
    }
  }

  @Command(
      name = "add-validator",
      mixinStandardHelpOptions = true,
      description =
          "Add a validator's BLS key to a shard's committee after checking its proof of possession.")
  static final class AddValidator implements Callable<Integer> {
    @ParentCommand GenesisCommand genesis;
    @CommandLine.Mixin FileOption file = new FileOption();
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--shard", required = true)
    int shard;

    @Option(
        names = "--bls-key",
        required = true,
        paramLabel = "HEX",
        description = "The publicKey printed by fugue keys new --bls.")
    String blsKey;

    @Option(
        names = "--pop",
        required = true,
        paramLabel = "HEX",
        description = "Its proofOfPossession, printed alongside.")
    String pop;

    @Override
    public Integer call() {
      ObjectNode root = read(file.file);
      ObjectNode entry = shard(root, shard);
      genesis
          .parent
          .services()
          .operatorTools("fugue genesis add-validator")
          .checkProofOfPossession(blsKey, pop);
      String key = blsKey.toLowerCase(Locale.ROOT);
      for (JsonNode s : root.get("shards")) {
        for (JsonNode k : s.path("committee")) {
          if (k.asText().equalsIgnoreCase(key)) {
            throw CliChecks.usage(
                "--bls-key is already in the committee of shard " + s.path("shardId").asText());
          }
        }
      }
      entry.withArray("committee").add(key);
      write(file.file, root, false);
      spec.commandLine()
          .getOut()
          .println(
              "shard " + shard + " committee: " + entry.get("committee").size() + " validator(s)");
      return FugueCli.EXIT_OK;
    }
  }

  @Command(
      name = "add-account",
      mixinStandardHelpOptions = true,
      description = "Give an account an initial balance on a shard.")
  static final class AddAccount implements Callable<Integer> {
    @CommandLine.Mixin FileOption file = new FileOption();
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--shard", required = true)
    int shard;

    @Option(names = "--address", required = true, paramLabel = "0x…")
    String address;

    @Option(
        names = "--balance",
        required = true,
        paramLabel = "AMOUNT",
        description = "In coins (1 coin = 10^18 units), or wei:N in units.")
    String balance;

    @Override
    public Integer call() {
      address(address, "--address");
      String units = amount(balance, "--balance");
      ObjectNode root = read(file.file);
      ObjectNode alloc = shard(root, shard).withObjectProperty("allocations");
      alloc
          .fieldNames()
          .forEachRemaining(
              a -> {
                if (a.equalsIgnoreCase(address)) {
                  throw CliChecks.usage(
                      "--address " + address + " already has a balance on shard " + shard);
                }
              });
      alloc.put(address, units);
      write(file.file, root, false);
      spec.commandLine()
          .getOut()
          .println("shard " + shard + ": " + address + " starts with " + units + " units");
      return FugueCli.EXIT_OK;
    }
  }

  @Command(
      name = "set-governance",
      mixinStandardHelpOptions = true,
      description =
          "Set the accounts that approve data-sharing issuers, and how many must approve.")
  static final class SetGovernance implements Callable<Integer> {
    @CommandLine.Mixin FileOption file = new FileOption();
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--member",
        required = true,
        paramLabel = "0x…",
        description = "A governance account; repeat for each (1 to 32).")
    List<String> members;

    @Option(
        names = "--threshold",
        required = true,
        paramLabel = "K",
        description = "Approvals needed, 1 to the number of members.")
    int threshold;

    @Override
    public Integer call() {
      members.forEach(m -> address(m, "--member"));
      if (members.size() > 32
          || members.stream().map(m -> m.toLowerCase(Locale.ROOT)).distinct().count()
              != members.size()) {
        throw CliChecks.usage("--member: give 1 to 32 distinct accounts");
      }
      if (threshold < 1 || threshold > members.size()) {
        throw CliChecks.usage(
            "--threshold " + threshold + ": must be 1 to " + members.size() + " (the members)");
      }
      ObjectNode root = read(file.file);
      ObjectNode g = root.putObject("governance");
      members.forEach(g.putArray("members")::add);
      g.put("threshold", threshold);
      write(file.file, root, false);
      spec.commandLine().getOut().println("governance: " + threshold + " of " + members.size());
      return FugueCli.EXIT_OK;
    }
  }

  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description =
          "Parse the genesis as a node does and print the genesis hash every node must agree on.")
  static final class Check implements Callable<Integer> {
    @ParentCommand GenesisCommand genesis;
    @CommandLine.Mixin FileOption file = new FileOption();
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      OperatorTools.GenesisSummary s =
          genesis.parent.services().operatorTools("fugue genesis check").checkGenesis(file.file);
      ObjectNode out =
          FugueClient.object()
              .put("networkId", s.networkId())
              .put("chainId", s.chainId())
              .put("shardCount", s.shardCount())
              .put("genesisHash", s.genesisHash());
      ArrayNode shards = out.putArray("shards");
      for (int i = 0; i < s.shardCount(); i++) {
        shards
            .addObject()
            .put("shard", i)
            .put("validators", s.validators().get(i))
            .put("block0Hash", s.blockZeroHashes().get(i));
      }
      out.put("governance", s.governance());
      Printer.print(spec.commandLine().getOut(), out);
      if (!s.governance()) {
        spec.commandLine()
            .getErr()
            .println(
                "fugue: note: no governance section; fugue node requires one "
                    + "(fugue genesis set-governance)");
      }
      return FugueCli.EXIT_OK;
    }
  }
}
