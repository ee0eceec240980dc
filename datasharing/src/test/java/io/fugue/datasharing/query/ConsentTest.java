package io.fugue.datasharing.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.primitives.Hashing;
import io.fugue.datasharing.attestation.AttestationId;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentTest {
  private final SecureRandom random = new SecureRandom();

  @Test
  void shouldEncodeTheLargestConsentInExactlyItsDeclaredBound() {
    List<AttestationId> ids = new ArrayList<>();
    for (int i = 0; i < QueryRequest.MAX_ATTESTATIONS; i++) {
      ids.add(new AttestationId(Hashing.keccak256(new byte[] {(byte) i, 7})));
    }
    QueryId query = new QueryId(Hashing.keccak256(new byte[] {9}));
    Consent largest =
        Consent.sign(query, ids, Long.MAX_VALUE, Secp256k1PrivateKey.generate(random));
    assertThat(largest.encode().size()).isEqualTo(Consent.MAX_ENCODED_BYTES);
    assertThat(Consent.decode(largest.encode())).isEqualTo(largest);
  }
}
