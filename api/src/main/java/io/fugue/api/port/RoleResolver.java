package io.fugue.api.port;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.Role;
import io.vertx.core.Future;
import java.util.Set;

/**
 * The roles an account holds in chain state (issuer registry, governance set, ...). Asked on every
 * authenticated request, so a suspension takes effect before the token expires.
 */
@FunctionalInterface
public interface RoleResolver {
  Future<Set<Role>> rolesOf(AccountAddress address);
}
