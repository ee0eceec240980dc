package io.fugue.api.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.api.model.AnswerQueryRequest;
import io.fugue.api.model.CreateQueryRequest;
import io.fugue.api.model.Digest;
import io.fugue.api.model.HexBytes;
import io.fugue.api.model.PublishAttestationRequest;
import io.fugue.api.model.QueryView;
import io.fugue.api.model.RegisterIssuerRequest;
import io.fugue.api.model.Role;
import io.fugue.api.model.StoreOpeningRequest;
import io.fugue.api.port.Outcome;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.state.StateKeys;
import io.fugue.chain.state.StateProof;
import io.fugue.datasharing.attestation.AttestationId;
import io.fugue.datasharing.attestation.AttestationState;
import io.fugue.zk.Opening;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The issuer, attestation, query and vault ports over real chains and services, in memory. */
class DataSharingBackendsTest {
  private static final long DAY = 86_400_000L;
  private final LedgerFixture f = new LedgerFixture();
  private final RegistryIssuerBackend issuers = new RegistryIssuerBackend(f.reads);
  private final ShardAttestationBackend attestations = new ShardAttestationBackend(f.reads);
  private final ServiceQueryBackend queries =
      new ServiceQueryBackend(f.services.queries(), f.services.vault(), f.reads);
  private final ServiceVaultBackend vault = new ServiceVaultBackend(f.services.vault());
  private final Opening worth = Opening.random(1_500_000);

  private static <T> T done(Outcome<T> o) {
    assertThat(o).as(o.toString()).isInstanceOf(Outcome.Done.class);
    return ((Outcome.Done<T>) o).value();
  }

  private static Outcome.Reason reason(Outcome<?> o) {
    assertThat(o).isInstanceOf(Outcome.Rejected.class);
    return ((Outcome.Rejected<?>) o).reason();
  }

  private QueryView ask(String attestation, long threshold) {
    byte[] nonce = new byte[32];
    new SecureRandom().nextBytes(nonce);
    return done(
        queries
            .create(
                LedgerFixture.caller(f.key(4), Role.CLIENT),
                new CreateQueryRequest(
                    List.of(Digest.fromHex(attestation)),
                    "gte",
                    threshold,
                    null,
                    "loan",
                    HexBytes.of(nonce)))
            .result());
  }

  @Test
  void shouldShowTheRegistryAndRefuseUnsignedWrites() {
    f.approvedIssuerWithSchema();
    var listed = issuers.issuers().result();
    assertThat(listed).singleElement().satisfies(i -> assertThat(i.status()).isEqualTo("approved"));
    assertThat(issuers.schema("net-worth").result().orElseThrow().bits()).isEqualTo(32);
    assertThat(issuers.schema("no such schema!").result()).isEmpty();
    var write =
        issuers
            .register(LedgerFixture.caller(f.key(6)), new RegisterIssuerRequest("x", "y"))
            .result();
    assertThat(((Outcome.Rejected<?>) write).detail()).contains("POST /v1/chain/transactions");
    assertThat(issuers.issuers().result()).hasSize(1);
  }

  @Test
  void shouldShowAttestationsToTheirHolderOnly() {
    f.approvedIssuerWithSchema();
    String id = f.attest(0, worth, DAY);
    var view = attestations.attestation(Digest.fromHex(id)).result().orElseThrow();
    assertThat(view.status()).isEqualTo("active");
    assertThat(view.subject()).isEqualTo("did:fugue:alice");
    assertThat(
            done(
                attestations.bySubject(LedgerFixture.caller(f.key(3)), "did:fugue:alice").result()))
        .hasSize(1);
    assertThat(
            reason(
                attestations.bySubject(LedgerFixture.caller(f.key(5)), "did:fugue:alice").result()))
        .isEqualTo(Outcome.Reason.FORBIDDEN);
    assertThat(attestations.byIssuer(LedgerFixture.address(f.key(2))).result()).hasSize(1);
    var publish =
        attestations
            .publish(
                LedgerFixture.caller(f.key(2)),
                new PublishAttestationRequest(
                    "did:fugue:bob", "net-worth", view.commitment(), 1, 2))
            .result();
    assertThat(reason(publish)).isEqualTo(Outcome.Reason.INVALID);
  }

