package io.fugue.api.node;

import io.fugue.api.model.Caller;
import io.fugue.api.model.Digest;
import io.fugue.api.model.StoreOpeningRequest;
import io.fugue.api.model.VaultEntry;
import io.fugue.api.model.VaultKey;
import io.fugue.api.port.Outcome;
import io.fugue.api.port.VaultBackend;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.attestation.AttestationId;
import io.fugue.datasharing.holder.HolderVault;
import io.fugue.datasharing.holder.SealedOpening;
import io.fugue.datasharing.holder.VaultRecord;
import io.vertx.core.Future;
import java.util.List;

/**
 * {@link VaultBackend} over the node's {@link HolderVault}. The caller is authenticated by its
 * token; the vault itself checks that the caller is the attestation's holder and that the sealed
 * opening (encrypted to the vault's deposit key) opens the on-chain commitment.
 */
public final class ServiceVaultBackend implements VaultBackend {
  private final HolderVault vault;

  public ServiceVaultBackend(HolderVault vault) {
    this.vault = vault;
  }

  @Override
  public Future<Outcome<VaultEntry>> store(
      Caller holder, Digest attestationId, StoreOpeningRequest request) {
    return LedgerChainBackend.call(
        () -> {
          SealedOpening sealed;
          try {
            sealed = SealedOpening.decode(Convert.bytes(request.ciphertext()));
          } catch (DataSharingException e) {
            return Outcome.rejected(
                Outcome.Reason.INVALID, "malformed sealed opening: " + e.getMessage());
          }
          try {
            VaultRecord r =
                vault.depositAuthenticated(
                    Convert.address(holder.address()),
                    new AttestationId(Convert.hash(attestationId)),
                    sealed);
            return Outcome.done(entry(r));
          } catch (DataSharingException e) {
            return Outcome.rejected(Outcome.Reason.FORBIDDEN, e.getMessage());
          }
        });
  }

  @Override
  public Future<VaultKey> depositKey() {
    return LedgerChainBackend.call(() -> new VaultKey(Convert.hex(vault.depositKey().toBytes())));
  }

  @Override
  public Future<List<VaultEntry>> list(Caller holder) {
    return LedgerChainBackend.call(
        () ->
            vault.list(Convert.address(holder.address())).stream()
                .map(ServiceVaultBackend::entry)
                .toList());
  }

  @Override
  public Future<Outcome<VaultEntry>> erase(Caller holder, Digest attestationId) {
    return LedgerChainBackend.call(
        () -> {
          try {
            var r =
                vault.eraseAuthenticated(
                    Convert.address(holder.address()),
                    new AttestationId(Convert.hash(attestationId)));
            return Outcome.done(new VaultEntry(attestationId, Convert.seconds(r.erasedAt())));
          } catch (DataSharingException e) {
            return Outcome.rejected(Outcome.Reason.NOT_FOUND, e.getMessage());
          }
        });
  }

  private static VaultEntry entry(VaultRecord r) {
    return new VaultEntry(Convert.digest(r.attestation().value()), Convert.seconds(r.storedAt()));
  }
}
