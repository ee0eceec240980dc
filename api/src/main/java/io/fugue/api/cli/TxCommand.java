package io.fugue.api.cli;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.HexBytes;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code fugue tx transfer|status}: sign a transfer locally and submit it to a node; follow it. */
@Command(
    name = "tx",
    mixinStandardHelpOptions = true,
    description = "Transactions.",
    subcommands = {TxCommand.Transfer.class, TxCommand.Status.class})
final class TxCommand implements Runnable {
  @ParentCommand FugueCli parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a tx command: transfer, status");
  }

  @Command(
      name = "transfer",
      mixinStandardHelpOptions = true,
      description =
          "Sign a transfer with a local key and submit it; prints the transaction hash. "
              + "Signs for the chain id FUGUE_CHAIN_ID (default: the devnet's, 1337).")
  static final class Transfer implements Callable<Integer> {
    @ParentCommand TxCommand tx;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin NodeOptions api;

    @Option(names = "--from", required = true, paramLabel = "ADDRESS")
    String from;

    @Option(names = "--to", required = true, paramLabel = "ADDRESS")
    String to;

    @Option(
        names = "--amount",
        required = true,
        paramLabel = "UNITS",
        description = "Amount in base units.")
    BigInteger amount;

    @Option(names = "--nonce", required = true)
    long nonce;

    @Option(
        names = "--shard",
        defaultValue = "1",
        description =
            "The sender's shard, where the transaction goes (default ${DEFAULT-VALUE}); "
                + "--api must be a node holding it.")
    int shard;

    @Option(
        names = "--to-shard",
        paramLabel = "SHARD",
        description =
            "The recipient's shard (default: --shard); another shard makes a cross-shard transfer.")
    Integer toShard;

    @Override
    public Integer call() {
      AccountAddress sender = Hex.address(from, "--from");
      AccountAddress recipient = Hex.address(to, "--to");
      if (amount.signum() <= 0 || nonce < 0) {
        throw new CliException(FugueCli.EXIT_USAGE, "--amount must be positive, --nonce >= 0");
      }
      int destination = toShard == null ? shard : toShard;
      if (shard < 0 || shard > 0xFFFF || destination < 0 || destination > 0xFFFF) {
        throw new CliException(FugueCli.EXIT_USAGE, "--shard and --to-shard must be 0 to 65535");
      }
      TransferSigner signer =
          tx.parent
              .services()
              .transfers()
              .orElseThrow(
                  () ->
                      CliException.unavailable(
                          "fugue tx transfer",
                          "the transaction codec and secp256k1 signing (chain)"));
      HexBytes raw = signer.signTransfer(sender, recipient, amount, nonce, shard, destination);
      return Printer.print(
          spec.commandLine().getOut(),
          api.client()
              .post(
                  "/v1/chain/transactions",
                  null,
                  FugueClient.object().put("rawTransaction", raw.toHex())));
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "Show a transaction: pending, or included with its block and receipt.")
  static final class Status implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin NodeOptions api;

    @Parameters(index = "0", paramLabel = "TX_HASH")
    String hash;

    @Override
    public Integer call() {
      Hex.digest(hash, "TX_HASH");
      return Printer.print(
          spec.commandLine().getOut(), api.client().get("/v1/chain/transactions/" + hash, null));
    }
  }
}