  @Test
  void shouldProveAnAttestationRecordAgainstItsShardHeadRoot() {
    f.approvedIssuerWithSchema();
    String id = f.attest(0, worth, DAY);
    var p = attestations.proof(Digest.fromHex(id)).result().orElseThrow();
    var head = f.shard.head();
    assertThat(p.shard()).isEqualTo(LedgerFixture.SHARD);
    assertThat(p.blockNumber()).isEqualTo(head.number());
    assertThat(Convert.hash(p.blockHash())).isEqualTo(head.hash());
    assertThat(Convert.hash(p.stateRoot())).isEqualTo(head.stateRoot());
    StateProof proof = StateProof.decode(Convert.bytes(p.proof()));
    Bytes key =
        StateKeys.module(
            AttestationState.MODULE_ID,
            AttestationState.recordKey(new AttestationId(Convert.hash(Digest.fromHex(id)))));
    Bytes record = Convert.bytes(p.record());
    assertThat(proof.verify(Convert.hash(p.stateRoot()), key, Optional.of(record))).isTrue();
    byte[] tampered = record.toArray();
    tampered[tampered.length - 1] ^= 1;
    assertThat(proof.verify(Convert.hash(p.stateRoot()), key, Optional.of(Bytes.of(tampered))))
        .isFalse();
  }

  @Test
  void shouldProveTheRevokedRecordAtTheNewHeadAndNotTheOldOne() {
    f.approvedIssuerWithSchema();
    String id = f.attest(0, worth, DAY);
    var before = attestations.proof(Digest.fromHex(id)).result().orElseThrow();
    f.commit(
        f.flows.revoke(
            f.key(2), 1, LedgerFixture.SHARD, new AttestationId(Convert.hash(Digest.fromHex(id)))));
    var after = attestations.proof(Digest.fromHex(id)).result().orElseThrow();
    assertThat(after.blockNumber()).isGreaterThan(before.blockNumber());
    assertThat(after.record()).isNotEqualTo(before.record());
    Bytes key =
        StateKeys.module(
            AttestationState.MODULE_ID,
            AttestationState.recordKey(new AttestationId(Convert.hash(Digest.fromHex(id)))));
    StateProof old = StateProof.decode(Convert.bytes(before.proof()));
    assertThat(
            old.verify(
                Convert.hash(after.stateRoot()), key, Optional.of(Convert.bytes(before.record()))))
        .as("the pre-revocation record does not verify under the new root")
        .isFalse();
    assertThat(
            StateProof.decode(Convert.bytes(after.proof()))
                .verify(
                    Convert.hash(after.stateRoot()),
                    key,
                    Optional.of(Convert.bytes(after.record()))))
        .isTrue();
  }

  @Test
  void shouldAnswerNoProofForAnUnknownAttestation() {
    f.approvedIssuerWithSchema();
    assertThat(attestations.proof(Digest.fromHex("0x" + "ab".repeat(32))).result()).isEmpty();
  }

  @Test
  void shouldGiveTheVaultDepositKeyAsSixtyFourBytes() {
    var key = vault.depositKey().result().depositKey();
    assertThat(key.toArray())
        .hasSize(64)
        .isEqualTo(f.services.vault().depositKey().toBytes().toArray());
  }

  @Test
  void shouldVerifyATrueProofAndFailItWhenReplayedOnAnotherQuery() {
    f.approvedIssuerWithSchema();
    String id = f.attest(0, worth, DAY);
    QueryView first = ask(id, 1_000_000);
    var view = attestations.attestation(Digest.fromHex(id)).result().orElseThrow();
    byte[] proof = f.flows.prove(first, view, f.key(3).address(), worth, 32).orElseThrow();
    var holder = LedgerFixture.caller(f.key(3), Role.HOLDER);
    var ok =
        done(
            queries
                .answer(holder, first.id(), AnswerQueryRequest.ofProof(HexBytes.of(proof)))
                .result());
    assertThat(ok.status()).isEqualTo("verified");
    assertThat(ok.outcome()).isTrue();
    QueryView second = ask(id, 1_000_000);
    var replay =
        done(
            queries
                .answer(holder, second.id(), AnswerQueryRequest.ofProof(HexBytes.of(proof)))
                .result());
    assertThat(replay.status()).isEqualTo("failed");
    assertThat(done(queries.result(LedgerFixture.caller(f.key(4)), first.id()).result()).outcome())
        .isTrue();
  }

