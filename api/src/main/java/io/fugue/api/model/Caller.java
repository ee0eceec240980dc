package io.fugue.api.model;

import java.util.Objects;
import java.util.Set;

/** The authenticated account behind a request and the roles chain state gives it. */
public record Caller(AccountAddress address, Set<Role> roles) {
  public Caller {
    Objects.requireNonNull(address, "address");
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return role == Role.PUBLIC || role == Role.AUTHENTICATED || roles.contains(role);
  }
}
