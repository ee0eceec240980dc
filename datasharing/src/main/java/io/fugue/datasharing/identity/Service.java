package io.fugue.datasharing.identity;

import io.fugue.chain.codec.RlpList;
import io.fugue.datasharing.Text;
import java.net.URI;
import java.net.URISyntaxException;

/** A service of a DID document: fragment, type and an absolute https/http endpoint URI. */
public record Service(String fragment, String type, String endpoint) {
  public static final int MAX_TYPE_BYTES = 64;
  public static final int MAX_ENDPOINT_BYTES = 512;

  public Service {
    Fragments.check(fragment, "service id");
    Text.check(type, "service type", 1, MAX_TYPE_BYTES);
    Text.check(endpoint, "service endpoint", 1, MAX_ENDPOINT_BYTES);
    try {
      URI uri = new URI(endpoint);
      if (!uri.isAbsolute()
          || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw new IllegalArgumentException("service endpoint must be an absolute http(s) URI");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("service endpoint is not a URI", e);
    }
  }

  RlpList encode() {
    return RlpList.of(Text.field(fragment), Text.field(type), Text.field(endpoint));
  }

  static Service decode(RlpList l) {
    l.expectSize(3, "service");
    return new Service(
        Text.read(l.string(0), "service id", 1, Fragments.MAX_BYTES),
        Text.read(l.string(1), "service type", 1, MAX_TYPE_BYTES),
        Text.read(l.string(2), "service endpoint", 1, MAX_ENDPOINT_BYTES));
  }
}
