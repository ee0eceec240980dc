package io.fugue.chain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListRootTest {
  private static List<Bytes> items(int n) {
    List<Bytes> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(Bytes.of((byte) i, (byte) (i >>> 8)));
    }
    return out;
  }

  @Test
  void shouldGiveZeroForEmptyListAndLeafHashForOneItem() {
    assertThat(ListRoot.of(List.of())).isEqualTo(Hash32.ZERO);
    Bytes a = Bytes.fromHex("aa");
    assertThat(ListRoot.of(List.of(a)))
        .isEqualTo(
            Hashing.keccak256(Bytes.fromHex("020000000000000001"), ListRoot.leafHash(a).toBytes()));
  }

  @Test
  void shouldSplitAtTheLargestPowerOfTwoBelowTheSize() {
    List<Bytes> three = items(3);
    Hash32 l0 = ListRoot.leafHash(three.get(0));
    Hash32 l1 = ListRoot.leafHash(three.get(1));
    Hash32 l2 = ListRoot.leafHash(three.get(2));
    Hash32 tree = ListRoot.nodeHash(ListRoot.nodeHash(l0, l1), l2);
    assertThat(ListRoot.of(three))
        .isEqualTo(Hashing.keccak256(Bytes.fromHex("020000000000000003"), tree.toBytes()));
  }

  @Test
  void shouldNotConfuseListsThatBitcoinStyleTreesWouldConfuse() {
    // Duplicating the last item to fill a level would make [a, b, c] and [a, b, c, c] collide.
    List<Bytes> three = items(3);
    List<Bytes> four = new ArrayList<>(three);
    four.add(three.get(2));
    assertThat(ListRoot.of(three)).isNotEqualTo(ListRoot.of(four));
  }

  @Test
  void shouldProveEveryIndexOfEverySizeUpTo40() {
    for (int n = 1; n <= 40; n++) {
      List<Bytes> list = items(n);
      Hash32 root = ListRoot.of(list);
      for (int i = 0; i < n; i++) {
        ListRoot.Proof proof = ListRoot.prove(list, i);
        assertThat(ListRoot.verify(root, list.get(i), proof)).as("n=%d i=%d", n, i).isTrue();
      }
    }
  }

  @Test
  void shouldRejectProofForWrongItemIndexSizeOrRoot() {
    List<Bytes> list = items(11);
    Hash32 root = ListRoot.of(list);
    ListRoot.Proof proof = ListRoot.prove(list, 6);
    assertThat(ListRoot.verify(root, list.get(5), proof)).isFalse();
    assertThat(ListRoot.verify(root, list.get(6), new ListRoot.Proof(7, 11, proof.path())))
        .isFalse();
    assertThat(ListRoot.verify(root, list.get(6), new ListRoot.Proof(6, 12, proof.path())))
        .isFalse();
    assertThat(ListRoot.verify(ListRoot.of(items(12)), list.get(6), proof)).isFalse();
    List<Hash32> shorter = proof.path().subList(0, proof.path().size() - 1);
    assertThat(ListRoot.verify(root, list.get(6), new ListRoot.Proof(6, 11, shorter))).isFalse();
  }

  @Test
  void shouldBindTheListSizeSoAProofCannotClaimAnotherPosition() {
    // Unbound RFC 9162 roots let [X] prove item 1 of 2 and item 2 of 3 alike; size binding stops
    // it.
    List<Bytes> two = items(2);
    Hash32 root = ListRoot.of(two);
    ListRoot.Proof proof = ListRoot.prove(two, 1);
    assertThat(ListRoot.verify(root, two.get(1), proof)).isTrue();
    assertThat(ListRoot.verify(root, two.get(1), new ListRoot.Proof(2, 3, proof.path()))).isFalse();
  }

  @Test
  void shouldRoundTripProofsAndRejectMalformedOnes() {
    List<Bytes> list = items(13);
    ListRoot.Proof proof = ListRoot.prove(list, 9);
    ListRoot.Proof decoded = ListRoot.Proof.decode(proof.encode());
    assertThat(decoded).isEqualTo(proof);
    assertThat(ListRoot.verify(ListRoot.of(list), list.get(9), decoded)).isTrue();
    Bytes outOfRange = new ListRoot.Proof(0, 1, List.of()).encode();
    byte[] raw = outOfRange.toArray();
    raw[2] = 0x05; // index 5 in a list of 1
    assertThatThrownBy(() -> ListRoot.Proof.decode(Bytes.of(raw)))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("outside");
    assertThatThrownBy(
            () -> ListRoot.Proof.decode(Bytes.concat(proof.encode(), Bytes.of((byte) 0))))
        .isInstanceOf(CodecException.class);
  }

  @Test
  void shouldChangeRootWhenOrderChanges() {
    List<Bytes> list = items(5);
    List<Bytes> swapped = new ArrayList<>(list);
    swapped.set(0, list.get(1));
    swapped.set(1, list.get(0));
    assertThat(ListRoot.of(swapped)).isNotEqualTo(ListRoot.of(list));
  }
}
