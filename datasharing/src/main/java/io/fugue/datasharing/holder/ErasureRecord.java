package io.fugue.datasharing.holder;

import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.datasharing.Codecs;
import io.fugue.datasharing.attestation.AttestationId;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Evidence that the vault erased an opening (GDPR Art. 17), without personal data: only the erasure
 * id keccak("fugue.erasure.v1" ‖ holder ‖ attestation id), which the holder (who knows both) can
 * recompute to check that the erasure happened, and the time.
 */
public record ErasureRecord(Hash32 erasureId, long erasedAt) {
  private static final Bytes DOMAIN =
      Bytes.of("fugue.erasure.v1".getBytes(StandardCharsets.US_ASCII));

  public ErasureRecord {
    Objects.requireNonNull(erasureId, "erasureId");
    if (erasedAt < 0) {
      throw new IllegalArgumentException("erasedAt must not be negative");
    }
  }

  public static Hash32 idOf(Address holder, AttestationId attestation) {
    return Hashing.keccak256(DOMAIN, holder.toBytes(), attestation.toBytes());
  }

  public Bytes encode() {
    return Rlp.encode(RlpList.of(RlpString.of(erasureId), RlpString.ofUint(erasedAt)));
  }

  public static ErasureRecord decode(Bytes encoded) {
    return Codecs.decoding(
        "erasure record",
        encoded,
        f -> {
          f.expectSize(2, "erasure record");
          return new ErasureRecord(f.string(0).asHash32(), f.string(1).asUint64());
        });
  }
}
