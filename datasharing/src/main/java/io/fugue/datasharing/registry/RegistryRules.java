package io.fugue.datasharing.registry;

import io.fugue.chain.primitives.Address;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import io.fugue.datasharing.DataSharingException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The registry's state transition, pure and deterministic: who may register, approve, suspend and
 * create schemas, and what each does to the records. {@link #check} answers without writing; {@link
 * #apply} checks again against the state it writes to (an earlier transaction of the same block may
 * have changed it) and writes only when the check passes.
 *
 * <p>Rules: any account that is neither an issuer yet nor a governance member may register (status
 * PENDING). Each governance member may vote once to approve a PENDING or SUSPENDED issuer; the k-th
 * distinct vote makes it APPROVED and clears the votes. Any one member may suspend an APPROVED
 * issuer (clearing votes). Governance members may create schemas allowing any issuers; an APPROVED
 * issuer may create schemas that allow exactly itself. Schema ids are unique.
 */
public final class RegistryRules {
  private final GovernanceConfig governance;

  public RegistryRules(GovernanceConfig governance) {
    this.governance = Objects.requireNonNull(governance, "governance");
  }

  public GovernanceConfig governance() {
    return governance;
  }

  /** Why {@code tx} from {@code sender} is not acceptable in {@code state}, or empty if it is. */
  public Optional<String> check(RegistryTx tx, Address sender, StateView state) {
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(sender, "sender");
    if (tx instanceof RegistryTx.Register) {
      return checkRegister(sender, state);
    } else if (tx instanceof RegistryTx.Approve a) {
      return checkApprove(a, sender, state);
    } else if (tx instanceof RegistryTx.Suspend s) {
      return checkSuspend(s, sender, state);
    } else if (tx instanceof RegistryTx.CreateSchema c) {
      return checkSchema(c, sender, state);
    }
    return Optional.of("unknown registry transaction");
  }

  /**
   * Applies {@code tx} at block time {@code timeMillis}; throws {@link DataSharingException} with
   * the reason, having written nothing, when it is not acceptable.
   */
  public void apply(RegistryTx tx, Address sender, StateWriter state, long timeMillis) {
    Optional<String> rejection = check(tx, sender, state);
    if (rejection.isPresent()) {
      throw new DataSharingException(rejection.get());
    }
    if (tx instanceof RegistryTx.Register r) {
      RegistryState.insert(
          state,
          new Issuer(
              sender,
              r.name(),
              r.contact(),
              IssuerStatus.PENDING,
              List.of(),
              timeMillis,
              timeMillis));
    } else if (tx instanceof RegistryTx.Approve a) {
      Issuer voted = RegistryState.issuer(state, a.issuer()).orElseThrow().withApproval(sender);
      boolean reached = voted.approvals().size() >= governance.threshold();
      RegistryState.put(
          state, reached ? voted.withStatus(IssuerStatus.APPROVED, timeMillis) : voted);
    } else if (tx instanceof RegistryTx.Suspend s) {
      Issuer issuer = RegistryState.issuer(state, s.issuer()).orElseThrow();
      RegistryState.put(state, issuer.withStatus(IssuerStatus.SUSPENDED, timeMillis));
    } else if (tx instanceof RegistryTx.CreateSchema c) {
      RegistryState.insert(state, c.schema(sender));
    }
  }

  private Optional<String> checkRegister(Address sender, StateView state) {
    if (governance.isMember(sender)) {
      return Optional.of("a governance member cannot register as an issuer");
    }
    if (RegistryState.issuer(state, sender).isPresent()) {
      return Optional.of("account is already registered as an issuer");
    }
    return Optional.empty();
  }

  private Optional<String> checkApprove(RegistryTx.Approve a, Address sender, StateView state) {
    if (!governance.isMember(sender)) {
      return Optional.of("only a governance member may approve an issuer");
    }
    Optional<Issuer> issuer = RegistryState.issuer(state, a.issuer());
    if (issuer.isEmpty()) {
      return Optional.of("no such issuer");
    }
    if (issuer.get().isApproved()) {
      return Optional.of("issuer is already approved");
    }
    if (issuer.get().approvals().contains(sender)) {
      return Optional.of("this governance member has already approved the issuer");
    }
    return Optional.empty();
  }

  private Optional<String> checkSuspend(RegistryTx.Suspend s, Address sender, StateView state) {
    if (!governance.isMember(sender)) {
      return Optional.of("only a governance member may suspend an issuer");
    }
    Optional<Issuer> issuer = RegistryState.issuer(state, s.issuer());
    if (issuer.isEmpty()) {
      return Optional.of("no such issuer");
    }
    if (!issuer.get().isApproved()) {
      return Optional.of(
          "only an approved issuer can be suspended, this one is " + issuer.get().status());
    }
    return Optional.empty();
  }

  private Optional<String> checkSchema(RegistryTx.CreateSchema c, Address sender, StateView state) {
    if (RegistryState.schema(state, c.id()).isPresent()) {
      return Optional.of("schema id " + c.id() + " is taken");
    }
    if (governance.isMember(sender)) {
      return Optional.empty();
    }
    boolean approved = RegistryState.issuer(state, sender).map(Issuer::isApproved).orElse(false);
    if (!approved) {
      return Optional.of("only a governance member or an approved issuer may create a schema");
    }
    if (!c.allowed().equals(List.of(sender))) {
      return Optional.of("an issuer may only create schemas that allow exactly itself");
    }
    return Optional.empty();
  }
}
