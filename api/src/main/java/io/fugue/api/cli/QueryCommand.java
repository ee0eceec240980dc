package io.fugue.api.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.AttestationView;
import io.fugue.api.model.Digest;
import io.fugue.api.model.HexBytes;
import io.fugue.api.model.QueryView;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code fugue query create|answer|status}: range queries as client or holder. */
@Command(
    name = "query",
    mixinStandardHelpOptions = true,
    description = "Range queries.",
    subcommands = {
      QueryCommand.Create.class,
      QueryCommand.Answer.class,
      QueryCommand.Status.class,
      QueryCommand.Result.class
    })
final class QueryCommand implements Runnable {
  @ParentCommand FugueCli parent;
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "name a query command: create, answer, status, result");
  }

  @Command(name = "create", mixinStandardHelpOptions = true, description = "Ask a range query.")
  static final class Create implements Callable<Integer> {
    @ParentCommand QueryCommand query;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Option(
        names = "--attestation",
        required = true,
        paramLabel = "ID",
        description = "Attestation id; repeat for an aggregate query over their sum.")
    List<String> attestations;

    @Option(names = "--predicate", required = true, description = "gte, lte or between.")
    String predicate;

    @Option(names = "--threshold", required = true)
    long threshold;

    @Option(names = "--upper", description = "Upper bound, for between.")
    Long upper;

    @Option(names = "--purpose", required = true)
    String purpose;

    @Option(names = "--nonce", paramLabel = "HEX", description = "32 bytes; random if absent.")
    String nonce;

    @Override
    public Integer call() {
      attestations.forEach(a -> Hex.digest(a, "--attestation"));
      checkRange();
      ObjectNode body =
          FugueClient.object()
              .put("predicate", predicate)
              .put("threshold", threshold)
              .put("purpose", purpose)
              .put("nonce", nonce());
      attestations.forEach(body.putArray("attestations")::add);
      if (upper != null) {
        body.put("upper", upper);
      }
      FugueClient client = api.client();
      String token = api.token(client, query.parent.services());
      return Printer.print(spec.commandLine().getOut(), client.post("/v1/queries", token, body));
    }

    /** What the API would refuse with a schema error, said plainly before any call (exit 2). */
    private void checkRange() {
      if (!List.of("gte", "lte", "between").contains(predicate)) {
        throw new CliException(
            FugueCli.EXIT_USAGE, "--predicate " + predicate + ": must be gte, lte or between");
      }
      if (threshold < 0) {
        throw new CliException(
            FugueCli.EXIT_USAGE, "--threshold " + threshold + ": must not be negative");
      }
      if (predicate.equals("between") != (upper != null)) {
        throw new CliException(
            FugueCli.EXIT_USAGE, "--upper goes with --predicate between, and only with it");
      }
      if (upper != null && upper < threshold) {
        throw new CliException(
            FugueCli.EXIT_USAGE,
            "--upper " + upper + ": must be at least --threshold " + threshold);
      }
      if (purpose.isBlank()) {
        throw new CliException(FugueCli.EXIT_USAGE, "--purpose must not be empty");
      }
    }

    private String nonce() {
      if (nonce != null) {
        Hex.digest(nonce, "--nonce");
        return nonce;
      }
      byte[] fresh = new byte[32];
      new SecureRandom().nextBytes(fresh);
      return "0x" + HexFormat.of().formatHex(fresh);
    }
  }

  @Command(
      name = "answer",
      mixinStandardHelpOptions = true,
      description = "Answer a query as its holder: prove it yourself, or consent for the vault.")
  static final class Answer implements Callable<Integer> {
    @ParentCommand QueryCommand query;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Parameters(index = "0", paramLabel = "QUERY_ID")
    String id;

    @ArgGroup(exclusive = true, multiplicity = "1")
    With with;

    static final class With {
      @Option(
          names = "--sealed",
          paramLabel = "HEX",
          required = true,
          description =
              "Prove it here with the opening sealed to the --as key (from fugue attest);"
                  + " repeat per attestation of an aggregate query, in its order.")
      List<String> sealed;

      @Option(
          names = "--vault",
          required = true,
          description = "Sign a consent with the --as key for the vault to answer.")
      boolean vault;

      @Option(
          names = "--proof",
          paramLabel = "HEX",
          required = true,
          description = "Post a proof made elsewhere.")
      String proof;

      @Option(names = "--vault-consent", paramLabel = "HEX", required = true)
      String consent;
    }

    @Override
    public Integer call() {
      Digest queryId = Hex.digest(id, "QUERY_ID");
      ObjectNode body = FugueClient.object();
      FugueClient client = api.client();
      String token = api.token(client, query.parent.services());
      if (with.sealed != null) {
        return proveHere(client, token, queryId);
      }
      if (with.proof != null) {
        body.put("proof", Hex.bytes(with.proof, "--proof").toHex());
      } else if (with.consent != null) {
        body.put("vaultConsent", Hex.bytes(with.consent, "--vault-consent").toHex());
      } else {
        body.put("vaultConsent", consent(client, token).toHex());
      }
      return Printer.print(
          spec.commandLine().getOut(), client.post("/v1/queries/" + id + "/answer", token, body));
    }

    /**
     * Opens the sealed openings locally, proves the query bound to its transcript and posts the
     * proof; when the predicate is false for the values no proof exists, so it posts the holder's
     * signed decline and the query ends refused, as it does through the vault.
     */
    private int proveHere(FugueClient client, String token, Digest queryId) {
      List<HexBytes> sealed = with.sealed.stream().map(h -> Hex.bytes(h, "--sealed")).toList();
      ChainWriter writer =
          ChainWrites.writer(query.parent.services(), "fugue query answer --sealed");
      AccountAddress holder = ChainWrites.signer(api);
      HolderReads reads = new HolderReads(client, token);
      QueryView q = reads.query(queryId);
      List<AttestationView> attestations =
          q.attestations().stream().map(reads::attestation).toList();
      int bits = reads.schemaBits(attestations.get(0).schema());
      Optional<HexBytes> proof = writer.prove(holder, q, attestations, bits, sealed);
      ObjectNode body = FugueClient.object();
      if (proof.isPresent()) {
        body.put("proof", proof.get().toHex());
      } else {
        spec.commandLine()
            .getErr()
            .println(
                "fugue: the predicate is false for your value(s): no proof"
                    + " exists; declining, the query ends refused");
        body.put("decline", writer.decline(holder, queryId).toHex())
            .put("reason", "the holder cannot prove the predicate");
      }
      return Printer.print(
          spec.commandLine().getOut(),
          client.post("/v1/queries/" + queryId.toHex() + "/answer", token, body));
    }

    /**
     * A consent for the vault, valid ten minutes, over the query's attestations as the node shows
     * them.
     */
    private HexBytes consent(FugueClient client, String token) {
      var q = client.get("/v1/queries/" + id, token);
      List<Digest> ids = new ArrayList<>();
      q.path("attestations").forEach(a -> ids.add(Hex.digest(a.asText(), "attestation")));
      return ChainWrites.writer(query.parent.services(), "fugue query answer --vault")
          .consent(
              ChainWrites.signer(api),
              Hex.digest(id, "QUERY_ID"),
              ids,
              System.currentTimeMillis() + 600_000);
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = "Show a query.")
  static final class Status implements Callable<Integer> {
    @ParentCommand QueryCommand query;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Parameters(index = "0", paramLabel = "QUERY_ID")
    String id;

    @Override
    public Integer call() {
      Hex.digest(id, "QUERY_ID");
      FugueClient client = api.client();
      String token = api.token(client, query.parent.services());
      return Printer.print(spec.commandLine().getOut(), client.get("/v1/queries/" + id, token));
    }
  }

  @Command(
      name = "result",
      mixinStandardHelpOptions = true,
      description = "Show a query's outcome (status, outcome, proof hash or reason).")
  static final class Result implements Callable<Integer> {
    @ParentCommand QueryCommand query;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ApiOptions api;

    @Parameters(index = "0", paramLabel = "QUERY_ID")
    String id;

    @Override
    public Integer call() {
      Hex.digest(id, "QUERY_ID");
      FugueClient client = api.client();
      String token = api.token(client, query.parent.services());
      return Printer.print(
          spec.commandLine().getOut(), client.get("/v1/queries/" + id + "/result", token));
    }
  }
}