  @Test
  void shouldRefuseAConsentOrDeclineSignedByAnotherKeyWithForbiddenAndChangeNothing() {
    f.approvedIssuerWithSchema();
    String id = f.attest(0, worth, DAY);
    QueryView q = ask(id, 1_000_000);
    var holder = LedgerFixture.caller(f.key(3), Role.HOLDER);
    var wrongKey = f.key(6);
    var consent = f.flows.consent(q, wrongKey, System.currentTimeMillis() + 60_000);
    Outcome<?> byConsent =
        queries
            .answer(
                holder,
                q.id(),
                AnswerQueryRequest.ofConsent(HexBytes.of(consent.encode().toArray())))
            .result();
    assertThat(reason(byConsent)).isEqualTo(Outcome.Reason.FORBIDDEN);
    var decline = f.flows.decline(q.id(), wrongKey);
    Outcome<?> byDecline =
        queries
            .answer(
                holder,
                q.id(),
                AnswerQueryRequest.ofDecline(HexBytes.of(decline.toBytes().toArray()), "not mine"))
            .result();
    assertThat(reason(byDecline)).isEqualTo(Outcome.Reason.FORBIDDEN);
    assertThat(done(queries.query(holder, q.id()).result()).status()).isEqualTo("open");
  }

  @Test
  void shouldScopeQueriesToTheirClientAndHolder() {
    f.approvedIssuerWithSchema();
    String id = f.attest(0, worth, DAY);
    QueryView q = ask(id, 1_000_000);
    var stranger = LedgerFixture.caller(f.key(6), Role.CLIENT, Role.HOLDER);
    assertThat(reason(queries.query(stranger, q.id()).result()))
        .isEqualTo(Outcome.Reason.FORBIDDEN);
    assertThat(reason(queries.result(stranger, q.id()).result()))
        .isEqualTo(Outcome.Reason.FORBIDDEN);
    assertThat(
            reason(
                queries
                    .answer(stranger, q.id(), AnswerQueryRequest.ofProof(HexBytes.of(new byte[1])))
                    .result()))
        .isEqualTo(Outcome.Reason.FORBIDDEN);
    assertThat(reason(queries.result(stranger, Digest.fromHex("0x" + "00".repeat(32))).result()))
        .isEqualTo(Outcome.Reason.NOT_FOUND);
  }

  @Test
  void shouldFailAProofOnceTheAttestationIsRevoked() {
    f.approvedIssuerWithSchema();
    String id = f.attest(0, worth, DAY);
    QueryView q = ask(id, 1_000_000);
    var view = attestations.attestation(Digest.fromHex(id)).result().orElseThrow();
    byte[] proof = f.flows.prove(q, view, f.key(3).address(), worth, 32).orElseThrow();
    f.commit(
        f.flows.revoke(
            f.key(2), 1, LedgerFixture.SHARD, new AttestationId(Convert.hash(Digest.fromHex(id)))));
    var r =
        done(
            queries
                .answer(
                    LedgerFixture.caller(f.key(3)),
                    q.id(),
                    AnswerQueryRequest.ofProof(HexBytes.of(proof)))
                .result());
    assertThat(r.status()).isEqualTo("failed");
    assertThat(r.reason()).contains("revoked");
  }

  @Test
  void shouldFailAProofOnceTheAttestationExpired() {
    f.approvedIssuerWithSchema();
    String id = f.attest(0, worth, 10_000);
    QueryView q = ask(id, 1_000_000);
    var view = attestations.attestation(Digest.fromHex(id)).result().orElseThrow();
    byte[] proof = f.flows.prove(q, view, f.key(3).address(), worth, 32).orElseThrow();
    f.clock.advance(java.time.Duration.ofSeconds(20));
    assertThat(attestations.attestation(Digest.fromHex(id)).result().orElseThrow().status())
        .isEqualTo("expired");
    var r =
        done(
            queries
                .answer(
                    LedgerFixture.caller(f.key(3)),
                    q.id(),
                    AnswerQueryRequest.ofProof(HexBytes.of(proof)))
                .result());
    assertThat(r.status()).isEqualTo("failed");
    assertThat(r.reason()).contains("expired");
  }

  @Test
  void shouldRefuseThroughTheVaultWhenThePredicateIsFalse() {
    f.approvedIssuerWithSchema();
    String id = f.attest(0, worth, DAY);
    var holder = LedgerFixture.caller(f.key(3), Role.HOLDER);
    var view = attestations.attestation(Digest.fromHex(id)).result().orElseThrow();
    var fromIssuer =
        f.flows.sealToHolder(
            worth,
            f.key(3).address(),
            f.key(3).publicKey(),
            new AttestationId(Convert.hash(Digest.fromHex(id))));
    var sealed =
        f.flows.resealForVault(fromIssuer, f.key(3), view, f.layout.vaultKey().publicKey());
    done(
        vault
            .store(
                holder, Digest.fromHex(id), new StoreOpeningRequest(Convert.hex(sealed.encode())))
            .result());
    assertThat(vault.list(holder).result())
        .extracting(e -> e.attestationId().toHex())
        .containsExactly(id);
    QueryView q = ask(id, 2_000_000);
    var consent = f.flows.consent(q, f.key(3), f.clock.millis() + 60_000);
    var r =
        done(
            queries
                .answer(holder, q.id(), AnswerQueryRequest.ofConsent(Convert.hex(consent.encode())))
                .result());
    assertThat(r.status()).isEqualTo("refused");
    assertThat(r.outcome()).isFalse();
  }

