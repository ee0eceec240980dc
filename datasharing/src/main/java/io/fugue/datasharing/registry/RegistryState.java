package io.fugue.datasharing.registry;

import io.fugue.chain.module.ModuleId;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import java.util.Optional;

/**
 * The registry's records in the beacon chain's authenticated state, under module id {@link
 * #MODULE_ID}: {@code 0x01 ‖ account(20)} → {@link Issuer}, {@code 0x02 ‖ schema id} → {@link
 * Schema}. Each record has an inclusion proof through {@code WorldState.proveModuleValue(root,
 * MODULE_ID, key)}.
 */
public final class RegistryState {
  /** The module id that namespaces the registry's state keys. */
  public static final ModuleId ID = ModuleId.of("datasharing.registry");
  /** {@link #ID} as the state-key namespace. */
  public static final Bytes MODULE_ID = ID.bytes();

  private static final byte ISSUER = 0x01;
  private static final byte SCHEMA = 0x02;

  private RegistryState() {}

  public static Bytes issuerKey(Address account) {
    return Bytes.concat(Bytes.of(ISSUER), account.toBytes());
  }

  public static Bytes schemaKey(SchemaId id) {
    return Bytes.concat(Bytes.of(SCHEMA), id.toBytes());
  }

  public static Optional<Issuer> issuer(StateView state, Address account) {
    return state.moduleValue(MODULE_ID, issuerKey(account)).map(Issuer::decode);
  }

  public static Optional<Schema> schema(StateView state, SchemaId id) {
    return state.moduleValue(MODULE_ID, schemaKey(id)).map(Schema::decode);
  }

  static void put(StateWriter state, Issuer issuer) {
    state.putModuleValue(MODULE_ID, issuerKey(issuer.account()), issuer.encode());
  }

  static void put(StateWriter state, Schema schema) {
    state.putModuleValue(MODULE_ID, schemaKey(schema.id()), schema.encode());
  }
}
