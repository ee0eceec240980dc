package io.fugue.datasharing.identity;

import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Bytes;
import io.fugue.datasharing.Text;

/**
 * A verification method of a DID document: fragment {@code #name} and a 33-byte compressed
 * secp256k1 public key (type EcdsaSecp256k1VerificationKey2019).
 */
public record VerificationMethod(String fragment, Bytes publicKey) {
  public static final int KEY_BYTES = 33;

  public VerificationMethod {
    Fragments.check(fragment, "verification method id");
    if (publicKey == null
        || publicKey.size() != KEY_BYTES
        || (publicKey.get(0) != 0x02 && publicKey.get(0) != 0x03)) {
      throw new IllegalArgumentException(
          "verification method key must be a 33-byte compressed secp256k1 key (0x02/0x03 first)");
    }
    try {
      org.bouncycastle.crypto.ec.CustomNamedCurves.getByName("secp256k1")
          .getCurve()
          .decodePoint(publicKey.toArray());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("verification method key is not a secp256k1 point", e);
    }
  }

  RlpList encode() {
    return RlpList.of(Text.field(fragment), RlpString.of(publicKey));
  }

  static VerificationMethod decode(RlpList l) {
    l.expectSize(2, "verification method");
    return new VerificationMethod(
        Text.read(l.string(0), "verification method id", 1, Fragments.MAX_BYTES),
        l.string(1).asBytes(KEY_BYTES));
  }
}