  @Test
  void shouldEndRefusedOnTheHoldersSignedDecline() {
    f.approvedIssuerWithSchema();
    String id = f.attest(0, worth, DAY);
    QueryView q = ask(id, 2_000_000);
    var signature = Convert.hex(f.flows.decline(q.id(), f.key(3)).toBytes());
    var r =
        done(
            queries
                .answer(
                    LedgerFixture.caller(f.key(3)),
                    q.id(),
                    AnswerQueryRequest.ofDecline(signature, "cannot prove it"))
                .result());
    assertThat(r.status()).isEqualTo("refused");
    assertThat(r.outcome()).isFalse();
    assertThat(r.reason()).isEqualTo("cannot prove it");
    assertThat(done(queries.result(LedgerFixture.caller(f.key(4)), q.id()).result()).status())
        .isEqualTo("refused");
  }

  @Test
  void shouldKeepTheQueryOpenWhenTheDeclineIsNotTheHoldersSignatureOrMalformed() {
    f.approvedIssuerWithSchema();
    String id = f.attest(0, worth, DAY);
    QueryView q = ask(id, 2_000_000);
    var holder = LedgerFixture.caller(f.key(3));
    var byStranger = Convert.hex(f.flows.decline(q.id(), f.key(6)).toBytes());
    assertThat(
            reason(
                queries
                    .answer(holder, q.id(), AnswerQueryRequest.ofDecline(byStranger, null))
                    .result()))
        .isEqualTo(Outcome.Reason.FORBIDDEN);
    QueryView other = ask(id, 2_000_000);
    var forAnotherQuery = Convert.hex(f.flows.decline(other.id(), f.key(3)).toBytes());
    assertThat(
            reason(
                queries
                    .answer(holder, q.id(), AnswerQueryRequest.ofDecline(forAnotherQuery, null))
                    .result()))
        .isEqualTo(Outcome.Reason.FORBIDDEN);
    assertThat(
            reason(
                queries
                    .answer(
                        holder,
                        q.id(),
                        AnswerQueryRequest.ofDecline(HexBytes.of(new byte[64]), null))
                    .result()))
        .isEqualTo(Outcome.Reason.INVALID);
    assertThat(done(queries.query(holder, q.id()).result()).status()).isEqualTo("open");
  }

  @Test
  void shouldKeepAnotherAccountsOpeningOutOfItsVaultAndEraseOnRequest() {
    f.approvedIssuerWithSchema();
    String id = f.attest(0, worth, DAY);
    var sealed =
        f.flows.seal(
            worth,
            f.layout.vaultKey().publicKey(),
            new AttestationId(Convert.hash(Digest.fromHex(id))));
    var request = new StoreOpeningRequest(Convert.hex(sealed.encode()));
    assertThat(
            reason(
                vault.store(LedgerFixture.caller(f.key(6)), Digest.fromHex(id), request).result()))
        .isEqualTo(Outcome.Reason.FORBIDDEN);
    assertThat(
            reason(
                vault
                    .store(
                        LedgerFixture.caller(f.key(3)),
                        Digest.fromHex(id),
                        new StoreOpeningRequest(HexBytes.of(new byte[5])))
                    .result()))
        .isEqualTo(Outcome.Reason.INVALID);
    var holder = LedgerFixture.caller(f.key(3));
    done(vault.store(holder, Digest.fromHex(id), request).result());
    done(vault.erase(holder, Digest.fromHex(id)).result());
    assertThat(vault.list(holder).result()).isEmpty();
    assertThat(reason(vault.erase(holder, Digest.fromHex(id)).result()))
        .isEqualTo(Outcome.Reason.NOT_FOUND);
  }

  @Test
  void shouldRejectAQueryOverAnUnknownAttestation() {
    f.approvedIssuerWithSchema();
    byte[] nonce = new byte[32];
    var r =
        queries
            .create(
                LedgerFixture.caller(f.key(4)),
                new CreateQueryRequest(
                    List.of(Digest.fromHex("0x" + "11".repeat(32))),
                    "gte",
                    1,
                    null,
                    "loan",
                    HexBytes.of(nonce)))
            .result();
    assertThat(reason(r)).isEqualTo(Outcome.Reason.INVALID);
  }
}
