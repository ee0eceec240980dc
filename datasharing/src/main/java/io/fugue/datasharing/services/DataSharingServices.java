package io.fugue.datasharing.services;

import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.storage.KeyValueStore;
import io.fugue.datasharing.attestation.IssuerDirectory;
import io.fugue.datasharing.audit.AuditLog;
import io.fugue.datasharing.holder.HolderVault;
import io.fugue.datasharing.query.AttestationLookup;
import io.fugue.datasharing.query.QueryService;
import java.time.Clock;
import java.util.Objects;

/**
 * The node-side data-sharing services, built together because they share one audit log: the
 * per-module factory the node wiring calls once at start (the ledger modules, {@code
 * RegistryModule} and {@code AttestationModule}, are registered in each chain's {@code
 * ModuleRegistry} separately). All three are thread-safe; their methods block (RocksDB, JNI), so
 * call them off the event loop.
 */
public record DataSharingServices(AuditLog audit, QueryService queries, HolderVault vault) {
  public DataSharingServices {
    Objects.requireNonNull(audit, "audit");
    Objects.requireNonNull(queries, "queries");
    Objects.requireNonNull(vault, "vault");
  }

  /**
   * @param nodeStore the node's database (queries and audit in the AUDIT column, openings in VAULT)
   * @param vaultKey the node's vault key; holders seal openings to its public key
   * @param attestations the attestations of the shards this node serves, at their heads
   * @param directory the beacon-chain registry as this node sees it
   * @param clock the node clock, for query, consent and attestation expiry
   */
  public static DataSharingServices create(
      KeyValueStore nodeStore,
      Secp256k1PrivateKey vaultKey,
      AttestationLookup attestations,
      IssuerDirectory directory,
      Clock clock) {
    AuditLog audit = new AuditLog(nodeStore);
    QueryService queries = new QueryService(nodeStore, audit, attestations, directory, clock);
    HolderVault vault = new HolderVault(nodeStore, vaultKey, attestations, queries, audit, clock);
    return new DataSharingServices(audit, queries, vault);
  }
}
