package io.fugue.chain.state;

import io.fugue.chain.primitives.Bytes;

/**
 * The logical keys of the state tree (the tree path is SHA-256 of the logical key). Accounts:
 * {@code 0x00 ‖ address(20)}. Ledger-module records: {@code 0x01 ‖ len(moduleId)(1) ‖ moduleId ‖
 * key}; the length byte keeps module namespaces apart ("ab"+"c" differs from "a"+"bc").
 */
public final class StateKeys {
  public static final int ADDRESS_SIZE = 20;
  public static final int MAX_MODULE_ID_SIZE = 64;
  public static final int MAX_MODULE_KEY_SIZE = 1024;

  private static final byte ACCOUNT_SPACE = 0x00;
  private static final byte MODULE_SPACE = 0x01;

  private StateKeys() {}

  /** The logical key of the account at a 20-byte address. */
  public static Bytes account(Bytes address) {
    if (address.size() != ADDRESS_SIZE) {
      throw new IllegalArgumentException("an address is 20 bytes, got " + address.size());
    }
    return Bytes.concat(Bytes.of(ACCOUNT_SPACE), address);
  }

  /** The logical key of record {@code key} of ledger module {@code moduleId}. */
  public static Bytes module(Bytes moduleId, Bytes key) {
    if (moduleId.isEmpty() || moduleId.size() > MAX_MODULE_ID_SIZE) {
      throw new IllegalArgumentException("a module id is 1 to 64 bytes, got " + moduleId.size());
    }
    if (key.size() > MAX_MODULE_KEY_SIZE) {
      throw new IllegalArgumentException("a module key is at most 1024 bytes, got " + key.size());
    }
    return Bytes.concat(Bytes.of(MODULE_SPACE, (byte) moduleId.size()), moduleId, key);
  }
}
