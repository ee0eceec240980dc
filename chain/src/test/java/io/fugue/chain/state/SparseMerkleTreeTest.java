package io.fugue.chain.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.storage.Durability;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.storage.KvTransaction;
import io.fugue.chain.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SparseMerkleTreeTest {
  private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
  private final SparseMerkleTree tree = new SparseMerkleTree(store);

  static Bytes s(String text) {
    return Bytes.of(text.getBytes(StandardCharsets.UTF_8));
  }

  private Hash32 apply(Hash32 root, Map<Bytes, Optional<Bytes>> writes) {
    try (KvTransaction tx = store.startTransaction()) {
      Hash32 next = tree.update(root, writes, tx);
      tx.commit(Durability.BUFFERED);
      return next;
    }
  }

  @Test
  void shouldHaveZeroRootWhenEmpty() {
    assertThat(apply(SparseMerkleTree.EMPTY_ROOT, Map.of())).isEqualTo(Hash32.ZERO);
    assertThat(apply(SparseMerkleTree.EMPTY_ROOT, Map.of(s("a"), Optional.empty())))
        .isEqualTo(Hash32.ZERO);
  }

  @Test
  void shouldUseTheLeafHashAsRootOfASingleKey() {
    Hash32 root = apply(SparseMerkleTree.EMPTY_ROOT, Map.of(s("a"), Optional.of(s("1"))));
    assertThat(root)
        .isEqualTo(
            TreeHashing.leafHash(TreeHashing.keyHash(s("a")), TreeHashing.valueHash(s("1"))));
  }

  @Test
  void shouldMatchAnIndependentSha256ComputationForTwoKeys() throws Exception {
    // Hand-computed from the definition with the JDK digest only: the keys "a" and "b" hash to
    // 0xca97... and 0x3e23..., which differ in the first bit, so the root is a branch of two
    // leaves.
    java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
    byte[] ka = sha.digest(s("a").toArray());
    byte[] kb = sha.digest(s("b").toArray());
    assertThat(ka[0] & 0x80).isNotZero();
    assertThat(kb[0] & 0x80).isZero();
    byte[] la =
        sha.digest(
            Bytes.concat(Bytes.of((byte) 0), Bytes.of(ka), Bytes.of(sha.digest(s("1").toArray())))
                .toArray());
    byte[] lb =
        sha.digest(
            Bytes.concat(Bytes.of((byte) 0), Bytes.of(kb), Bytes.of(sha.digest(s("2").toArray())))
                .toArray());
    byte[] root =
        sha.digest(Bytes.concat(Bytes.of((byte) 1), Bytes.of(lb), Bytes.of(la)).toArray());
    Map<Bytes, Optional<Bytes>> writes = new LinkedHashMap<>();
    writes.put(s("a"), Optional.of(s("1")));
    writes.put(s("b"), Optional.of(s("2")));
    assertThat(apply(SparseMerkleTree.EMPTY_ROOT, writes)).isEqualTo(Hash32.of(root));
  }

  @Test
  void shouldKeepOldRootsReadable() {
    Hash32 r1 =
        apply(
            SparseMerkleTree.EMPTY_ROOT,
            Map.of(s("a"), Optional.of(s("1")), s("b"), Optional.of(s("2"))));
    Hash32 r2 = apply(r1, Map.of(s("a"), Optional.of(s("9")), s("b"), Optional.empty()));
    assertThat(tree.get(r1, s("a"))).contains(s("1"));
    assertThat(tree.get(r1, s("b"))).contains(s("2"));
    assertThat(tree.get(r2, s("a"))).contains(s("9"));
    assertThat(tree.get(r2, s("b"))).isEmpty();
    assertThat(tree.prove(r1, s("b")).verify(r1, s("b"), Optional.of(s("2")))).isTrue();
  }

  @Test
  void shouldReturnToTheEmptyRootWhenEverythingIsDeleted() {
    Map<Bytes, Optional<Bytes>> puts = new HashMap<>();
    Map<Bytes, Optional<Bytes>> deletes = new HashMap<>();
    for (int i = 0; i < 50; i++) {
      puts.put(s("k" + i), Optional.of(s("v" + i)));
      deletes.put(s("k" + i), Optional.empty());
    }
    Hash32 full = apply(SparseMerkleTree.EMPTY_ROOT, puts);
    assertThat(full).isNotEqualTo(Hash32.ZERO);
    assertThat(apply(full, deletes)).isEqualTo(Hash32.ZERO);
  }

  @Test
  void shouldCollapseToTheRemainingLeafAfterADelete() {
    Hash32 two =
        apply(
            SparseMerkleTree.EMPTY_ROOT,
            Map.of(s("a"), Optional.of(s("1")), s("b"), Optional.of(s("2"))));
    Hash32 one = apply(two, Map.of(s("b"), Optional.empty()));
    assertThat(one)
        .isEqualTo(apply(SparseMerkleTree.EMPTY_ROOT, Map.of(s("a"), Optional.of(s("1")))));
  }

  @Test
  void shouldNotMakeARolledBackRootReadable() {
    Hash32 root;
    try (KvTransaction tx = store.startTransaction()) {
      root =
          tree.update(
              SparseMerkleTree.EMPTY_ROOT,
              Map.of(s("a"), Optional.of(s("1")), s("b"), Optional.of(s("2"))),
              tx);
      tx.rollback();
    }
    assertThatThrownBy(() -> tree.get(root, s("a"))).isInstanceOf(StorageException.class);
    Hash32 committed =
        apply(
            SparseMerkleTree.EMPTY_ROOT,
            Map.of(s("a"), Optional.of(s("1")), s("b"), Optional.of(s("2"))));
    assertThat(committed).isEqualTo(root);
    assertThat(new SparseMerkleTree(store, 0).get(root, s("b"))).contains(s("2"));
    assertThat(tree.get(root, s("a"))).contains(s("1"));
  }

  @Test
  void shouldRejectOversizeProofBeforeParsingIt() {
    Bytes huge = Bytes.of(new byte[StateProof.MAX_ENCODED_SIZE + 1]);
    assertThatThrownBy(() -> StateProof.decode(huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceeds");
  }

  @Test
  void shouldEncodeAFullDepthProofWithinTheLimit() {
    java.util.List<Hash32> siblings =
        java.util.Collections.nCopies(256, Hash32.fromHex("ab".repeat(32)));
    StateProof deepest =
        new StateProof(siblings, Optional.of(new StateProof.LeafRef(Hash32.ZERO, Hash32.ZERO)));
    assertThat(deepest.encode().size()).isEqualTo(StateProof.MAX_ENCODED_SIZE);
    assertThat(StateProof.decode(deepest.encode())).isEqualTo(deepest);
  }

  @Test
  void shouldFailClearlyOnAnUnknownRoot() {
    Hash32 unknown = Hash32.fromHex("11".repeat(32));
    assertThatThrownBy(() -> tree.get(unknown, s("a")))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("missing state node");
  }

  @Test
  void shouldProveExclusionByAnotherLeafAndByAnEmptySubtree() {
    Map<Bytes, Optional<Bytes>> writes = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      writes.put(s("k" + i), Optional.of(s("v" + i)));
    }
    Hash32 root = apply(SparseMerkleTree.EMPTY_ROOT, writes);
    boolean sawLeaf = false;
    boolean sawEmpty = false;
    for (int i = 100; i < 200; i++) {
      StateProof proof = tree.prove(root, s("k" + i));
      assertThat(proof.verify(root, s("k" + i), Optional.empty())).isTrue();
      assertThat(proof.verify(root, s("k" + i), Optional.of(s("v")))).isFalse();
      sawLeaf |= proof.terminal().isPresent();
      sawEmpty |= proof.terminal().isEmpty();
    }
    assertThat(sawLeaf).isTrue();
    assertThat(sawEmpty).isTrue();
  }
}
