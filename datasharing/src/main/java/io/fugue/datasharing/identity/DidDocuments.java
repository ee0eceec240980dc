package io.fugue.datasharing.identity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * W3C DID Core JSON of a {@link DidRecord}: the document and its document metadata, written with a
 * fixed member order so that the same record always gives the same bytes.
 *
 * <p>The controller account appears as verification method {@code #controller} of type {@code
 * EcdsaSecp256k1RecoveryMethod2020} with {@code blockchainAccountId "fugue:<chainId>:<0x
 * address>"}; every listed key is an {@code EcdsaSecp256k1VerificationKey2019} with {@code
 * publicKeyHex}, and is referenced from {@code authentication} and {@code assertionMethod}. A
 * deactivated DID resolves to a document with only {@code @context} and {@code id}.
 */
public final class DidDocuments {
  private DidDocuments() {}

  /** The DID document. */
  public static String document(DidRecord r, long chainId) {
    String did = r.id().toString();
    StringBuilder b = new StringBuilder("{");
    b.append("\"@context\":[\"https://www.w3.org/ns/did/v1\",")
        .append("\"https://w3id.org/security/suites/secp256k1-2019/v1\"],");
    b.append("\"id\":").append(str(did));
    if (r.deactivated()) {
      return b.append('}').toString();
    }
    List<String> vms = new ArrayList<>();
    vms.add(
        "{\"id\":"
            + str(did + "#controller")
            + ",\"type\":\"EcdsaSecp256k1RecoveryMethod2020\",\"controller\":"
            + str(did)
            + ",\"blockchainAccountId\":"
            + str("fugue:" + chainId + ":" + r.controller().toChecksumHex())
            + "}");
    List<String> refs = new ArrayList<>();
    refs.add(str(did + "#controller"));
    for (VerificationMethod m : r.methods()) {
      vms.add(
          "{\"id\":"
              + str(did + "#" + m.fragment())
              + ",\"type\":\"EcdsaSecp256k1VerificationKey2019\",\"controller\":"
              + str(did)
              + ",\"publicKeyHex\":"
              + str(m.publicKey().toHex())
              + "}");
      refs.add(str(did + "#" + m.fragment()));
    }
    b.append(",\"verificationMethod\":[").append(String.join(",", vms)).append(']');
    b.append(",\"authentication\":[").append(String.join(",", refs)).append(']');
    b.append(",\"assertionMethod\":[").append(String.join(",", refs)).append(']');
    if (!r.services().isEmpty()) {
      List<String> svc = new ArrayList<>();
      for (Service s : r.services()) {
        svc.add(
            "{\"id\":"
                + str(did + "#" + s.fragment())
                + ",\"type\":"
                + str(s.type())
                + ",\"serviceEndpoint\":"
                + str(s.endpoint())
                + "}");
      }
      b.append(",\"service\":[").append(String.join(",", svc)).append(']');
    }
    return b.append('}').toString();
  }

  /** DID document metadata: created, updated, versionId, deactivated. */
  public static String metadata(DidRecord r) {
    return "{\"created\":"
        + str(time(r.created()))
        + ",\"updated\":"
        + str(time(r.updated()))
        + ",\"versionId\":"
        + str(Long.toString(r.version()))
        + ",\"deactivated\":"
        + r.deactivated()
        + "}";
  }

  /** XML Schema dateTime in UTC with second precision, as DID Core asks. */
  static String time(long millis) {
    return Instant.ofEpochMilli(millis).truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** A JSON string literal. */
  static String str(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
