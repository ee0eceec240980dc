package io.fugue.datasharing.identity;

import io.fugue.chain.module.ModuleId;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import java.util.Optional;

/**
 * DID records in the beacon chain's authenticated state under module id {@code
 * datasharing.identity}: key {@code 0x01 ‖ id(16)} → {@link DidRecord}. Each record has an
 * inclusion proof through {@code WorldState.proveModuleValue(root, MODULE_ID, key)}.
 */
public final class DidState {
  public static final ModuleId ID = ModuleId.of("datasharing.identity");
  public static final Bytes MODULE_ID = ID.bytes();
  private static final byte DID = 0x01;

  private DidState() {}

  public static Bytes key(DidId id) {
    return Bytes.concat(Bytes.of(DID), id.bytes());
  }

  public static Optional<DidRecord> did(StateView state, DidId id) {
    return state.moduleValue(MODULE_ID, key(id)).map(DidRecord::decode);
  }

  static void put(StateWriter state, DidRecord record) {
    state.putModuleValue(MODULE_ID, key(record.id()), record.encode());
  }
}
