package io.fugue.datasharing.registry;

import io.fugue.chain.codec.RlpItem;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.ledger.UnsignedTransaction;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.datasharing.Codecs;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.DataSharingTypes;
import io.fugue.datasharing.Text;
import io.fugue.zk.BitSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The bodies of the registry's transactions on the beacon chain. The sender of the enclosing signed
 * transaction is the actor: the registering account, the approving or suspending governance member,
 * the schema's creator.
 */
public sealed interface RegistryTx {
  /** The transaction type byte. */
  int type();

  /** The body as the transaction carries it. */
  RlpList body();

  /** An unsigned beacon-chain transaction carrying this body. */
  default UnsignedTransaction unsigned(long chainId, long nonce, Uint256 fee) {
    return new UnsignedTransaction(type(), chainId, nonce, ShardId.BEACON, fee, body());
  }

  /** The sender asks to become an issuer. */
  record Register(String name, String contact) implements RegistryTx {
    public Register {
      Text.check(name, "issuer name", 1, Issuer.MAX_NAME_BYTES);
      Text.check(contact, "issuer contact", 0, Issuer.MAX_CONTACT_BYTES);
    }

    @Override
    public int type() {
      return DataSharingTypes.ISSUER_REGISTER;
    }

    @Override
    public RlpList body() {
      return RlpList.of(Text.field(name), Text.field(contact));
    }
  }

  /** A governance member approves {@code issuer}, or votes to reinstate it when suspended. */
  record Approve(Address issuer) implements RegistryTx {
    public Approve {
      Objects.requireNonNull(issuer, "issuer");
    }

    @Override
    public int type() {
      return DataSharingTypes.ISSUER_APPROVE;
    }

    @Override
    public RlpList body() {
      return RlpList.of(RlpString.of(issuer));
    }
  }

  /** A governance member suspends {@code issuer}; {@code reason} is public, so no personal data. */
  record Suspend(Address issuer, String reason) implements RegistryTx {
    public static final int MAX_REASON_BYTES = 256;

    public Suspend {
      Objects.requireNonNull(issuer, "issuer");
      Text.check(reason, "suspension reason", 0, MAX_REASON_BYTES);
    }

    @Override
    public int type() {
      return DataSharingTypes.ISSUER_SUSPEND;
    }

    @Override
    public RlpList body() {
      return RlpList.of(RlpString.of(issuer), Text.field(reason));
    }
  }

  /** Creates a schema; the sender becomes its creator. */
  record CreateSchema(
      SchemaId id, String attribute, String unit, int scale, BitSize bits, List<Address> allowed)
      implements RegistryTx {
    public CreateSchema {
      allowed = List.copyOf(allowed);
      // Validates every field the way the stored record will.
      new Schema(id, attribute, unit, scale, bits, allowed, Address.ZERO);
    }

    /** The schema this creates when {@code creator} sends it. */
    public Schema schema(Address creator) {
      return new Schema(id, attribute, unit, scale, bits, allowed, creator);
    }

    @Override
    public int type() {
      return DataSharingTypes.SCHEMA_CREATE;
    }

    @Override
    public RlpList body() {
      List<RlpItem> issuers = new ArrayList<>();
      allowed.forEach(a -> issuers.add(RlpString.of(a)));
      return RlpList.of(
          RlpString.of(id.toBytes()),
          Text.field(attribute),
          Text.field(unit),
          RlpString.ofUint(scale),
          RlpString.ofUint(bits.bits()),
          new RlpList(issuers));
    }
  }

  /** The transaction types this body family uses. */
  static List<Integer> types() {
    return List.of(
        DataSharingTypes.ISSUER_REGISTER,
        DataSharingTypes.ISSUER_APPROVE,
        DataSharingTypes.ISSUER_SUSPEND,
        DataSharingTypes.SCHEMA_CREATE);
  }

  /** Decodes a body strictly; throws {@link DataSharingException} naming the defect. */
  static RegistryTx decode(int type, RlpList body) {
    return Codecs.reading(
        "registry transaction body",
        () ->
            switch (type) {
              case DataSharingTypes.ISSUER_REGISTER -> {
                body.expectSize(2, "issuer registration");
                yield new Register(
                    Text.read(body.string(0), "issuer name", 1, Issuer.MAX_NAME_BYTES),
                    Text.read(body.string(1), "issuer contact", 0, Issuer.MAX_CONTACT_BYTES));
              }
              case DataSharingTypes.ISSUER_APPROVE ->
                  new Approve(body.expectSize(1, "issuer approval").string(0).asAddress());
              case DataSharingTypes.ISSUER_SUSPEND -> {
                body.expectSize(2, "issuer suspension");
                yield new Suspend(
                    body.string(0).asAddress(),
                    Text.read(body.string(1), "suspension reason", 0, Suspend.MAX_REASON_BYTES));
              }
              case DataSharingTypes.SCHEMA_CREATE -> createSchema(body);
              default -> throw new DataSharingException("not a registry transaction type: " + type);
            });
  }

  private static CreateSchema createSchema(RlpList body) {
    body.expectSize(6, "schema creation");
    List<RlpItem> withCreator = new ArrayList<>(body.items());
    withCreator.add(RlpString.of(Address.ZERO));
    Schema s = Schema.fromFields(new RlpList(withCreator));
    return new CreateSchema(
        s.id(), s.attribute(), s.unit(), s.scale(), s.bits(), s.allowedIssuers());
  }
}
