package io.fugue.api.cli;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.HexBytes;
import java.math.BigInteger;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code fugue tx transfer}: sign a transfer locally and submit it to a node. */
@Command(name = "tx", mixinStandardHelpOptions = true, description = "Transactions.",
    subcommands = TxCommand.Transfer.class)
final class TxCommand implements Runnable {
  @ParentCommand FugueCli parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "name a tx command: transfer");
  }

  @Command(name = "transfer", mixinStandardHelpOptions = true,
      description = "Transfer funds; prints the transaction hash.")
  static final class Transfer implements Callable<Integer> {
    @ParentCommand TxCommand tx;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Option(names = "--from", required = true, paramLabel = "ADDRESS") String from;
    @Option(names = "--to", required = true, paramLabel = "ADDRESS") String to;
    @Option(names = "--amount", required = true, paramLabel = "UNITS",
        description = "Amount in base units.") BigInteger amount;
    @Option(names = "--nonce", required = true) long nonce;

    @Override
    public Integer call() {
      AccountAddress sender = Hex.address(from, "--from");
      AccountAddress recipient = Hex.address(to, "--to");
      if (amount.signum() <= 0 || nonce < 0) {
        throw new CliException(FugueCli.EXIT_USAGE, "--amount must be positive, --nonce >= 0");
      }
      TransferSigner signer = tx.parent.services().transfers().orElseThrow(() ->
          CliException.unavailable("fugue tx transfer",
              "the transaction codec and secp256k1 signing (chain)"));
      HexBytes raw = signer.signTransfer(sender, recipient, amount, nonce);
      return Printer.print(spec.commandLine().getOut(), api.client().post(
          "/v1/chain/transactions", null, FugueClient.object().put("rawTransaction", raw.toHex())));
    }
  }
}
