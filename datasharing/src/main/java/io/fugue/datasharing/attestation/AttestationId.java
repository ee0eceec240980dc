package io.fugue.datasharing.attestation;

import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.ShardId;
import io.fugue.datasharing.registry.SchemaId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * An attestation's id: keccak-256 of {@code "fugue.attestation.v1" ‖ shard(2) ‖ issuer(20) ‖
 * nonce(8) ‖ keccak(subject) ‖ schema id}, where nonce is the publishing transaction's nonce. The
 * issuer knows the id before sending, every node derives the same one, and an issuer's account
 * nonce never repeats on a shard, so ids never collide.
 */
public record AttestationId(Hash32 value) {
  private static final Bytes DOMAIN =
      Bytes.of("fugue.attestation.v1".getBytes(StandardCharsets.US_ASCII));

  public AttestationId {
    Objects.requireNonNull(value, "value");
  }

  public static AttestationId derive(
      ShardId shard, Address issuer, long nonce, Subject subject, SchemaId schema) {
    Bytes fixed =
        Bytes.of(ByteBuffer.allocate(10).putShort((short) shard.value()).putLong(nonce).array());
    return new AttestationId(
        Hashing.keccak256(
            DOMAIN,
            fixed.slice(0, 2),
            issuer.toBytes(),
            fixed.slice(2, 8),
            Hashing.keccak256(subject.value()).toBytes(),
            schema.toBytes()));
  }

  public static AttestationId fromHex(String hex) {
    return new AttestationId(Hash32.fromHex(hex));
  }

  public Bytes toBytes() {
    return value.toBytes();
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
