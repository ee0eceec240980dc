package io.fugue.api.node;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.Role;
import io.fugue.api.port.RoleResolver;
import io.fugue.chain.primitives.Address;
import io.fugue.datasharing.registry.GovernanceConfig;
import io.fugue.datasharing.registry.Issuer;
import io.vertx.core.Future;
import java.util.EnumSet;
import java.util.Set;

/**
 * Roles from chain state, read on every request: {@code issuer} while the beacon registry lists the
 * account as approved (a suspension takes effect on the next request), {@code governance} for the
 * members of the genesis governance set. {@code client} and {@code holder} are held by every
 * authenticated account: anyone may ask a query, and every holder endpoint acts only on the
 * caller's own attestations (the backends compare the caller with the attestation's on-chain
 * holder), so no index of holders is needed to keep one holder out of another's data. {@code
 * operator} is node configuration, not chain state.
 */
public final class ChainRoleResolver implements RoleResolver {
  private final DataSharingReads reads;
  private final GovernanceConfig governance;
  private final Set<Address> operators;

  /**
   * @param operators the accounts that may read node internals (the operator role; config, not
   *     chain)
   */
  public ChainRoleResolver(
      DataSharingReads reads, GovernanceConfig governance, Set<Address> operators) {
    this.reads = reads;
    this.governance = governance;
    this.operators = Set.copyOf(operators);
  }

  @Override
  public Future<Set<Role>> rolesOf(AccountAddress address) {
    return LedgerChainBackend.call(
        () -> {
          Address a = Convert.address(address);
          Set<Role> roles = EnumSet.of(Role.AUTHENTICATED, Role.CLIENT, Role.HOLDER);
          if (reads.issuer(a).filter(Issuer::isApproved).isPresent()) {
            roles.add(Role.ISSUER);
          }
          if (governance.isMember(a)) {
            roles.add(Role.GOVERNANCE);
          }
          if (operators.contains(a)) {
            roles.add(Role.OPERATOR);
          }
          return Set.copyOf(roles);
        });
  }
}
