package io.fugue.api.node;

import io.fugue.api.port.IdentityBackend;
import io.fugue.chain.execution.Blockchain;
import io.fugue.datasharing.identity.DidId;
import io.fugue.datasharing.identity.DidResolver;
import io.vertx.core.Future;

/**
 * {@link IdentityBackend} over the beacon chain: each resolution reads the head once, so the
 * document, its metadata, the state root and the inclusion proof name the same state.
 */
public final class BeaconIdentityBackend implements IdentityBackend {
  private final ShardChains chains;

  public BeaconIdentityBackend(ShardChains chains) {
    this.chains = chains;
  }

  @Override
  public Future<DidResolution> resolve(String did) {
    return LedgerChainBackend.call(
        () -> {
          try {
            DidId.parse(did);
          } catch (IllegalArgumentException e) {
            return new DidResolution(
                "invalidDid",
                e.getMessage(),
                DidResolver.json(
                    new DidResolver.Resolution(
                        did,
                        null,
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        "invalidDid"),
                    0));
          }
          Blockchain beacon = chains.beacon();
          var root = beacon.head().stateRoot();
          DidResolver.Resolution r = DidResolver.resolve(beacon.worldState(), root, did);
          return new DidResolution(r.error(), null, DidResolver.json(r, beacon.config().chainId()));
        });
  }
}
