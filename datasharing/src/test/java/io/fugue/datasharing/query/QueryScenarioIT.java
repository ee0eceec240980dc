package io.fugue.datasharing.query;

import static io.fugue.datasharing.TestNetwork.GOV_A;
import static io.fugue.datasharing.TestNetwork.HOLDER;
import static io.fugue.datasharing.TestNetwork.ISSUER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hashing;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.TestNetwork;
import io.fugue.datasharing.attestation.AttestationTx;
import io.fugue.datasharing.audit.AuditEntry;
import io.fugue.datasharing.registry.RegistryTx;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The end-to-end scenario of issue 6, at service level, with the real chain, state and zk. */
class QueryScenarioIT {
  private final QueryFixture f = new QueryFixture();

  @Test
  void shouldAnswerTheIssueSixScenario() {
    QueryFixture.Delivery d = f.attest(1_500_000);

    Query atLeastOneMillion = f.ask(new Predicate.AtLeast(1_000_000), d.id());
    assertThat(atLeastOneMillion.status()).isEqualTo(QueryStatus.PENDING);
    Bytes proof = f.proofOf(f.proveAsHolder(atLeastOneMillion, d));
    Query proven = f.queries.answer(atLeastOneMillion.id(), proof);
    assertThat(proven.status()).isEqualTo(QueryStatus.PROVEN_TRUE);
    assertThat(proven.proofHash()).contains(Hashing.keccak256(proof));

    Query atLeastTwoMillion = f.ask(new Predicate.AtLeast(2_000_000), d.id());
    Answer cannot = f.proveAsHolder(atLeastTwoMillion, d);
    assertThat(cannot).isInstanceOf(Answer.Cannot.class);
    Query refused =
        f.queries.decline(
            atLeastTwoMillion.id(),
            f.net.key(HOLDER).sign(QueryService.declineDigest(atLeastTwoMillion.id())),
            ((Answer.Cannot) cannot).reason());
    assertThat(refused.status()).isEqualTo(QueryStatus.REFUSED);
    assertThat(refused.proofHash()).isEmpty();

    Query another = f.ask(new Predicate.AtLeast(1_000_000), d.id());
    Query replayed = f.queries.answer(another.id(), proof);
    assertThat(replayed.status()).isEqualTo(QueryStatus.FAILED);
    assertThat(replayed.reason()).startsWith("invalid proof");

    QueryFixture.Delivery toRevoke = f.attest(1_500_000);
    Query beforeRevocation = f.ask(new Predicate.AtLeast(1_000_000), toRevoke.id());
    Bytes goodProof = f.proofOf(f.proveAsHolder(beforeRevocation, toRevoke));
    f.net.shardOk(ISSUER, new AttestationTx.Revoke(toRevoke.id()));
    Query revoked = f.queries.answer(beforeRevocation.id(), goodProof);
    assertThat(revoked.status()).isEqualTo(QueryStatus.FAILED);
    assertThat(revoked.reason()).contains("is revoked");

    QueryFixture.Delivery shortLived = f.attest(1_500_000, 3_600_000);
    Query beforeExpiry = f.ask(new Predicate.AtLeast(1_000_000), shortLived.id());
    Bytes inTime = f.proofOf(f.proveAsHolder(beforeExpiry, shortLived));
    f.net.clock.advance(2 * 3_600_000);
    Query expired = f.queries.answer(beforeExpiry.id(), inTime);
    assertThat(expired.status()).isEqualTo(QueryStatus.FAILED);
    assertThat(expired.reason()).contains("has expired");

    f.audit.verifyChain();
    List<AuditEntry> log = f.audit.entries(0, 100);
    assertThat(log)
        .extracting(AuditEntry::event)
        .containsSubsequence(
            "query.created",
            "query.PROVEN_TRUE",
            "query.created",
            "query.REFUSED",
            "query.created",
            "query.FAILED",
            "query.created",
            "query.FAILED",
            "query.created",
            "query.FAILED");
    assertThat(log.get(1).proofHash()).contains(Hashing.keccak256(proof));
  }

