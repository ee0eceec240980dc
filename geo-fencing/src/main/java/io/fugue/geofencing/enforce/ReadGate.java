package io.fugue.geofencing.enforce;

import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.state.StateView;
import io.fugue.geofencing.audit.AuditSink;
import io.fugue.geofencing.ledger.Fence;
import io.fugue.geofencing.policy.CountryCode;
import io.fugue.geofencing.policy.DataClass;
import io.fugue.geofencing.policy.LegalBasis;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The API's rule for reads of fenced data (enforcement point 4): a caller whose jurisdiction is
 * inside every fence in force over the data is served; a caller outside a fence is served only if
 * that fence lists the caller's country as a transfer destination, and the read is audited with
 * that basis; otherwise the read is refused, naming the fence and the missing basis (the API turns
 * this into {@code 451 Unavailable For Legal Reasons}). A caller with no known jurisdiction is
 * refused for fenced data: unknown is never allowed.
 */
public final class ReadGate {
  private final AuditSink audit;

  public ReadGate(AuditSink audit) {
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  /** The outcome of one read decision. */
  public sealed interface Decision {
    /** Whether the data may be returned to the caller. */
    boolean served();
  }

  /** No fence in force covers the data: served, nothing audited. */
  public record Unfenced() implements Decision {
    @Override
    public boolean served() {
      return true;
    }
  }

  /**
   * Served: the caller is inside every covering fence, or outside some with a permitted basis.
   *
   * @param bases for each fence the caller is outside of, the basis the read rests on (empty when
   *     the caller is inside every fence)
   */
  public record Served(List<Transfer> bases) implements Decision {
    public Served {
      bases = List.copyOf(bases);
    }

    @Override
    public boolean served() {
      return true;
    }
  }

  /**
   * A transfer out of one fence on a legal basis.
   *
   * @param fence the fence version left
   * @param basis the ground the transfer rests on
   */
  public record Transfer(Fence fence, LegalBasis basis) {
    public Transfer {
      Objects.requireNonNull(fence, "fence");
      Objects.requireNonNull(basis, "basis");
    }
  }

  /**
   * Refused: {@code fence} keeps the data and permits no transfer to the caller's jurisdiction.
   *
   * @param fence the first covering fence that refuses
   * @param jurisdiction the caller's country, empty if unknown
   * @param reason a sentence naming the fence and the missing basis
   */
  public record Refused(Fence fence, Optional<CountryCode> jurisdiction, String reason)
      implements Decision {
    public Refused {
      Objects.requireNonNull(fence, "fence");
      Objects.requireNonNull(jurisdiction, "jurisdiction");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public boolean served() {
      return false;
    }
  }

  /**
   * Decides a read of {@code dataClass} data held on {@code shard}, for {@code caller} (an account
   * or client id, no personal data) whose jurisdiction is {@code jurisdiction} (registered, or
   * declared by the caller), against the fences in force at beacon {@code height}. Every fenced
   * decision is recorded to the audit sink; unfenced reads are not.
   */
  public Decision decide(
      StateView beacon,
      long height,
      ShardId shard,
      DataClass dataClass,
      String caller,
      Optional<CountryCode> jurisdiction) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(jurisdiction, "jurisdiction");
    List<Fence> covering = new ArrayList<>();
    for (Fence f : Fences.onShard(beacon, shard, height)) {
      if (f.policy().covers(dataClass)) {
        covering.add(f);
      }
    }
    if (covering.isEmpty()) {
      return new Unfenced();
    }
    String what = "shard " + shard.value() + " class " + dataClass.value();
    List<Transfer> bases = new ArrayList<>();
    for (Fence f : covering) {
      String fence = "fence " + f.id() + " v" + f.version();
      if (jurisdiction.isEmpty()) {
        return refuse(
            f,
            jurisdiction,
            caller,
            what,
            fence
                + " keeps this data; the caller's jurisdiction is unknown, so no transfer basis"
                + " can apply (register or declare a jurisdiction)");
      }
      CountryCode country = jurisdiction.get();
      if (f.policy().covers(country)) {
        continue;
      }
      Optional<LegalBasis> basis = f.policy().basisFor(country);
      if (basis.isEmpty()) {
        return refuse(
            f,
            jurisdiction,
            caller,
            what,
            fence
                + " keeps this data in "
                + f.policy().countries()
                + "; it lists no transfer basis (adequacy decision, standard contractual"
                + " clauses or explicit consent) for "
                + country);
      }
      bases.add(new Transfer(f, basis.get()));
    }
    StringBuilder detail = new StringBuilder(what).append(" to ").append(jurisdiction.get());
    if (bases.isEmpty()) {
      detail.append(" (inside every fence)");
    }
    for (Transfer t : bases) {
      detail
          .append("; fence ")
          .append(t.fence().id())
          .append(" v")
          .append(t.fence().version())
          .append(" under ")
          .append(t.basis().citation());
    }
    audit.record("served", caller, detail.toString());
    return new Served(bases);
  }

  private Refused refuse(
      Fence f, Optional<CountryCode> jurisdiction, String caller, String what, String reason) {
    audit.record("refused-read", caller, what + ": " + reason);
    return new Refused(f, jurisdiction, reason);
  }
}
