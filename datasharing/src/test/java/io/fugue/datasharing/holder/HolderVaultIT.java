package io.fugue.datasharing.holder;

import static io.fugue.datasharing.TestNetwork.CLIENT;
import static io.fugue.datasharing.TestNetwork.HOLDER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.storage.Column;
import io.fugue.chain.storage.KeyRange;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.attestation.AttestationId;
import io.fugue.datasharing.query.Consent;
import io.fugue.datasharing.query.Predicate;
import io.fugue.datasharing.query.Query;
import io.fugue.datasharing.query.QueryFixture;
import io.fugue.datasharing.query.QueryStatus;
import io.fugue.zk.Opening;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HolderVaultIT {
  private final QueryFixture f = new QueryFixture();
  private final Secp256k1PrivateKey vaultKey = Secp256k1PrivateKey.generate(f.random);
  private final HolderVault vault =
      new HolderVault(f.nodeStore, vaultKey, f.lookup, f.queries, f.audit, f.net.clock);
  private final Secp256k1PrivateKey holder = f.net.key(HOLDER);
  private QueryFixture.Delivery delivery;

  @BeforeEach
  void publishAndDeposit() {
    delivery = f.attest(1_500_000);
    deposit(delivery.id(), f.open(delivery), holder);
  }

  private void deposit(AttestationId id, Opening opening, Secp256k1PrivateKey signer) {
    SealedOpening sealed = f.sealer.seal(opening, vault.depositKey(), id, f.random);
    vault.deposit(id, sealed, signer.sign(VaultRequests.depositDigest(id, sealed)));
  }

  private Consent consent(Query q, Secp256k1PrivateKey signer) {
    return Consent.sign(q.id(), q.request().attestations(), f.net.clock.millis() + 60_000, signer);
  }

  @Test
  void shouldAnswerWithTheHoldersConsentAndKeepOnlyCiphertextAtRest() {
    Query yes = f.ask(new Predicate.AtLeast(1_000_000), delivery.id());
    assertThat(vault.answer(consent(yes, holder)).status()).isEqualTo(QueryStatus.PROVEN_TRUE);
    Query no = f.ask(new Predicate.AtLeast(2_000_000), delivery.id());
    Query refused = vault.answer(consent(no, holder));
    assertThat(refused.status()).isEqualTo(QueryStatus.REFUSED);
    assertThat(refused.reason()).contains("cannot prove");

    byte[] blinding = f.open(delivery).blinding();
    List<Bytes> atRest = new ArrayList<>();
    f.nodeStore.scan(Column.VAULT, KeyRange.all(), kv -> atRest.add(kv.value()));
    assertThat(atRest).hasSize(1);
    assertThat(vault.list(holder.address()))
        .extracting(VaultRecord::attestation)
        .containsExactly(delivery.id());
    assertThat(vault.list(f.net.address(CLIENT))).isEmpty();
    assertThat(atRest.get(0).toHex()).doesNotContain(Bytes.of(blinding).toHex());
  }

  @Test
  void shouldRefuseToAnswerWithoutTheHoldersSignature() {
    Query q = f.ask(new Predicate.AtLeast(1_000_000), delivery.id());
    assertThatThrownBy(() -> vault.answer(consent(q, f.net.key(CLIENT))))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("not signed by");
    Consent tampered = consent(q, holder);
    Consent otherExpiry =
        new Consent(
            q.id(), tampered.attestations(), tampered.expiresAt() + 1, tampered.signature());
    assertThatThrownBy(() -> vault.answer(otherExpiry))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("not signed by");
    assertThat(f.queries.get(q.id()).status()).isEqualTo(QueryStatus.PENDING);
  }

  @Test
  void shouldCarryAConsentAsBytesAndRejectMalformedOnes() {
    Query q = f.ask(new Predicate.AtLeast(1_000_000), delivery.id());
    Consent c = consent(q, holder);
    assertThat(Consent.decode(c.encode())).isEqualTo(c);
    assertThat(vault.answer(Consent.decode(c.encode())).status())
        .isEqualTo(QueryStatus.PROVEN_TRUE);
    byte[] bad = c.encode().toArray();
    bad[bad.length - 1] = 7;
    assertThatThrownBy(() -> Consent.decode(Bytes.of(bad)))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("consent");
  }

  @Test
  void shouldRefuseAConsentForAnotherQueryOrPastItsExpiry() {
    Query q = f.ask(new Predicate.AtLeast(1_000_000), delivery.id());
    Query other = f.ask(new Predicate.AtLeast(1_000_000), delivery.id());
    Consent forOther = consent(other, holder);
    Consent moved =
        new Consent(q.id(), forOther.attestations(), forOther.expiresAt(), forOther.signature());
    assertThatThrownBy(() -> vault.answer(moved))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("not signed by");
    Consent c = consent(q, holder);
    f.net.clock.advance(120_000);
    assertThatThrownBy(() -> vault.answer(c))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("expired");
    assertThat(f.queries.get(q.id()).status()).isEqualTo(QueryStatus.PENDING);
  }

  @Test
  void shouldRejectDepositsThatAreNotTheHoldersOrDoNotOpenTheCommitment() {
    QueryFixture.Delivery second = f.attest(900_000);
    assertThatThrownBy(() -> deposit(second.id(), f.open(second), f.net.key(CLIENT)))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("not signed by");
    assertThatThrownBy(() -> deposit(second.id(), Opening.random(900_000), holder))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("does not open");
    SealedOpening toHolderKey =
        f.sealer.seal(f.open(second), holder.publicKey(), second.id(), f.random);
    assertThatThrownBy(
            () ->
                vault.deposit(
                    second.id(),
                    toHolderKey,
                    holder.sign(VaultRequests.depositDigest(second.id(), toHolderKey))))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("does not decrypt");
    assertThat(vault.holds(holder.address(), second.id())).isFalse();
  }

  @Test
  void shouldEraseTheOpeningOnTheHoldersRequestAndKeepARecordWithoutPersonalData() {
    assertThatThrownBy(
            () ->
                vault.erase(
                    delivery.id(),
                    f.net.key(CLIENT).sign(VaultRequests.eraseDigest(delivery.id()))))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("no opening of the signer");
    assertThat(vault.holds(holder.address(), delivery.id())).isTrue();

    ErasureRecord record =
        vault.erase(delivery.id(), holder.sign(VaultRequests.eraseDigest(delivery.id())));
    assertThat(vault.holds(holder.address(), delivery.id())).isFalse();
    assertThat(vault.list(holder.address())).isEmpty();
    assertThat(record.erasureId()).isEqualTo(ErasureRecord.idOf(holder.address(), delivery.id()));
    assertThat(vault.erasure(record.erasureId())).contains(record);
    String stored = record.encode().toHex();
    assertThat(stored)
        .doesNotContain(holder.address().toBytes().toHex())
        .doesNotContain(delivery.id().toBytes().toHex());

    Query q = f.ask(new Predicate.AtLeast(1_000_000), delivery.id());
    assertThatThrownBy(() -> vault.answer(consent(q, holder)))
        .isInstanceOf(DataSharingException.class)
        .hasMessageContaining("holds no opening");
    f.audit.verifyChain();
  }
}