  @Test
  void shouldFailAProofReplayedForAnotherAttestationWithTheSameValue() {
    QueryFixture.Delivery first = f.attest(1_500_000);
    QueryFixture.Delivery second = f.attest(1_500_000);
    Query q1 = f.ask(new Predicate.AtLeast(1_000_000), first.id());
    Bytes proof = f.proofOf(f.proveAsHolder(q1, first));
    Query q2 = f.ask(new Predicate.AtLeast(1_000_000), second.id());
    assertThat(f.queries.answer(q2.id(), proof).status()).isEqualTo(QueryStatus.FAILED);
    assertThat(f.queries.answer(q1.id(), proof).status()).isEqualTo(QueryStatus.PROVEN_TRUE);
  }

  @Test
  void shouldProveAtMostAndBetweenAndRefuseFalseOnes() {
    QueryFixture.Delivery d = f.attest(1_500_000);
    Query lte = f.ask(new Predicate.AtMost(2_000_000), d.id());
    assertThat(f.queries.answer(lte.id(), f.proofOf(f.proveAsHolder(lte, d))).status())
        .isEqualTo(QueryStatus.PROVEN_TRUE);
    Query between = f.ask(new Predicate.Between(1_000_000, 2_000_000), d.id());
    assertThat(f.queries.answer(between.id(), f.proofOf(f.proveAsHolder(between, d))).status())
        .isEqualTo(QueryStatus.PROVEN_TRUE);
    Query outside = f.ask(new Predicate.Between(1_600_000, 2_000_000), d.id());
    assertThat(f.proveAsHolder(outside, d)).isInstanceOf(Answer.Cannot.class);
    Query below = f.ask(new Predicate.AtMost(1_000_000), d.id());
    assertThat(f.proveAsHolder(below, d)).isInstanceOf(Answer.Cannot.class);
  }

  @Test
  void shouldProveTheSumOfTheHoldersAttestations() {
    QueryFixture.Delivery bankA = f.attest(1_500_000);
    QueryFixture.Delivery bankB = f.attest(700_000);
    Query sum = f.ask(new Predicate.SumAtLeast(2_000_000), bankA.id(), bankB.id());
    assertThat(f.queries.answer(sum.id(), f.proofOf(f.proveAsHolder(sum, bankA, bankB))).status())
        .isEqualTo(QueryStatus.PROVEN_TRUE);
    Query tooMuch = f.ask(new Predicate.SumAtLeast(2_300_000), bankA.id(), bankB.id());
    assertThat(f.proveAsHolder(tooMuch, bankA, bankB)).isInstanceOf(Answer.Cannot.class);
    Query oneOnly = f.ask(new Predicate.SumAtLeast(2_000_000), bankA.id(), bankB.id());
    Bytes singleProof =
        f.proofOf(f.proveAsHolder(f.ask(new Predicate.SumAtLeast(1_000_000), bankA.id()), bankA));
    assertThat(f.queries.answer(oneOnly.id(), singleProof).status()).isEqualTo(QueryStatus.FAILED);
  }

  @Test
  void shouldFailWhenTheIssuerIsSuspendedBeforeTheAnswer() {
    QueryFixture.Delivery d = f.attest(1_500_000);
    Query q = f.ask(new Predicate.AtLeast(1_000_000), d.id());
    Bytes proof = f.proofOf(f.proveAsHolder(q, d));
    f.net.beaconOk(GOV_A, new RegistryTx.Suspend(f.net.address(ISSUER), "licence review"));
    Query failed = f.queries.answer(q.id(), proof);
    assertThat(failed.status()).isEqualTo(QueryStatus.FAILED);
    assertThat(failed.reason()).contains("SUSPENDED");
  }

