package io.fugue.api.node;

import io.fugue.api.port.ApiPorts;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.staking.StakingGenesis;
import io.fugue.datasharing.registry.GovernanceConfig;
import io.fugue.datasharing.services.DataSharingServices;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

/** Builds the API's {@link ApiPorts} from a node's chains and data-sharing services. */
public final class NodePorts {
  private NodePorts() {}

  public static ApiPorts create(
      ShardChains chains,
      DataSharingServices services,
      DataSharingReads reads,
      GovernanceConfig governance,
      Set<Address> operators,
      IntSupplier peers,
      Optional<StakingGenesis> staking) {
    return create(
        chains,
        services,
        reads,
        governance,
        operators,
        peers,
        new FinalizedReadiness(chains),
        staking);
  }

  /** As above, ready when {@code readiness} says so (a node: when the shards it runs finalize). */
  public static ApiPorts create(
      ShardChains chains,
      DataSharingServices services,
      DataSharingReads reads,
      GovernanceConfig governance,
      Set<Address> operators,
      IntSupplier peers,
      FinalizedReadiness readiness,
      Optional<StakingGenesis> staking) {
    return new ApiPorts(
        new LedgerChainBackend(chains, peers),
        new RegistryIssuerBackend(reads),
        new ShardAttestationBackend(reads),
        new ServiceQueryBackend(services.queries(), services.vault(), reads),
        new ServiceVaultBackend(services.vault()),
        new LedgerStakingBackend(chains::beacon, staking),
        new Secp256k1SignatureVerifier(),
        new ChainRoleResolver(reads, governance, operators),
        readiness,
        new BeaconIdentityBackend(chains));
  }
}
