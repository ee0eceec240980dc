package io.fugue.datasharing.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.attestation.AttestationId;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryRequestTest {
  private static final AttestationId A = new AttestationId(Hashing.keccak256(new byte[] {1}));
  private static final AttestationId B = new AttestationId(Hashing.keccak256(new byte[] {2}));
  private static final Address CLIENT =
      Address.fromHex("0x00000000000000000000000000000000000000c1");
  private final SecureRandom random = new SecureRandom();

  private QueryRequest request(List<AttestationId> ids, Predicate p) {
    return QueryRequest.fresh(ids, p, "credit check", CLIENT, random);
  }

  @Test
  void shouldGiveEveryFreshRequestItsOwnId() {
    QueryRequest one = request(List.of(A), new Predicate.AtLeast(5));
    QueryRequest two = request(List.of(A), new Predicate.AtLeast(5));
    assertThat(one.id()).isNotEqualTo(two.id());
    QueryRequest same =
        new QueryRequest(
            one.attestations(), one.predicate(), one.purpose(), one.nonce(), one.requester());
    assertThat(same.id()).isEqualTo(one.id());
  }

  @Test
  void shouldMakeTheIdDependOnEveryField() {
    QueryRequest base = request(List.of(A), new Predicate.AtLeast(5));
    Bytes n = base.nonce();
    assertThat(new QueryRequest(List.of(B), base.predicate(), "credit check", n, CLIENT).id())
        .isNotEqualTo(base.id());
    assertThat(
            new QueryRequest(List.of(A), new Predicate.AtLeast(6), "credit check", n, CLIENT).id())
        .isNotEqualTo(base.id());
    assertThat(
            new QueryRequest(List.of(A), new Predicate.AtMost(5), "credit check", n, CLIENT).id())
        .isNotEqualTo(base.id());
    assertThat(new QueryRequest(List.of(A), base.predicate(), "other", n, CLIENT).id())
        .isNotEqualTo(base.id());
    assertThat(new QueryRequest(List.of(A), base.predicate(), "credit check", n, Address.ZERO).id())
        .isNotEqualTo(base.id());
  }

  @Test
  void shouldRejectMalformedRequestsWithReasons() {
    assertThatThrownBy(() -> request(List.of(), new Predicate.AtLeast(1)))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("1 to 64");
    assertThatThrownBy(() -> request(List.of(A, B), new Predicate.AtLeast(1)))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("exactly one");
    assertThatThrownBy(() -> request(List.of(A, A), new Predicate.SumAtLeast(1)))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("twice");
    assertThatThrownBy(
            () ->
                new QueryRequest(
                    List.of(A), new Predicate.AtLeast(1), "x", Bytes.of(new byte[31]), CLIENT))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("32 bytes");
    assertThatThrownBy(
            () ->
                new QueryRequest(
                    List.of(A), new Predicate.AtLeast(1), "", Bytes.of(new byte[32]), CLIENT))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("purpose");
    assertThatThrownBy(
            () ->
                new QueryRequest(
                    List.of(A), new Predicate.AtLeast(1), "a\nb", Bytes.of(new byte[32]), CLIENT))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("control");
  }

  @Test
  void shouldParsePredicatesStrictly() {
    assertThat(Predicate.of("between", List.of(1L, 2L))).isEqualTo(new Predicate.Between(1, 2));
    assertThat(Predicate.of("sum_gte", List.of(7L))).isEqualTo(new Predicate.SumAtLeast(7));
    assertThatThrownBy(() -> Predicate.of("gt", List.of(1L)))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("unknown predicate");
    assertThatThrownBy(() -> Predicate.of("between", List.of(1L)))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("2 threshold");
    assertThatThrownBy(() -> Predicate.of("between", List.of(3L, 2L)))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("lower <= upper");
    assertThatThrownBy(() -> new Predicate.AtLeast(-1)).isInstanceOf(DataSharingException.class);
  }

  @Test
  void shouldRejectAQueryRecordWhoseIdDoesNotMatch() {
    QueryRequest r = request(List.of(A), new Predicate.AtLeast(5));
    assertThatThrownBy(
            () ->
                new Query(
                    new QueryId(Hash32.ZERO),
                    r,
                    0,
                    QueryStatus.PENDING,
                    java.util.Optional.empty(),
                    "",
                    0))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("does not match");
    assertThatThrownBy(() -> Query.decode(Bytes.of((byte) 0x01)))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("query record");
  }
}
