package io.fugue.api.resource;

import io.fugue.api.auth.Authenticator;
import io.fugue.api.http.ResourceGroup;
import io.fugue.api.port.ApiPorts;
import io.fugue.api.resource.attestation.GetAttestationEndpoint;
import io.fugue.api.resource.attestation.GetAttestationProofEndpoint;
import io.fugue.api.resource.attestation.ListIssuerAttestationsEndpoint;
import io.fugue.api.resource.attestation.ListSubjectAttestationsEndpoint;
import io.fugue.api.resource.attestation.PublishAttestationEndpoint;
import io.fugue.api.resource.attestation.RevokeAttestationEndpoint;
import io.fugue.api.resource.auth.CreateChallengeEndpoint;
import io.fugue.api.resource.auth.CreateTokenEndpoint;
import io.fugue.api.resource.chain.GetAccountEndpoint;
import io.fugue.api.resource.chain.GetBlockByHashEndpoint;
import io.fugue.api.resource.chain.GetBlockByNumberEndpoint;
import io.fugue.api.resource.chain.GetEpochCommitteesEndpoint;
import io.fugue.api.resource.chain.GetTransactionEndpoint;
import io.fugue.api.resource.chain.ListShardsEndpoint;
import io.fugue.api.resource.chain.SubmitTransactionEndpoint;
import io.fugue.api.resource.identity.ResolveDidEndpoint;
import io.fugue.api.resource.issuer.GetIssuerEndpoint;
import io.fugue.api.resource.issuer.ListIssuersEndpoint;
import io.fugue.api.resource.issuer.RegisterIssuerEndpoint;
import io.fugue.api.resource.issuer.SetIssuerStatusEndpoint;
import io.fugue.api.resource.node.GetNodeInfoEndpoint;
import io.fugue.api.resource.query.AnswerQueryEndpoint;
import io.fugue.api.resource.query.CreateQueryEndpoint;
import io.fugue.api.resource.query.GetQueryEndpoint;
import io.fugue.api.resource.query.GetQueryResultEndpoint;
import io.fugue.api.resource.schema.GetSchemaEndpoint;
import io.fugue.api.resource.schema.ListSchemasEndpoint;
import io.fugue.api.resource.schema.RegisterSchemaEndpoint;
import io.fugue.api.resource.staking.GetDelegationsEndpoint;
import io.fugue.api.resource.staking.GetStakingEndpoint;
import io.fugue.api.resource.staking.GetValidatorEndpoint;
import io.fugue.api.resource.staking.ListValidatorsEndpoint;
import io.fugue.api.resource.vault.EraseOpeningEndpoint;
import io.fugue.api.resource.vault.GetVaultKeyEndpoint;
import io.fugue.api.resource.vault.ListOpeningsEndpoint;
import io.fugue.api.resource.vault.StoreOpeningEndpoint;
import java.util.List;

/** The resource groups under {@code /v1}, each with its endpoints bound to the ports. */
public final class Resources {
  private Resources() {}

  public static List<ResourceGroup> v1(ApiPorts ports, Authenticator auth) {
    var chain = ports.chain();
    var issuers = ports.issuers();
    var attestations = ports.attestations();
    return List.of(
        new ResourceGroup(
            "/v1/auth",
            List.of(
                new CreateChallengeEndpoint(auth), new CreateTokenEndpoint(auth, ports.roles()))),
        new ResourceGroup(
            "/v1/chain",
            List.of(
                new ListShardsEndpoint(chain),
                new GetBlockByNumberEndpoint(chain),
                new GetBlockByHashEndpoint(chain),
                new GetTransactionEndpoint(chain),
                new GetAccountEndpoint(chain),
                new SubmitTransactionEndpoint(chain),
                new GetEpochCommitteesEndpoint(ports.staking()))),
        new ResourceGroup(
            "/v1/staking",
            List.of(
                new GetStakingEndpoint(ports.staking()),
                new ListValidatorsEndpoint(ports.staking()),
                new GetValidatorEndpoint(ports.staking()),
                new GetDelegationsEndpoint(ports.staking()))),
        new ResourceGroup("/v1/node", List.of(new GetNodeInfoEndpoint(chain))),
        new ResourceGroup(
            "/v1/issuers",
            List.of(
                new ListIssuersEndpoint(issuers), new GetIssuerEndpoint(issuers),
                new RegisterIssuerEndpoint(issuers), new SetIssuerStatusEndpoint(issuers))),
        new ResourceGroup(
            "/v1/schemas",
            List.of(
                new ListSchemasEndpoint(issuers),
                new GetSchemaEndpoint(issuers),
                new RegisterSchemaEndpoint(issuers))),
        new ResourceGroup(
            "/v1/attestations",
            List.of(
                new PublishAttestationEndpoint(attestations),
                new ListSubjectAttestationsEndpoint(attestations),
                new ListIssuerAttestationsEndpoint(attestations),
                new GetAttestationEndpoint(attestations),
                new GetAttestationProofEndpoint(attestations),
                new RevokeAttestationEndpoint(attestations))),
        new ResourceGroup(
            "/v1/queries",
            List.of(
                new CreateQueryEndpoint(ports.queries()), new GetQueryEndpoint(ports.queries()),
                new AnswerQueryEndpoint(ports.queries()),
                    new GetQueryResultEndpoint(ports.queries()))),
        new ResourceGroup("/v1/identity", List.of(new ResolveDidEndpoint(ports.identity()))),
        new ResourceGroup(
            "/v1/vault",
            List.of(
                new StoreOpeningEndpoint(ports.vault()), new ListOpeningsEndpoint(ports.vault()),
                new EraseOpeningEndpoint(ports.vault()), new GetVaultKeyEndpoint(ports.vault()))));
  }
}
