package io.fugue.datasharing.query;

import static io.fugue.datasharing.TestNetwork.GOV_A;
import static io.fugue.datasharing.TestNetwork.GOV_B;
import static io.fugue.datasharing.TestNetwork.HOLDER;
import static io.fugue.datasharing.TestNetwork.ISSUER;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.datasharing.TestNetwork;
import io.fugue.datasharing.attestation.Attestation;
import io.fugue.datasharing.attestation.AttestationId;
import io.fugue.datasharing.attestation.AttestationModule;
import io.fugue.datasharing.attestation.AttestationTx;
import io.fugue.datasharing.attestation.Subject;
import io.fugue.datasharing.audit.AuditLog;
import io.fugue.datasharing.holder.OpeningSealer;
import io.fugue.datasharing.holder.SealedOpening;
import io.fugue.datasharing.registry.RegistryTx;
import io.fugue.datasharing.registry.Schema;
import io.fugue.datasharing.registry.SchemaId;
import io.fugue.zk.BitSize;
import io.fugue.zk.Opening;
import java.security.SecureRandom;
import java.util.List;

/**
 * The issue-6 setting at service level: an approved issuer, a 64-bit net-worth schema, a holder and
 * a client, the node's {@link QueryService} over an in-memory store, and helpers for the issuer
 * (publish, deliver the sealed opening) and the holder (prove, decline).
 */
public final class QueryFixture {
  public static final SchemaId NET_WORTH = SchemaId.of("net-worth-usd");
  public static final Subject ALICE = Subject.of("did:fugue:alice");
  public static final long DAY = 86_400_000L;

  public final TestNetwork net = new TestNetwork();
  public final SecureRandom random = new SecureRandom();
  public final InMemoryKeyValueStore nodeStore = new InMemoryKeyValueStore();
  public final AuditLog audit = new AuditLog(nodeStore);
  public final AttestationLookup lookup = new ShardStateAttestations(net.shard::headState);
  public final QueryService queries =
      new QueryService(nodeStore, audit, lookup, net.directory, net.clock);
  public final OpeningSealer sealer = new OpeningSealer();
  public final HolderProver prover = new HolderProver();

  public QueryFixture() {
    net.beaconOk(ISSUER, new RegistryTx.Register("Acme Bank", "kyc@acme.example"));
    net.beaconOk(GOV_A, new RegistryTx.Approve(net.address(ISSUER)));
    net.beaconOk(GOV_B, new RegistryTx.Approve(net.address(ISSUER)));
    net.beaconOk(
        GOV_A,
        new RegistryTx.CreateSchema(
            NET_WORTH, "net worth", "USD", 0, BitSize.B64, List.of(net.address(ISSUER))));
  }

  /** What the holder received from the issuer: the attestation id and the sealed opening. */
  public record Delivery(AttestationId id, SealedOpening sealed) {}

  /** The issuer publishes an attestation of {@code value} and seals the opening to the holder. */
  public Delivery attest(long value, long validForMillis) {
    Opening opening = Opening.random(value);
    AttestationTx.Publish publish =
        new AttestationTx.Publish(
            ALICE,
            net.address(HOLDER),
            NET_WORTH,
            opening.commitment(),
            net.clock.millis(),
            net.clock.millis() + validForMillis);
    var built = net.shardOk(ISSUER, publish);
    var log = built.result().receipts().get(0).logs().get(0);
    if (!log.topics().get(0).equals(AttestationModule.PUBLISHED)) {
      throw new AssertionError("no publication log");
    }
    AttestationId id = new AttestationId(log.topics().get(1));
    SealedOpening sealed = sealer.seal(opening, net.key(HOLDER).publicKey(), id, random);
    opening.wipe();
    return new Delivery(id, sealed);
  }

  public Delivery attest(long value) {
    return attest(value, 30 * DAY);
  }

  /** The holder decrypts its opening. */
  public Opening open(Delivery d) {
    return sealer.open(d.sealed(), net.key(HOLDER), d.id());
  }

  public Query ask(Predicate predicate, AttestationId... ids) {
    return queries.create(
        QueryRequest.fresh(
            List.of(ids),
            predicate,
            "credit line review",
            net.address(TestNetwork.CLIENT),
            random));
  }

  /** The holder's client: reads the attestations and schema from the chain and proves. */
  public Answer proveAsHolder(Query q, Delivery... deliveries) {
    List<Attestation> onChain =
        q.request().attestations().stream()
            .map(id -> lookup.attestation(id).orElseThrow())
            .toList();
    Schema schema = net.directory.schema(onChain.get(0).schema()).orElseThrow();
    List<Opening> openings = java.util.Arrays.stream(deliveries).map(this::open).toList();
    return prover.answer(q, onChain, schema, openings);
  }

  public Bytes proofOf(Answer a) {
    if (a instanceof Answer.Proof p) {
      return Bytes.of(p.proof().toBytes());
    }
    throw new AssertionError("expected a proof, got " + a);
  }
}
