package io.fugue.geofencing.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.geofencing.GeoFencingException;
import io.fugue.geofencing.MapState;
import org.junit.jupiter.api.Test;

class AuditAnchorTest {
  static final Address NODE = addr(7);
  static final Address OTHER = addr(8);
  final MapState state = new MapState();

  static Address addr(int i) {
    byte[] b = new byte[Address.SIZE];
    b[19] = (byte) i;
    return Address.of(b);
  }

  static Hash32 hash(int i) {
    byte[] b = new byte[Hash32.SIZE];
    b[0] = (byte) i;
    return Hash32.of(b);
  }

  @Test
  void shouldRoundTripAndReadStrictly() {
    AuditAnchor a = new AuditAnchor(41, hash(3));
    assertThat(AuditAnchor.decode(a.body())).isEqualTo(a);
    RlpList shortHash = RlpList.of(RlpString.ofUint(1), RlpString.of(Bytes.of(new byte[31])));
    assertThatThrownBy(() -> AuditAnchor.decode(shortHash))
        .isInstanceOf(GeoFencingException.class)
        .hasMessageStartingWith("audit anchor");
    RlpList extra = RlpList.of(RlpString.ofUint(1), RlpString.of(hash(1)), RlpString.ofUint(0));
    assertThatThrownBy(() -> AuditAnchor.decode(extra)).isInstanceOf(GeoFencingException.class);
  }

  @Test
  void shouldRecordAnchorsPerSenderOnlyMovingForward() {
    assertThat(AuditAnchor.latest(state, NODE)).isEmpty();
    new AuditAnchor(10, hash(1)).apply(state, NODE, 100);
    assertThat(AuditAnchor.latest(state, NODE))
        .contains(new AuditAnchor.Recorded(new AuditAnchor(10, hash(1)), 100));

    assertThat(new AuditAnchor(10, hash(2)).check(state, NODE))
        .hasValueSatisfying(r -> assertThat(r).contains("already anchored entry 10"));
    assertThatThrownBy(() -> new AuditAnchor(9, hash(2)).apply(state, NODE, 101))
        .isInstanceOf(GeoFencingException.class);
    assertThat(AuditAnchor.latest(state, NODE).orElseThrow().anchor().head())
        .as("a refused anchor changes nothing")
        .isEqualTo(hash(1));

    assertThat(new AuditAnchor(0, hash(5)).check(state, OTHER)).as("another node's log").isEmpty();
    new AuditAnchor(11, hash(4)).apply(state, NODE, 102);
    assertThat(AuditAnchor.latest(state, NODE).orElseThrow().beaconHeight()).isEqualTo(102);
  }
}
