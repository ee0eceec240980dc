/**
 * The canonical binary codec: strict RLP ({@link io.fugue.chain.codec.Rlp}) with limits on
 * untrusted input ({@link io.fugue.chain.codec.CodecLimits}) and a type/version byte in front of
 * typed objects. Every value has exactly one accepted encoding.
 */
package io.fugue.chain.codec;
