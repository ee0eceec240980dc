package io.fugue.datasharing.identity;

import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.datasharing.Codecs;
import java.util.List;

/**
 * A DID's state record: RLP [id(16), controller(20), [method...], [service...], version, created,
 * updated, deactivated]. {@code version} starts at 1 and grows by one per update or deactivation;
 * times are block timestamps (ms).
 */
public record DidRecord(
    DidId id,
    Address controller,
    List<VerificationMethod> methods,
    List<Service> services,
    long version,
    long created,
    long updated,
    boolean deactivated) {
  public DidRecord {
    methods = List.copyOf(methods);
    services = List.copyOf(services);
  }

  public Bytes encode() {
    return Rlp.encode(
        RlpList.of(
            RlpString.of(id.bytes()),
            RlpString.of(controller),
            Fragments.encodeList(methods, VerificationMethod::encode),
            Fragments.encodeList(services, Service::encode),
            RlpString.ofUint(version),
            RlpString.ofUint(created),
            RlpString.ofUint(updated),
            RlpString.of(deactivated)));
  }

  public static DidRecord decode(Bytes encoded) {
    return Codecs.decoding(
        "DID record",
        encoded,
        l -> {
          l.expectSize(8, "DID record");
          return new DidRecord(
              new DidId(l.string(0).asBytes(DidId.BYTES)),
              l.string(1).asAddress(),
              Fragments.decodeList(l.list(2), VerificationMethod::decode),
              Fragments.decodeList(l.list(3), Service::decode),
              l.string(4).asUint64(),
              l.string(5).asUint64(),
              l.string(6).asUint64(),
              l.string(7).asBoolean());
        });
  }
}
