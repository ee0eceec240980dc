package io.fugue.chain.codec;

/** A node of an RLP tree: a byte string or a list of items. */
public sealed interface RlpItem permits RlpString, RlpList {
  /** Size of this item's encoding, header included. */
  int encodedSize();

  default RlpString asString() {
    if (this instanceof RlpString s) {
      return s;
    }
    throw new CodecException("expected an RLP string, found a list");
  }

  default RlpList asList() {
    if (this instanceof RlpList l) {
      return l;
    }
    throw new CodecException("expected an RLP list, found a string");
  }
}
