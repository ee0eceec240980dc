package io.fugue.datasharing.registry;

import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpItem;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.datasharing.Codecs;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.Text;
import io.fugue.zk.BitSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What an attestation's committed integer means. A decimal attribute is committed as value·10^scale
 * (scale 2 and unit "USD" make 1,500,000.00 USD the integer 150,000,000). The bit size n bounds the
 * committed values and is the n of every range proof about them.
 *
 * @param id the schema's unique id
 * @param attribute what is attested, e.g. "net worth"
 * @param unit the unit of the value, e.g. "USD"
 * @param scale decimal places folded into the integer, 0 to 18
 * @param bits the bit size of values and proofs
 * @param allowedIssuers issuers whose attestations of this schema are accepted, 1 to 64
 * @param creator the governance member or issuer that created the schema
 */
public record Schema(
    SchemaId id,
    String attribute,
    String unit,
    int scale,
    BitSize bits,
    List<Address> allowedIssuers,
    Address creator) {
  public static final int MAX_ATTRIBUTE_BYTES = 128;
  public static final int MAX_UNIT_BYTES = 32;
  public static final int MAX_SCALE = 18;
  public static final int MAX_ISSUERS = 64;

  public Schema {
    Objects.requireNonNull(id, "id");
    Text.check(attribute, "schema attribute", 1, MAX_ATTRIBUTE_BYTES);
    Text.check(unit, "schema unit", 0, MAX_UNIT_BYTES);
    if (scale < 0 || scale > MAX_SCALE) {
      throw new DataSharingException("schema scale must be 0 to " + MAX_SCALE + ", got " + scale);
    }
    Objects.requireNonNull(bits, "bits");
    allowedIssuers = List.copyOf(allowedIssuers);
    if (allowedIssuers.isEmpty() || allowedIssuers.size() > MAX_ISSUERS) {
      throw new DataSharingException(
          "a schema allows 1 to " + MAX_ISSUERS + " issuers, got " + allowedIssuers.size());
    }
    if (allowedIssuers.stream().distinct().count() != allowedIssuers.size()) {
      throw new DataSharingException("a schema's allowed issuers must be distinct");
    }
    Objects.requireNonNull(creator, "creator");
  }

  public boolean allows(Address issuer) {
    return allowedIssuers.contains(issuer);
  }

  /**
   * The largest value (and threshold) a value of this schema may have: 2^n − 1, capped at 2^63 − 1.
   */
  public long maxValue() {
    return bits == BitSize.B64 ? Long.MAX_VALUE : (1L << bits.bits()) - 1;
  }

  public Bytes encode() {
    List<RlpItem> issuers = new ArrayList<>();
    allowedIssuers.forEach(a -> issuers.add(RlpString.of(a)));
    return Rlp.encode(
        RlpList.of(
            RlpString.of(id.toBytes()),
            Text.field(attribute),
            Text.field(unit),
            RlpString.ofUint(scale),
            RlpString.ofUint(bits.bits()),
            new RlpList(issuers),
            RlpString.of(creator)));
  }

  public static Schema decode(Bytes encoded) {
    return Codecs.decoding("schema record", encoded, f -> fromFields(f.expectSize(7, "schema")));
  }

  /** Reads the seven fields of a schema (shared by the record and the create transaction). */
  static Schema fromFields(RlpList f) {
    RlpList list = f.list(5);
    List<Address> issuers = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      issuers.add(list.string(i).asAddress());
    }
    return new Schema(
        SchemaId.fromBytes(f.string(0).value()),
        Text.read(f.string(1), "schema attribute", 1, MAX_ATTRIBUTE_BYTES),
        Text.read(f.string(2), "schema unit", 0, MAX_UNIT_BYTES),
        f.string(3).asInt(),
        bitSize(f.string(4).asInt()),
        issuers,
        f.string(6).asAddress());
  }

  static BitSize bitSize(int bits) {
    try {
      return BitSize.of(bits);
    } catch (io.fugue.zk.ZkException e) {
      throw new DataSharingException("schema bit size must be 8, 16, 32 or 64, got " + bits, e);
    }
  }
}
