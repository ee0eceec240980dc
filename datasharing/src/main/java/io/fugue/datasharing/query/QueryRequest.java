package io.fugue.datasharing.query;

import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpItem;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hashing;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.Text;
import io.fugue.datasharing.attestation.AttestationId;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a client asks: a predicate over one attestation (or, for {@code sum_gte}, over up to 64
 * attestations of one holder and schema), why (the purpose, kept for audit), a fresh random 32-byte
 * nonce, and who asks. The nonce makes every query, and so every proof, unique.
 */
public record QueryRequest(
    List<AttestationId> attestations,
    Predicate predicate,
    String purpose,
    Bytes nonce,
    Address requester) {
  public static final int NONCE_BYTES = 32;
  public static final int MAX_PURPOSE_BYTES = 256;
  public static final int MAX_ATTESTATIONS = 64;
  private static final Bytes DOMAIN =
      Bytes.of("fugue.query.v1".getBytes(StandardCharsets.US_ASCII));

  public QueryRequest {
    attestations = List.copyOf(Objects.requireNonNull(attestations, "attestations"));
    Objects.requireNonNull(predicate, "predicate");
    Text.check(purpose, "purpose", 1, MAX_PURPOSE_BYTES);
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(requester, "requester");
    if (attestations.isEmpty() || attestations.size() > MAX_ATTESTATIONS) {
      throw new DataSharingException(
          "a query names 1 to " + MAX_ATTESTATIONS + " attestations, got " + attestations.size());
    }
    if (!predicate.isAggregate() && attestations.size() != 1) {
      throw new DataSharingException(predicate.name() + " is about exactly one attestation");
    }
    if (attestations.stream().distinct().count() != attestations.size()) {
      throw new DataSharingException("a query must not name an attestation twice");
    }
    if (nonce.size() != NONCE_BYTES) {
      throw new DataSharingException("the nonce must be " + NONCE_BYTES + " bytes");
    }
  }

  /** A request with a fresh nonce from {@code random}. */
  public static QueryRequest fresh(
      List<AttestationId> attestations,
      Predicate predicate,
      String purpose,
      Address requester,
      SecureRandom random) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    return new QueryRequest(attestations, predicate, purpose, Bytes.of(nonce), requester);
  }

  /** keccak-256 of {@code "fugue.query.v1" ‖ encode()}. */
  public QueryId id() {
    return new QueryId(Hashing.keccak256(DOMAIN, encode()));
  }

  public Bytes encode() {
    return Rlp.encode(toRlp());
  }

  RlpList toRlp() {
    List<RlpItem> ids = new ArrayList<>();
    attestations.forEach(a -> ids.add(RlpString.of(a.value())));
    List<RlpItem> ts = new ArrayList<>();
    predicate.thresholds().forEach(t -> ts.add(RlpString.ofUint(t)));
    return RlpList.of(
        new RlpList(ids),
        Text.field(predicate.name()),
        new RlpList(ts),
        Text.field(purpose),
        RlpString.of(nonce),
        RlpString.of(requester));
  }

  static QueryRequest fromRlp(RlpList f) {
    f.expectSize(6, "query request");
    RlpList ids = f.list(0);
    List<AttestationId> attestations = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      attestations.add(new AttestationId(ids.string(i).asHash32()));
    }
    RlpList ts = f.list(2);
    List<Long> thresholds = new ArrayList<>();
    for (int i = 0; i < ts.size(); i++) {
      thresholds.add(ts.string(i).asUint64());
    }
    return new QueryRequest(
        attestations,
        Predicate.of(Text.read(f.string(1), "predicate", 1, 16), thresholds),
        Text.read(f.string(3), "purpose", 1, MAX_PURPOSE_BYTES),
        f.string(4).asBytes(NONCE_BYTES),
        f.string(5).asAddress());
  }
}
