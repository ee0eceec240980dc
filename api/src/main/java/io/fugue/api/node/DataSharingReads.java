package io.fugue.api.node;

import io.fugue.api.model.AttestationProofView;
import io.fugue.api.model.AttestationView;
import io.fugue.api.model.IssuerView;
import io.fugue.api.model.SchemaView;
import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.primitives.Address;
import io.fugue.datasharing.attestation.Attestation;
import io.fugue.datasharing.attestation.AttestationId;
import io.fugue.datasharing.attestation.AttestationProof;
import io.fugue.datasharing.attestation.AttestationState;
import io.fugue.datasharing.attestation.AttestationStatus;
import io.fugue.datasharing.query.AttestationLookup;
import io.fugue.datasharing.registry.Issuer;
import io.fugue.datasharing.registry.RegistryState;
import io.fugue.datasharing.registry.Schema;
import io.fugue.datasharing.registry.SchemaId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Reads of the data-sharing records at the heads of the node's chains: the registry on the beacon
 * chain, attestations on every shard (an attestation lives on the shard its issuer sent it to, so a
 * lookup by id asks each shard). Also the {@link AttestationLookup} the query service and vault
 * check proofs against.
 */
public final class DataSharingReads implements AttestationLookup {
  /** Listings stop here; the devnet's registries and subjects are far smaller. */
  static final int MAX_LIST = 1000;

  private final ShardChains chains;
  private final Clock clock;

  public DataSharingReads(ShardChains chains, Clock clock) {
    this.chains = chains;
    this.clock = clock;
  }

  @Override
  public Optional<Attestation> attestation(AttestationId id) {
    for (int s : chains.dataShards()) {
      Optional<Attestation> a = AttestationState.attestation(chains.chain(s).headState(), id);
      if (a.isPresent()) {
        return a;
      }
    }
    return Optional.empty();
  }

  /**
   * The attestation's record proved against the state root of the head of the shard holding it. The
   * head is read once, so the proof, the root and the block all name the same state.
   */
  public Optional<AttestationProofView> proof(AttestationId id) {
    for (int s : chains.dataShards()) {
      Blockchain chain = chains.chain(s);
      BlockHeader head = chain.head();
      if (AttestationState.attestation(chain.stateAt(head.stateRoot()), id).isPresent()) {
        AttestationProof p = AttestationProof.prove(chain.worldState(), head.stateRoot(), id);
        return Optional.of(
            new AttestationProofView(
                Convert.digest(id.value()),
                s,
                head.number(),
                Convert.digest(head.hash()),
                Convert.digest(head.stateRoot()),
                Convert.hex(p.proof().encode()),
                Convert.hex(p.attestation().encode())));
      }
    }
    return Optional.empty();
  }

  public Optional<Issuer> issuer(Address account) {
    return RegistryState.issuer(chains.beacon().headState(), account);
  }

  public List<Issuer> issuers() {
    var state = chains.beacon().headState();
    return RegistryState.issuers(state, 0, MAX_LIST).stream()
        .flatMap(a -> RegistryState.issuer(state, a).stream())
        .toList();
  }

  public Optional<Schema> schema(SchemaId id) {
    return RegistryState.schema(chains.beacon().headState(), id);
  }

  public List<Schema> schemas() {
    var state = chains.beacon().headState();
    return RegistryState.schemas(state, 0, MAX_LIST).stream()
        .flatMap(id -> RegistryState.schema(state, id).stream())
        .toList();
  }

  /** Every shard's attestations listed by {@code index} (by subject or by issuer). */
  public <K> List<Attestation> listed(
      K key, BiFunction<io.fugue.chain.state.StateView, K, List<AttestationId>> index) {
    List<Attestation> out = new ArrayList<>();
    for (int s : chains.dataShards()) {
      var state = chains.chain(s).headState();
      for (AttestationId id : index.apply(state, key)) {
        AttestationState.attestation(state, id).ifPresent(out::add);
      }
    }
    return out;
  }

  public AttestationView view(Attestation a) {
    String status =
        a.status() == AttestationStatus.REVOKED
            ? "revoked"
            : clock.millis() >= a.validUntil() ? "expired" : "active";
    return new AttestationView(
        Convert.digest(a.id().value()),
        Convert.address(a.issuer()),
        subjectText(a),
        a.schema().value(),
        Convert.hex(io.fugue.chain.primitives.Bytes.of(a.commitment().toBytes())),
        Convert.seconds(a.validFrom()),
        Convert.seconds(a.validUntil()),
        status);
  }

  static IssuerView view(Issuer i) {
    return new IssuerView(
        Convert.address(i.account()),
        i.name(),
        i.contact(),
        i.status().name().toLowerCase(Locale.ROOT));
  }

  static SchemaView view(Schema s) {
    return new SchemaView(
        s.id().value(),
        s.attribute(),
        s.unit(),
        s.scale(),
        s.bits().bits(),
        s.allowedIssuers().stream().map(Convert::address).toList());
  }

  private static String subjectText(Attestation a) {
    return new String(a.subject().value().toArray(), StandardCharsets.UTF_8);
  }
}