  @Test
  void shouldRejectQueriesThatCannotBeAnsweredAndCreateNothing() {
    QueryFixture.Delivery d = f.attest(1_500_000);
    QueryFixture.Delivery gone = f.attest(10);
    f.net.shardOk(ISSUER, new AttestationTx.Revoke(gone.id()));
    assertThatThrownBy(() -> f.ask(new Predicate.AtLeast(1), gone.id()))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("revoked");
    assertThatThrownBy(
            () ->
                f.ask(
                    new Predicate.AtLeast(1),
                    new io.fugue.datasharing.attestation.AttestationId(
                        io.fugue.chain.primitives.Hash32.ZERO)))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("unknown attestation");
    assertThatThrownBy(() -> f.ask(new Predicate.AtLeast(1), d.id(), d.id()))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("exactly one");
    QueryRequest once =
        QueryRequest.fresh(
            List.of(d.id()), new Predicate.AtLeast(1), "kyc", f.net.address(GOV_A), f.random);
    f.queries.create(once);
    assertThatThrownBy(() -> f.queries.create(once))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("fresh nonce");
    assertThat(f.audit.entries(0, 100)).hasSize(1);
  }

  @Test
  void shouldDecideAQueryOnlyOnceAndFailMalformedProofs() {
    QueryFixture.Delivery d = f.attest(1_500_000);
    Query q = f.ask(new Predicate.AtLeast(1_000_000), d.id());
    Query failed = f.queries.answer(q.id(), Bytes.of(new byte[10]));
    assertThat(failed.status()).isEqualTo(QueryStatus.FAILED);
    assertThat(failed.reason()).startsWith("malformed proof");
    Bytes proof = f.proofOf(f.proveAsHolder(q, d));
    assertThatThrownBy(() -> f.queries.answer(q.id(), proof))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("already FAILED");
    assertThat(f.queries.get(q.id()).status()).isEqualTo(QueryStatus.FAILED);
  }

  @Test
  void shouldRefuseADeclineNotSignedByTheHolder() {
    QueryFixture.Delivery d = f.attest(1_500_000);
    Query q = f.ask(new Predicate.AtLeast(2_000_000), d.id());
    assertThatThrownBy(
            () ->
                f.queries.decline(
                    q.id(),
                    f.net.key(TestNetwork.CLIENT).sign(QueryService.declineDigest(q.id())),
                    "no"))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("holder");
    assertThat(f.queries.get(q.id()).status()).isEqualTo(QueryStatus.PENDING);
  }

  @Test
  void shouldDecideAQueryExactlyOnceUnderConcurrentAnswers() throws Exception {
    QueryFixture.Delivery d = f.attest(1_500_000);
    Query q = f.ask(new Predicate.AtLeast(1_000_000), d.id());
    Bytes proof = f.proofOf(f.proveAsHolder(q, d));
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<QueryStatus>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        answers.add(pool.submit(() -> f.queries.answer(q.id(), proof).status()));
      }
      int decided = 0;
      int refusedAsDecided = 0;
      for (var a : answers) {
        try {
          assertThat(a.get(30, java.util.concurrent.TimeUnit.SECONDS))
              .isEqualTo(QueryStatus.PROVEN_TRUE);
          decided++;
        } catch (java.util.concurrent.ExecutionException e) {
          assertThat(e.getCause())
              .isInstanceOf(DataSharingException.class)
              .hasMessageContaining("already PROVEN_TRUE");
          refusedAsDecided++;
        }
      }
      assertThat(decided).isEqualTo(1);
      assertThat(refusedAsDecided).isEqualTo(7);
    } finally {
      pool.shutdownNow();
    }
    assertThat(f.audit.entries(0, 100))
        .extracting(AuditEntry::event)
        .filteredOn(e -> e.equals("query.PROVEN_TRUE"))
        .hasSize(1);
  }

  @Test
  void shouldRoundTripQueryRecords() {
    QueryFixture.Delivery d = f.attest(1_500_000);
    Query q = f.ask(new Predicate.Between(1, 2), d.id());
    assertThat(Query.decode(q.encode())).isEqualTo(q);
    assertThat(f.queries.find(q.id())).contains(q);
  }
}
