package io.fugue.chain.node;

import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.state.StateView;
import java.util.function.Supplier;

/**
 * The ledger modules a validator process registers (a port the node wiring outside {@code chain}
 * implements: the data-sharing modules live in modules {@code chain} must not import). The beacon
 * chain's modules serve both a shard-0 validator and the {@link BeaconReplica} of any other shard's
 * validator, so both execute beacon blocks alike.
 */
public interface NodeModules {
  /** The built-in modules only, on every chain. */
  NodeModules BUILT_INS =
      new NodeModules() {
        @Override
        public ModuleRegistry beacon() {
          return ModuleRegistry.builtInsOnly();
        }

        @Override
        public ModuleRegistry shard(int shard, Supplier<StateView> beaconState) {
          return ModuleRegistry.builtInsOnly();
        }
      };

  /** The beacon chain's modules. */
  ModuleRegistry beacon();

  /**
   * The modules of {@code shard} (not 0).
   *
   * @param beaconState the beacon state as this node holds it (its replica's head)
   */
  ModuleRegistry shard(int shard, Supplier<StateView> beaconState);
}
