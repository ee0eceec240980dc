package io.fugue.api.cli;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.HexBytes;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fugue staking …}: the staking reads of the node's API, and the staking transactions
 * (docs/staking.md) signed with the {@code --as} account's key and submitted to {@code POST
 * /v1/chain/transactions} on the beacon chain. Amounts are coins (10^18 base units), with up to 18
 * decimals.
 */
@Command(
    name = "staking",
    mixinStandardHelpOptions = true,
    description = "Validators, delegations and elected committees.",
    subcommands = {
      StakingCommand.Info.class,
      StakingCommand.Validators.class,
      StakingCommand.ValidatorOne.class,
      StakingCommand.Delegations.class,
      StakingCommand.Epoch.class,
      StakingCommand.CreateValidator.class,
      StakingCommand.Delegate.class,
      StakingCommand.Undelegate.class,
      StakingCommand.CollectRewards.class
    })
final class StakingCommand implements Runnable {
  private static final int DECIMALS = 18;

  @ParentCommand FugueCli parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "name a staking command: info, validators, validator, delegations, epoch,"
            + " create-validator, delegate, undelegate, collect-rewards");
  }

  /** Coins with up to 18 decimals → base units; refuses a negative or finer amount. */
  static BigInteger coins(String value, String option) {
    BigDecimal d;
    try {
      d = new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw new CliException(FugueCli.EXIT_USAGE, option + ": not a number of coins: " + value);
    }
    if (d.signum() < 0) {
      throw new CliException(FugueCli.EXIT_USAGE, option + ": must not be negative");
    }
    try {
      return d.movePointRight(DECIMALS).toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new CliException(
          FugueCli.EXIT_USAGE, option + ": at most " + DECIMALS + " decimals, got " + value);
    }
  }

  private static int write(
      CommandLine.Model.CommandSpec spec,
      StakingCommand staking,
      ApiOptions api,
      long nonce,
      ChainWriter.StakingWrite write,
      String command) {
    HexBytes raw =
        ChainWrites.writer(staking.parent.services(), command)
            .staking(ChainWrites.signer(api), nonce, write);
    return Printer.print(spec.commandLine().getOut(), ChainWrites.submit(api.client(), raw));
  }

  @Command(name = "info", mixinStandardHelpOptions = true, description = "Parameters and epoch.")
  static final class Info implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Override
    public Integer call() {
      return Printer.print(spec.commandLine().getOut(), api.client().get("/v1/staking", null));
    }
  }

  @Command(
      name = "validators",
      mixinStandardHelpOptions = true,
      description = "Every validator with its stake, seats and rewards.")
  static final class Validators implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Override
    public Integer call() {
      return Printer.print(
          spec.commandLine().getOut(), api.client().get("/v1/staking/validators", null));
    }
  }

  @Command(name = "validator", mixinStandardHelpOptions = true, description = "One validator.")
  static final class ValidatorOne implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Parameters(index = "0", paramLabel = "OPERATOR")
    String operator;

    @Override
    public Integer call() {
      AccountAddress a = Hex.address(operator, "OPERATOR");
      return Printer.print(
          spec.commandLine().getOut(),
          api.client().get("/v1/staking/validators/" + a.bytes().toHex(), null));
    }
  }

  @Command(
      name = "delegations",
      mixinStandardHelpOptions = true,
      description = "An account's delegations, locked undelegations and rewards.")
  static final class Delegations implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Parameters(index = "0", paramLabel = "ACCOUNT")
    String account;

    @Override
    public Integer call() {
      AccountAddress a = Hex.address(account, "ACCOUNT");
      return Printer.print(
          spec.commandLine().getOut(),
          api.client().get("/v1/staking/delegations/" + a.bytes().toHex(), null));
    }
  }

  @Command(
      name = "epoch",
      mixinStandardHelpOptions = true,
      description = "The committees elected for an epoch (default: the current one).")
  static final class Epoch implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Parameters(index = "0", paramLabel = "EPOCH", arity = "0..1")
    Long epoch;

    @Override
    public Integer call() {
      FugueClient client = api.client();
      long n = epoch != null ? epoch : client.get("/v1/staking", null).get("epoch").asLong();
      if (n < 0) {
        throw new CliException(FugueCli.EXIT_USAGE, "EPOCH must not be negative");
      }
      return Printer.print(
          spec.commandLine().getOut(), client.get("/v1/chain/epochs/" + n + "/committees", null));
    }
  }

  @Command(
      name = "create-validator",
      mixinStandardHelpOptions = true,
      description =
          "Register the --as account as a validator with its BLS keys (each with its proof of"
              + " possession, from `fugue keys new --bls`) and a self-delegation.")
  static final class CreateValidator implements Callable<Integer> {
    @ParentCommand StakingCommand staking;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Option(names = "--nonce", required = true, description = "The account's beacon nonce.")
    long nonce;

    @Option(names = "--bls-key", required = true, description = "BLS public key (repeatable).")
    List<String> keys;

    @Option(names = "--pop", required = true, description = "Its proof of possession (in order).")
    List<String> proofs;

    @Option(names = "--amount", required = true, description = "Self-delegation, coins.")
    String amount;

    @Option(names = "--name", required = true)
    String name;

    @Option(names = "--website", defaultValue = "")
    String website;

    @Option(names = "--details", defaultValue = "")
    String details;

    @Option(names = "--contact", defaultValue = "", description = "Security contact.")
    String contact;

    @Option(names = "--commission-bps", defaultValue = "1000")
    int commission;

    @Option(names = "--max-commission-bps", defaultValue = "2000")
    int maxCommission;

    @Option(names = "--max-change-bps", defaultValue = "100")
    int maxChange;

    @Option(names = "--min-self", required = true, description = "Min self-delegation, coins.")
    String minSelf;

    @Option(names = "--max-total", required = true, description = "Max total delegation, coins.")
    String maxTotal;

    @Override
    public Integer call() {
      if (keys.size() != proofs.size()) {
        throw new CliException(
            FugueCli.EXIT_USAGE, "give one --pop per --bls-key, in the same order");
      }
      List<ChainWriter.StakingWrite.Key> withProofs = new ArrayList<>();
      for (int i = 0; i < keys.size(); i++) {
        withProofs.add(
            new ChainWriter.StakingWrite.Key(
                Hex.bytes(keys.get(i), "--bls-key"), Hex.bytes(proofs.get(i), "--pop")));
      }
      return write(
          spec,
          staking,
          api,
          nonce,
          new ChainWriter.StakingWrite.CreateValidator(
              name,
              website,
              details,
              contact,
              commission,
              maxCommission,
              maxChange,
              coins(minSelf, "--min-self"),
              coins(maxTotal, "--max-total"),
              withProofs,
              coins(amount, "--amount")),
          "fugue staking create-validator");
    }
  }

  @Command(
      name = "delegate",
      mixinStandardHelpOptions = true,
      description = "Delegate coins of the --as account to a validator.")
  static final class Delegate implements Callable<Integer> {
    @ParentCommand StakingCommand staking;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Option(names = "--nonce", required = true, description = "The account's beacon nonce.")
    long nonce;

    @Option(names = "--validator", required = true, description = "Operator account.")
    String validator;

    @Option(names = "--amount", required = true, description = "Coins.")
    String amount;

    @Override
    public Integer call() {
      return write(
          spec,
          staking,
          api,
          nonce,
          new ChainWriter.StakingWrite.Delegate(
              Hex.address(validator, "--validator"), coins(amount, "--amount")),
          "fugue staking delegate");
    }
  }

  @Command(
      name = "undelegate",
      mixinStandardHelpOptions = true,
      description = "Undelegate coins; they return to the balance after the lock.")
  static final class Undelegate implements Callable<Integer> {
    @ParentCommand StakingCommand staking;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Option(names = "--nonce", required = true, description = "The account's beacon nonce.")
    long nonce;

    @Option(names = "--validator", required = true, description = "Operator account.")
    String validator;

    @Option(names = "--amount", required = true, description = "Coins.")
    String amount;

    @Override
    public Integer call() {
      return write(
          spec,
          staking,
          api,
          nonce,
          new ChainWriter.StakingWrite.Undelegate(
              Hex.address(validator, "--validator"), coins(amount, "--amount")),
          "fugue staking undelegate");
    }
  }

  @Command(
      name = "collect-rewards",
      mixinStandardHelpOptions = true,
      description = "Move the --as account's reward balance to its balance.")
  static final class CollectRewards implements Callable<Integer> {
    @ParentCommand StakingCommand staking;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Option(names = "--nonce", required = true, description = "The account's beacon nonce.")
    long nonce;

    @Override
    public Integer call() {
      return write(
          spec,
          staking,
          api,
          nonce,
          new ChainWriter.StakingWrite.CollectRewards(),
          "fugue staking collect-rewards");
    }
  }
}
