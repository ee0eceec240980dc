package io.fugue.api.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.api.model.Role;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChainRoleResolverTest {
  private final LedgerFixture f = new LedgerFixture();
  private final ChainRoleResolver roles =
      new ChainRoleResolver(f.reads, f.layout.governance(), Set.of(f.key(0).address()));

  private Set<Role> of(int account) {
    return roles.rolesOf(LedgerFixture.address(f.key(account))).result();
  }

  @Test
  void shouldGiveEveryAccountClientAndHolderOnly() {
    assertThat(of(7)).containsExactlyInAnyOrder(Role.AUTHENTICATED, Role.CLIENT, Role.HOLDER);
  }

  @Test
  void shouldGiveTheIssuerRoleOnlyOnceGovernanceApproved() {
    f.commit(f.flows.registerIssuer(f.key(2), 0, "First Bank", "kyc@bank.example"));
    assertThat(of(2)).doesNotContain(Role.ISSUER);
    f.commit(f.flows.approveIssuer(f.key(0), 0, f.key(2).address()));
    assertThat(of(2)).contains(Role.ISSUER);
  }

  @Test
  void shouldTakeTheIssuerRoleAwayOnSuspension() {
    f.commit(f.flows.registerIssuer(f.key(2), 0, "First Bank", "kyc@bank.example"));
    f.commit(f.flows.approveIssuer(f.key(0), 0, f.key(2).address()));
    f.commit(
        new io.fugue.datasharing.registry.RegistryTx.Suspend(f.key(2).address(), "audit")
            .unsigned(Main.CHAIN_ID, 0, ChainTransferSigner.FEE)
            .sign(f.key(1)));
    assertThat(of(2)).doesNotContain(Role.ISSUER);
  }

  @Test
  void shouldGiveGovernanceToTheGenesisSetAndOperatorToConfiguredAccounts() {
    assertThat(of(0)).contains(Role.GOVERNANCE, Role.OPERATOR);
    assertThat(of(1)).contains(Role.GOVERNANCE).doesNotContain(Role.OPERATOR);
    assertThat(of(3)).doesNotContain(Role.GOVERNANCE, Role.OPERATOR);
  }
}
