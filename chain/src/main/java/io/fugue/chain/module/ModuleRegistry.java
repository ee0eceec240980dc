package io.fugue.chain.module;

import io.fugue.chain.codec.Rlp;
import io.fugue.chain.ledger.TransactionTypes;
import io.fugue.chain.primitives.Validation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ledger modules of one node, fixed at start: which module executes each transaction type.
 * Every node of a network must register the same modules, or their blocks will disagree. Built with
 * {@link #builder()}, which already holds the chain's built-in {@link TransferModule}. Immutable
 * and thread-safe once built.
 */
public final class ModuleRegistry {
  private final Map<Integer, LedgerModule> byType;
  private final List<LedgerModule> modules;

  private ModuleRegistry(Map<Integer, LedgerModule> byType, List<LedgerModule> modules) {
    this.byType = Map.copyOf(byType);
    this.modules = List.copyOf(modules);
  }

  /** A builder holding the built-in modules (transfers). */
  public static Builder builder() {
    return new Builder().builtIn(new TransferModule());
  }

  /** The registry of a node with only the built-in modules. */
  public static ModuleRegistry builtInsOnly() {
    return builder().build();
  }

  /** The module executing {@code type}, if any. */
  public Optional<LedgerModule> forType(int type) {
    return Optional.ofNullable(byType.get(type));
  }

  /** Accept if some module executes {@code type}, else a Reject naming the type. */
  public Validation supports(int type) {
    return byType.containsKey(type)
        ? Validation.ACCEPT
        : Validation.reject(String.format("unknown transaction type 0x%02x", type));
  }

  /** The modules in registration order. */
  public List<LedgerModule> modules() {
    return modules;
  }

  /** Collects modules; rejects a second module with the same id or a type already taken. */
  public static final class Builder {
    private final Map<Integer, LedgerModule> byType = new HashMap<>();
    private final Map<ModuleId, LedgerModule> byId = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Adds a module whose types lie in 0x10..0x7f.
     *
     * @throws IllegalArgumentException for a duplicate id, a type already registered, or a type
     *     outside the module range
     */
    public Builder register(LedgerModule module) {
      return add(module, TransactionTypes.FIRST_MODULE_TYPE);
    }

    Builder builtIn(LedgerModule module) {
      return add(module, 0);
    }

    /**
     * Adds one of the chain's own modules, whose types lie in the built-in range 0x00..0x0f (the
     * staking module on the beacon chain).
     */
    public Builder registerSystem(LedgerModule module) {
      return add(module, 0);
    }

    private Builder add(LedgerModule module, int firstType) {
      Objects.requireNonNull(module, "module");
      ModuleId id = Objects.requireNonNull(module.id(), "module id");
      if (byId.containsKey(id)) {
        throw new IllegalArgumentException("module " + id + " is already registered");
      }
      List<Integer> types = new ArrayList<>(module.transactionTypes());
      if (types.isEmpty()) {
        throw new IllegalArgumentException("module " + id + " declares no transaction types");
      }
      Collections.sort(types);
      for (int type : types) {
        if (type < firstType || type > Rlp.MAX_TYPE) {
          throw new IllegalArgumentException(
              String.format("module %s: type 0x%02x outside 0x%02x..0x7f", id, type, firstType));
        }
        LedgerModule owner = byType.get(type);
        if (owner != null) {
          throw new IllegalArgumentException(
              String.format(
                  "module %s: type 0x%02x is already executed by module %s", id, type, owner.id()));
        }
      }
      types.forEach(t -> byType.put(t, module));
      byId.put(id, module);
      return this;
    }

    public ModuleRegistry build() {
      return new ModuleRegistry(byType, new ArrayList<>(byId.values()));
    }
  }
}
