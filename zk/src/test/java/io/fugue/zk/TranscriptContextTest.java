package io.fugue.zk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TranscriptContextTest {

  @Test
  void shouldFrameEveryPartWithItsLengthSoThatSplitsDiffer() {
    TranscriptContext ab = TranscriptContext.ofParts("l", bytes("ab"), bytes("c"));
    TranscriptContext a = TranscriptContext.ofParts("l", bytes("a"), bytes("bc"));
    assertThat(ab).isNotEqualTo(a);
    assertThat(ab.context()).containsExactly(0, 0, 0, 2, 'a', 'b', 0, 0, 0, 1, 'c');
  }

  @Test
  void shouldCopyContextBytesOnTheWayInAndOut() {
    byte[] raw = bytes("query-1");
    TranscriptContext ctx = TranscriptContext.of("fugue.query.v1", raw);
    raw[0] = 'X';
    ctx.context()[1] = 'Y';
    assertThat(ctx.context()).isEqualTo(bytes("query-1"));
    assertThat(ctx).isEqualTo(TranscriptContext.of("fugue.query.v1", bytes("query-1")));
  }

  @Test
  void shouldRejectEmptyOrOversizedLabelsAndContexts() {
    assertThatThrownBy(() -> TranscriptContext.of("", new byte[0]))
        .isInstanceOf(ZkException.class)
        .hasMessageContaining("label must be 1 to 256");
    assertThatThrownBy(() -> TranscriptContext.of("x".repeat(257), new byte[0]))
        .isInstanceOf(ZkException.class);
    assertThatThrownBy(() -> TranscriptContext.of("l", new byte[64 * 1024 + 1]))
        .isInstanceOf(ZkException.class)
        .hasMessageContaining("context must be at most");
    assertThatThrownBy(() -> TranscriptContext.of(null, new byte[0]))
        .isInstanceOf(ZkException.class);
    assertThatThrownBy(() -> TranscriptContext.ofParts("l", (byte[]) null))
        .isInstanceOf(ZkException.class);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
