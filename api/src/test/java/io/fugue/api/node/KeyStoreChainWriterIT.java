package io.fugue.api.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.api.cli.ChainWriter;
import io.fugue.api.cli.CliException;
import io.fugue.api.cli.FugueCli;
import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.AttestationView;
import io.fugue.api.model.Digest;
import io.fugue.api.model.HexBytes;
import io.fugue.api.model.QueryView;
import io.fugue.chain.crypto.KeyFile;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.datasharing.holder.OpeningSealer;
import io.fugue.datasharing.holder.SealedOpening;
import io.fugue.datasharing.query.Predicate;
import io.fugue.datasharing.query.QueryRequest;
import io.fugue.zk.Opening;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain-backed writer's holder side with real key files (an IT: they are on disk): what the
 * issuer seals to the holder's key opens only with it, matches the commitment, re-seals for the
 * vault and proves a query; a key of another account and mismatching openings are CLI failures.
 */
class KeyStoreChainWriterIT {
  private static final KeyFile.ScryptParams FAST = new KeyFile.ScryptParams(1 << 10, 8, 1);
  private final SecureRandom random = new SecureRandom();
  private final Secp256k1PrivateKey issuerKey = Secp256k1PrivateKey.generate(random);
  private final Secp256k1PrivateKey holderKey = Secp256k1PrivateKey.generate(random);
  private final Secp256k1PrivateKey vaultKey = Secp256k1PrivateKey.generate(random);
  @TempDir Path dir;
  private KeyStoreChainWriter writer;
  private AccountAddress issuer;
  private AccountAddress holder;

  @BeforeEach
  void keys() {
    KeyFileKeyStore store = new KeyFileKeyStore(dir, "pw"::toCharArray, FAST);
    issuer = store.importKey("bank", issuerKey).address();
    holder = store.importKey("alice", holderKey).address();
    writer = new KeyStoreChainWriter(store, new ClientFlows(Main.CHAIN_ID));
    assertThat(store.publicKey(holder)).isEqualTo(Convert.hex(holderKey.publicKey().toBytes()));
  }

  private ChainWriter.Attested attest(long value) {
    return writer.attest(
        issuer,
        0,
        1,
        "did:fugue:alice",
        holder,
        "net-worth",
        value,
        1_000,
        2_000_000_000_000L,
        Convert.hex(holderKey.publicKey().toBytes()));
  }

  /** The attestation as the API would show it, with the commitment of {@code opening}. */
  private static AttestationView view(Digest id, AccountAddress issuer, HexBytes commitment) {
    return new AttestationView(
        id, issuer, "did:fugue:alice", "net-worth", commitment, 1, 2_000_000_000L, "active");
  }

  private AttestationView onChain(ChainWriter.Attested a) {
    try (Opening o =
        new OpeningSealer()
            .open(
                SealedOpening.decode(Convert.bytes(a.sealedOpening())),
                holderKey,
                new io.fugue.datasharing.attestation.AttestationId(
                    Convert.hash(a.attestation())))) {
      return view(a.attestation(), issuer, HexBytes.of(o.commitment().toBytes()));
    }
  }

  @Test
  void shouldRefuseAHolderKeyOfAnotherAccount() {
    HexBytes other = Convert.hex(Secp256k1PrivateKey.generate(random).publicKey().toBytes());
    assertThatThrownBy(
            () ->
                writer.attest(issuer, 0, 1, "did:fugue:alice", holder, "net-worth", 5, 1, 2, other))
        .isInstanceOfSatisfying(
            CliException.class, e -> assertThat(e.exitCode()).isEqualTo(FugueCli.EXIT_USAGE))
        .hasMessageContaining("not of --holder " + holder);
  }

  @Test
  void shouldResealForTheVaultOnlyWhatMatchesTheChain() {
    ChainWriter.Attested a = attest(1_500_000);
    AttestationView attestation = onChain(a);
    HexBytes forVault =
        writer.resealForVault(
            holder, attestation, a.sealedOpening(), Convert.hex(vaultKey.publicKey().toBytes()));
    try (Opening atVault =
        new OpeningSealer()
            .open(
                SealedOpening.decode(Convert.bytes(forVault)),
                vaultKey,
                new io.fugue.datasharing.attestation.AttestationId(
                    Convert.hash(a.attestation())))) {
      assertThat(atVault.value()).isEqualTo(1_500_000);
    }
    AttestationView otherCommitment =
        view(a.attestation(), issuer, HexBytes.of(Opening.random(1).commitment().toBytes()));
    assertThatThrownBy(
            () ->
                writer.resealForVault(
                    holder,
                    otherCommitment,
                    a.sealedOpening(),
                    Convert.hex(vaultKey.publicKey().toBytes())))
        .isInstanceOfSatisfying(
            CliException.class, e -> assertThat(e.exitCode()).isEqualTo(FugueCli.EXIT_FAILED))
        .hasMessageContaining("does not open the on-chain commitment");
    assertThatThrownBy(
            () ->
                writer.resealForVault(
                    issuer,
                    attestation,
                    a.sealedOpening(),
                    Convert.hex(vaultKey.publicKey().toBytes())))
        .isInstanceOf(CliException.class)
        .hasMessageContaining("does not decrypt");
  }

  @Test
  void shouldProveATruePredicateAndGiveNothingForAFalseOne() {
    ChainWriter.Attested a = attest(1_500_000);
    AttestationView attestation = onChain(a);
    assertThat(
            writer.prove(
                holder,
                query(a.attestation(), 1_000_000),
                List.of(attestation),
                32,
                List.of(a.sealedOpening())))
        .isPresent();
    assertThat(
            writer.prove(
                holder,
                query(a.attestation(), 2_000_000),
                List.of(attestation),
                32,
                List.of(a.sealedOpening())))
        .isEmpty();
    assertThatThrownBy(
            () ->
                writer.prove(
                    holder, query(a.attestation(), 1), List.of(attestation), 32, List.of()))
        .isInstanceOfSatisfying(
            CliException.class, e -> assertThat(e.exitCode()).isEqualTo(FugueCli.EXIT_USAGE));
  }

  private QueryView query(Digest attestation, long threshold) {
    byte[] nonce = new byte[32];
    random.nextBytes(nonce);
    AccountAddress client = issuer;
    QueryRequest r =
        new QueryRequest(
            List.of(new io.fugue.datasharing.attestation.AttestationId(Convert.hash(attestation))),
            new Predicate.AtLeast(threshold),
            "loan",
            io.fugue.chain.primitives.Bytes.of(nonce),
            Convert.address(client));
    return new QueryView(
        Convert.digest(r.id().value()),
        client,
        List.of(attestation),
        "gte",
        threshold,
        null,
        "loan",
        HexBytes.of(nonce),
        "open",
        1);
  }
}
