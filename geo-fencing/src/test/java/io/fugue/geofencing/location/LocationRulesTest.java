package io.fugue.geofencing.location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.crypto.BlsPublicKey;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.p2p.PeerId;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.geofencing.GeoFencingException;
import io.fugue.geofencing.MapState;
import io.fugue.geofencing.TestKeys;
import io.fugue.geofencing.ledger.ComplianceGovernance;
import io.fugue.geofencing.policy.CountryCode;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocationRulesTest {
  static final long CHAIN = 7;
  static final Address GOV_A = addr(1);
  static final Address GOV_B = addr(2);
  static final PeerId PEER_1 = PeerId.of("12D3KooWPeerA");
  static final PeerId PEER_2 = PeerId.of("12D3KooWPeerB");

  final Secp256k1PrivateKey attestor = Secp256k1PrivateKey.generate(new SecureRandom());
  final Secp256k1PrivateKey rogue = Secp256k1PrivateKey.generate(new SecureRandom());
  final LocationRules rules =
      new LocationRules(new ComplianceGovernance(List.of(GOV_A, GOV_B), 2, 2));
  final MapState state = new MapState();
  long height = 5;

  static Address addr(int i) {
    byte[] b = new byte[Address.SIZE];
    b[19] = (byte) i;
    return Address.of(b);
  }

  static BlsPublicKey bls(int seed) {
    return TestKeys.bls(seed);
  }

  private void ok(Address sender, LocationTx tx) {
    rules.apply(tx, sender, state, height++, CHAIN);
  }

  private String refused(Address sender, LocationTx tx) {
    Map<Bytes, Bytes> before = state.snapshot();
    String reason = rules.check(tx, sender, state, height, CHAIN).orElseThrow();
    assertThatThrownBy(() -> rules.apply(tx, sender, state, height, CHAIN))
        .isInstanceOf(GeoFencingException.class)
        .hasMessage(reason);
    assertThat(state.snapshot()).isEqualTo(before);
    return reason;
  }

  private LocationClaim claim(PeerId peer, int key, String country, long until) {
    return LocationClaim.sign(
        peer, List.of(bls(key)), CountryCode.of(country), until, CHAIN, attestor);
  }

  @BeforeEach
  void registerAttestor() {
    ok(GOV_A, new LocationTx.NominateAttestor(attestor.address()));
    assertThat(LocationState.isAttestor(state, attestor.address())).isFalse();
    ok(GOV_B, new LocationTx.NominateAttestor(attestor.address()));
    assertThat(LocationState.isAttestor(state, attestor.address())).isTrue();
  }

  @Test
  void shouldPublishAClaimAndBindItsKeysToThePeer() {
    LocationClaim c = claim(PEER_1, 1, "DE", 100);
    ok(addr(50), new LocationTx.Publish(c));
    assertThat(LocationRules.validClaim(state, PEER_1, height)).contains(c);
    assertThat(LocationState.peerOf(state, bls(1))).contains(PEER_1);
    assertThat(LocationState.peers(state, 0, 10)).containsExactly(PEER_1);
    assertThat(LocationRules.validClaim(state, PEER_1, 100)).as("expired at 100").isEmpty();
    ok(addr(50), new LocationTx.Publish(claim(PEER_1, 2, "FR", 200)));
    assertThat(LocationState.peerOf(state, bls(1))).as("old key unbound").isEmpty();
    assertThat(LocationState.peerOf(state, bls(2))).contains(PEER_1);
  }

  @Test
  void shouldRefuseClaimsNotSignedByAnAttestorForThisChainOrExpiredOrStealingKeys() {
    LocationClaim forged =
        LocationClaim.sign(PEER_1, List.of(bls(1)), CountryCode.of("DE"), 100, CHAIN, rogue);
    assertThat(refused(GOV_A, new LocationTx.Publish(forged))).contains("not signed by");
    LocationClaim otherChain =
        LocationClaim.sign(PEER_1, List.of(bls(1)), CountryCode.of("DE"), 100, 8, attestor);
    assertThat(refused(GOV_A, new LocationTx.Publish(otherChain))).contains("not signed by");
    assertThat(refused(GOV_A, new LocationTx.Publish(claim(PEER_1, 1, "DE", height))))
        .contains("expired");
    ok(GOV_A, new LocationTx.Publish(claim(PEER_1, 1, "DE", 100)));
    assertThat(refused(GOV_A, new LocationTx.Publish(claim(PEER_2, 1, "DE", 100))))
        .contains("is bound to peer " + PEER_1);
  }

  @Test
  void shouldRevokeByTheAttestorOrGovernanceOnly() {
    ok(GOV_A, new LocationTx.Publish(claim(PEER_1, 1, "DE", 100)));
    assertThat(refused(addr(60), new LocationTx.Revoke(PEER_1))).contains("only the claim's");
    ok(attestor.address(), new LocationTx.Revoke(PEER_1));
    assertThat(LocationRules.validClaim(state, PEER_1, height)).isEmpty();
    assertThat(LocationState.peerOf(state, bls(1))).isEmpty();
    assertThat(refused(GOV_A, new LocationTx.Revoke(PEER_1))).contains("no current");
  }

  @Test
  void shouldRoundTripAndRefuseTamperedClaims() {
    LocationClaim c = claim(PEER_1, 1, "DE", 100);
    LocationTx p = new LocationTx.Publish(c);
    assertThat(LocationTx.decode(p.type(), p.body())).isEqualTo(p);
    assertThat(c.signer(CHAIN)).contains(attestor.address());
    LocationClaim moved =
        new LocationClaim(c.peer(), c.blsKeys(), CountryCode.of("US"), 100, c.signature());
    assertThat(moved.signer(CHAIN)).isNotEqualTo(c.signer(CHAIN));
    assertThat(refused(GOV_A, new LocationTx.Publish(moved))).contains("not signed by");
  }
}
