package io.fugue.datasharing.attestation;

import io.fugue.chain.primitives.Address;
import io.fugue.chain.state.StateView;
import io.fugue.datasharing.registry.Issuer;
import io.fugue.datasharing.registry.RegistryState;
import io.fugue.datasharing.registry.Schema;
import io.fugue.datasharing.registry.SchemaId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link IssuerDirectory} over the beacon chain's state: reads the registry's records from whatever
 * view {@code beaconView} supplies at each call (see {@link IssuerDirectory} for which view block
 * validation must use).
 */
public final class BeaconIssuerDirectory implements IssuerDirectory {
  private final Supplier<StateView> beaconView;

  public BeaconIssuerDirectory(Supplier<StateView> beaconView) {
    this.beaconView = Objects.requireNonNull(beaconView, "beaconView");
  }

  @Override
  public Optional<Issuer> issuer(Address account) {
    return RegistryState.issuer(beaconView.get(), account);
  }

  @Override
  public Optional<Schema> schema(SchemaId id) {
    return RegistryState.schema(beaconView.get(), id);
  }
}
