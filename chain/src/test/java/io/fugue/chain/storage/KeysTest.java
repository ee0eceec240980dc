package io.fugue.chain.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.primitives.Bytes;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class KeysTest {
  @Property
  void u64KeysSortLikeUnsignedNumbers(@ForAll long a, @ForAll long b) {
    assertThat(Integer.signum(Keys.u64(a).compareTo(Keys.u64(b))))
        .isEqualTo(Integer.signum(Long.compareUnsigned(a, b)));
    assertThat(Keys.readU64(Keys.u64(a), 0)).isEqualTo(a);
  }

  @Property
  void u32KeysSortLikeUnsignedNumbers(@ForAll int a, @ForAll int b) {
    assertThat(Integer.signum(Keys.u32(a).compareTo(Keys.u32(b))))
        .isEqualTo(Integer.signum(Integer.compareUnsigned(a, b)));
    assertThat(Keys.readU32(Keys.u32(a), 0)).isEqualTo(a);
  }

  @Test
  void shouldFindTheEndOfAPrefix() {
    assertThat(Keys.prefixEnd(Bytes.fromHex("01"))).contains(Bytes.fromHex("02"));
    assertThat(Keys.prefixEnd(Bytes.fromHex("01ff"))).contains(Bytes.fromHex("02"));
    assertThat(Keys.prefixEnd(Bytes.fromHex("ffff"))).isEqualTo(Optional.empty());
    assertThat(Keys.prefixEnd(Bytes.EMPTY)).isEqualTo(Optional.empty());
  }

  @Test
  void shouldRejectReadsPastTheEnd() {
    assertThatThrownBy(() -> Keys.readU64(Bytes.fromHex("00"), 0))
        .isInstanceOf(StorageException.class);
    assertThatThrownBy(() -> Keys.readU32(Keys.u64(1), 5)).isInstanceOf(StorageException.class);
  }

  @Test
  void shouldRejectARangeThatEndsBeforeItStarts() {
    assertThatThrownBy(() -> KeyRange.between(Bytes.fromHex("02"), Bytes.fromHex("01")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldGiveEveryColumnADistinctPermanentId() {
    assertThat(java.util.Arrays.stream(Column.values()).map(Column::id).distinct().count())
        .isEqualTo(Column.values().length);
    for (Column c : Column.values()) {
      assertThat(Column.RETIRED_IDS).doesNotContain(c.id());
      assertThat(Column.byId(c.id())).contains(c);
    }
  }
}
