package io.fugue.datasharing.registry;

import io.fugue.chain.module.ModuleId;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The registry's records in the beacon chain's authenticated state, under module id {@link
 * #MODULE_ID}: {@code 0x01 ‖ account(20)} → {@link Issuer}, {@code 0x02 ‖ schema id} → {@link
 * Schema}; listing indexes {@code 0x03} → issuer count, {@code 0x04 ‖ seq(8)} → account, {@code
 * 0x05} → schema count, {@code 0x06 ‖ seq(8)} → schema id. Each record has an inclusion proof
 * through {@code WorldState.proveModuleValue(root, MODULE_ID, key)}.
 */
public final class RegistryState {
  /** The module id that namespaces the registry's state keys. */
  public static final ModuleId ID = ModuleId.of("datasharing.registry");

  /** {@link #ID} as the state-key namespace. */
  public static final Bytes MODULE_ID = ID.bytes();

  private static final byte ISSUER = 0x01;
  private static final byte SCHEMA = 0x02;
  private static final byte ISSUER_COUNT = 0x03;
  private static final byte ISSUER_ENTRY = 0x04;
  private static final byte SCHEMA_COUNT = 0x05;
  private static final byte SCHEMA_ENTRY = 0x06;

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

  /**
   * Registered issuers' accounts in registration order, from {@code offset}, at most {@code limit}.
   */
  public static List<Address> issuers(StateView state, long offset, int limit) {
    List<Address> out = new ArrayList<>();
    for (Bytes b : list(state, ISSUER_COUNT, ISSUER_ENTRY, offset, limit)) {
      out.add(Address.of(b));
    }
    return out;
  }

  /** Schema ids in creation order, from {@code offset}, at most {@code limit}. */
  public static List<SchemaId> schemas(StateView state, long offset, int limit) {
    List<SchemaId> out = new ArrayList<>();
    for (Bytes b : list(state, SCHEMA_COUNT, SCHEMA_ENTRY, offset, limit)) {
      out.add(SchemaId.fromBytes(b));
    }
    return out;
  }

  static void insert(StateWriter state, Issuer issuer) {
    put(state, issuer);
    append(state, ISSUER_COUNT, ISSUER_ENTRY, issuer.account().toBytes());
  }

  static void insert(StateWriter state, Schema schema) {
    put(state, schema);
    append(state, SCHEMA_COUNT, SCHEMA_ENTRY, schema.id().toBytes());
  }

  private static void append(StateWriter state, byte countTag, byte entryTag, Bytes value) {
    long n = count(state, countTag);
    state.putModuleValue(MODULE_ID, Bytes.concat(Bytes.of(entryTag), u64(n)), value);
    state.putModuleValue(MODULE_ID, Bytes.of(countTag), u64(n + 1));
  }

  private static List<Bytes> list(
      StateView state, byte countTag, byte entryTag, long offset, int limit) {
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit must not be negative");
    }
    long n = count(state, countTag);
    List<Bytes> out = new ArrayList<>();
    for (long i = offset; i < n && out.size() < limit; i++) {
      state.moduleValue(MODULE_ID, Bytes.concat(Bytes.of(entryTag), u64(i))).ifPresent(out::add);
    }
    return out;
  }

  private static long count(StateView state, byte countTag) {
    return state
        .moduleValue(MODULE_ID, Bytes.of(countTag))
        .map(b -> ByteBuffer.wrap(b.toArray()).getLong())
        .orElse(0L);
  }

  private static Bytes u64(long v) {
    return Bytes.of(ByteBuffer.allocate(8).putLong(v).array());
  }

  static void put(StateWriter state, Issuer issuer) {
    state.putModuleValue(MODULE_ID, issuerKey(issuer.account()), issuer.encode());
  }

  static void put(StateWriter state, Schema schema) {
    state.putModuleValue(MODULE_ID, schemaKey(schema.id()), schema.encode());
  }
}
