package io.fugue.datasharing.identity;

import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.ledger.UnsignedTransaction;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.datasharing.Codecs;
import io.fugue.datasharing.DataSharingException;
import io.fugue.datasharing.DataSharingTypes;
import java.util.List;
import java.util.Objects;

/**
 * The bodies of the DID transactions on the beacon chain. The sender of the enclosing signed
 * (secp256k1) transaction is the actor: the creator becomes the controller; only the current
 * controller may update or deactivate.
 */
public sealed interface DidTx {
  int type();

  RlpList body();

  default UnsignedTransaction unsigned(long chainId, long nonce, Uint256 fee) {
    return new UnsignedTransaction(type(), chainId, nonce, ShardId.BEACON, fee, body());
  }

  /** Body: [[method...], [service...]]. */
  record Create(List<VerificationMethod> methods, List<Service> services) implements DidTx {
    public Create {
      methods = List.copyOf(methods);
      services = List.copyOf(services);
      Fragments.checkDistinct(methods, services);
    }

    @Override
    public int type() {
      return DataSharingTypes.DID_CREATE;
    }

    @Override
    public RlpList body() {
      return RlpList.of(
          Fragments.encodeList(methods, VerificationMethod::encode),
          Fragments.encodeList(services, Service::encode));
    }
  }

  /** Body: [id(16), controller(20), [method...], [service...]]; replaces the whole document. */
  record Update(
      DidId id, Address controller, List<VerificationMethod> methods, List<Service> services)
      implements DidTx {
    public Update {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(controller, "controller");
      methods = List.copyOf(methods);
      services = List.copyOf(services);
      Fragments.checkDistinct(methods, services);
    }

    @Override
    public int type() {
      return DataSharingTypes.DID_UPDATE;
    }

    @Override
    public RlpList body() {
      return RlpList.of(
          RlpString.of(id.bytes()),
          RlpString.of(controller),
          Fragments.encodeList(methods, VerificationMethod::encode),
          Fragments.encodeList(services, Service::encode));
    }
  }

  /** Body: [id(16)]. */
  record Deactivate(DidId id) implements DidTx {
    public Deactivate {
      Objects.requireNonNull(id, "id");
    }

    @Override
    public int type() {
      return DataSharingTypes.DID_DEACTIVATE;
    }

    @Override
    public RlpList body() {
      return RlpList.of(RlpString.of(id.bytes()));
    }
  }

  static List<Integer> types() {
    return List.of(
        DataSharingTypes.DID_CREATE, DataSharingTypes.DID_UPDATE, DataSharingTypes.DID_DEACTIVATE);
  }

  /** Decodes a body strictly; throws {@link DataSharingException} naming the defect. */
  static DidTx decode(int type, RlpList body) {
    return Codecs.reading(
        "DID transaction body",
        () ->
            switch (type) {
              case DataSharingTypes.DID_CREATE -> {
                body.expectSize(2, "DID creation");
                yield new Create(
                    Fragments.decodeList(body.list(0), VerificationMethod::decode),
                    Fragments.decodeList(body.list(1), Service::decode));
              }
              case DataSharingTypes.DID_UPDATE -> {
                body.expectSize(4, "DID update");
                yield new Update(
                    new DidId(body.string(0).asBytes(DidId.BYTES)),
                    body.string(1).asAddress(),
                    Fragments.decodeList(body.list(2), VerificationMethod::decode),
                    Fragments.decodeList(body.list(3), Service::decode));
              }
              case DataSharingTypes.DID_DEACTIVATE ->
                  new Deactivate(
                      new DidId(
                          body.expectSize(1, "DID deactivation").string(0).asBytes(DidId.BYTES)));
              default -> throw new DataSharingException("not a DID transaction type: " + type);
            });
  }
}
