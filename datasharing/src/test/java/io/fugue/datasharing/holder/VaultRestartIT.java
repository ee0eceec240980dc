package io.fugue.datasharing.holder;

import static io.fugue.datasharing.TestNetwork.HOLDER;
import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.storage.RocksDbConfig;
import io.fugue.chain.storage.RocksDbKeyValueStore;
import io.fugue.datasharing.query.Consent;
import io.fugue.datasharing.query.Predicate;
import io.fugue.datasharing.query.Query;
import io.fugue.datasharing.query.QueryFixture;
import io.fugue.datasharing.query.QueryRequest;
import io.fugue.datasharing.query.QueryStatus;
import io.fugue.datasharing.services.DataSharingServices;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vault, queries and audit log on RocksDB survive a node restart. */
class VaultRestartIT {
  @TempDir Path dir;

  @Test
  void shouldKeepOpeningsQueriesAndTheAuditChainAcrossARestart() {
    QueryFixture f = new QueryFixture();
    Secp256k1PrivateKey vaultKey = Secp256k1PrivateKey.generate(f.random);
    Secp256k1PrivateKey holder = f.net.key(HOLDER);
    QueryFixture.Delivery d = f.attest(1_500_000);
    Query pending;
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(dir, RocksDbConfig.defaults())) {
      DataSharingServices node =
          DataSharingServices.create(store, vaultKey, f.lookup, f.net.directory, f.net.clock);
      SealedOpening sealed = f.sealer.seal(f.open(d), node.vault().depositKey(), d.id(), f.random);
      node.vault()
          .deposit(d.id(), sealed, holder.sign(VaultRequests.depositDigest(d.id(), sealed)));
      pending =
          node.queries()
              .create(
                  QueryRequest.fresh(
                      List.of(d.id()),
                      new Predicate.AtLeast(1_000_000),
                      "loan",
                      f.net.address(0),
                      f.random));
    }
    try (RocksDbKeyValueStore store = RocksDbKeyValueStore.open(dir, RocksDbConfig.defaults())) {
      DataSharingServices node =
          DataSharingServices.create(store, vaultKey, f.lookup, f.net.directory, f.net.clock);
      assertThat(node.queries().get(pending.id()).status()).isEqualTo(QueryStatus.PENDING);
      Consent consent =
          Consent.sign(pending.id(), List.of(d.id()), f.net.clock.millis() + 60_000, holder);
      assertThat(node.vault().answer(consent).status()).isEqualTo(QueryStatus.PROVEN_TRUE);
      node.audit().verifyChain();
      assertThat(node.audit().entries(0, 10)).hasSize(3);
    }
  }
}
