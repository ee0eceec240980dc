package io.fugue.api.node;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.Digest;
import io.fugue.api.model.HexBytes;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;

/** Conversions between the API's wire values and the chain's primitives. */
final class Convert {
  private Convert() {}

  static Address address(AccountAddress a) {
    return Address.of(a.bytes().toArray());
  }

  static AccountAddress address(Address a) {
    return new AccountAddress(HexBytes.of(a.toBytes().toArray()));
  }

  static Hash32 hash(Digest d) {
    return Hash32.of(d.bytes().toArray());
  }

  static Digest digest(Hash32 h) {
    return new Digest(HexBytes.of(h.toBytes().toArray()));
  }

  static Bytes bytes(HexBytes h) {
    return Bytes.of(h.toArray());
  }

  static HexBytes hex(Bytes b) {
    return HexBytes.of(b.toArray());
  }

  /** Block times are milliseconds on chain and seconds on the wire. */
  static long seconds(long millis) {
    return Math.floorDiv(millis, 1000L);
  }
}
