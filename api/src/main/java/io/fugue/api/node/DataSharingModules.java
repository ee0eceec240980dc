package io.fugue.api.node;

import io.fugue.chain.genesis.GenesisConfig;
import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.node.NodeException;
import io.fugue.chain.node.NodeModules;
import io.fugue.chain.staking.StakingGenesis;
import io.fugue.chain.staking.StakingModule;
import io.fugue.chain.state.StateView;
import io.fugue.datasharing.attestation.AttestationModule;
import io.fugue.datasharing.attestation.BeaconIssuerDirectory;
import io.fugue.datasharing.registry.GovernanceConfig;
import io.fugue.datasharing.registry.RegistryModule;
import io.fugue.geofencing.ledger.ComplianceGovernance;
import io.fugue.geofencing.ledger.FenceModule;
import io.fugue.geofencing.location.LocationModule;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The ledger modules of a {@code fugue node}, as the devnet registers them: the issuer registry on
 * the beacon chain, governed by the genesis' governance; attestations on every other shard, reading
 * issuer standing from the node's beacon chain.
 */
final class DataSharingModules implements NodeModules {
  private final GovernanceConfig governance;
  private final Optional<StakingGenesis> staking;

  DataSharingModules(GovernanceConfig governance, Optional<StakingGenesis> staking) {
    this.governance = Objects.requireNonNull(governance, "governance");
    this.staking = Objects.requireNonNull(staking, "staking");
  }

  /** The modules of a network with {@code genesis}' governance and staking. */
  static DataSharingModules of(GenesisConfig genesis) {
    return new DataSharingModules(governance(genesis), genesis.staking());
  }

  /** The genesis' governance; a genesis without one cannot run the registry module. */
  static GovernanceConfig governance(GenesisConfig genesis) {
    GenesisConfig.Governance g =
        genesis
            .governance()
            .orElseThrow(
                () ->
                    new NodeException(
                        "the genesis has no 'governance' section: the data-sharing registry needs it (docs/genesis.md)"));
    return new GovernanceConfig(g.members(), g.threshold());
  }

  GovernanceConfig governance() {
    return governance;
  }

  @Override
  public ModuleRegistry beacon() {
    ComplianceGovernance compliance =
        new ComplianceGovernance(
            governance.members(), governance.threshold(), governance.threshold());
    ModuleRegistry.Builder b = ModuleRegistry.builder();
    // Staking (issue 11) is the chain's own system module, on a genesis with a staking section.
    staking.ifPresent(st -> b.registerSystem(StakingModule.of(st)));
    return b.register(new RegistryModule(governance))
        .register(new io.fugue.datasharing.identity.DidModule())
        // Geo-fencing (issue 13): officers and fences, attestors and location claims.
        .register(new FenceModule(compliance))
        .register(new LocationModule(compliance))
        .build();
  }

  @Override
  public ModuleRegistry shard(int shard, Supplier<StateView> beaconState) {
    return ModuleRegistry.builder()
        .register(new AttestationModule(new BeaconIssuerDirectory(beaconState)))
        .build();
  }
}
