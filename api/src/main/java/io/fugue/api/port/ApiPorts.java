package io.fugue.api.port;

import java.util.Objects;

/** Every port the API server needs; the node wiring builds one from the real services. */
public record ApiPorts(
    ChainBackend chain,
    IssuerBackend issuers,
    AttestationBackend attestations,
    QueryBackend queries,
    VaultBackend vault,
    StakingBackend staking,
    SignatureVerifier signatures,
    RoleResolver roles,
    ReadinessCheck readiness,
    IdentityBackend identity) {
  public ApiPorts {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(issuers, "issuers");
    Objects.requireNonNull(attestations, "attestations");
    Objects.requireNonNull(queries, "queries");
    Objects.requireNonNull(vault, "vault");
    Objects.requireNonNull(staking, "staking");
    Objects.requireNonNull(signatures, "signatures");
    Objects.requireNonNull(roles, "roles");
    Objects.requireNonNull(readiness, "readiness");
    Objects.requireNonNull(identity, "identity");
  }
}
