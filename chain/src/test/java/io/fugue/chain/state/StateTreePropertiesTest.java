package io.fugue.chain.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.storage.Durability;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.storage.KvTransaction;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the state tree: determinism against the reference definition, and proofs. */
class StateTreePropertiesTest {
  /**
   * One write: key index (small, so keys repeat and get overwritten/deleted) and value or delete.
   */
  record Op(int key, Optional<Bytes> value) {}

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Optional<Bytes>> value =
        Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(Bytes::of).optional(0.8);
    return Combinators.combine(Arbitraries.integers().between(0, 60), value)
        .as(Op::new)
        .list()
        .ofMaxSize(200);
  }

  static Bytes key(int i) {
    return Bytes.of((byte) 7, (byte) i);
  }

  private static Map<Bytes, Bytes> finalContents(List<Op> ops) {
    Map<Bytes, Bytes> model = new HashMap<>();
    for (Op op : ops) {
      op.value()
          .ifPresentOrElse(v -> model.put(key(op.key()), v), () -> model.remove(key(op.key())));
    }
    return model;
  }

  private static Hash32 applyInBatches(
      SparseMerkleTree tree, InMemoryKeyValueStore store, List<Op> ops, long seed) {
    Random random = new Random(seed);
    Hash32 root = SparseMerkleTree.EMPTY_ROOT;
    int at = 0;
    while (at < ops.size()) {
      int size = 1 + random.nextInt(Math.min(30, ops.size() - at));
      Map<Bytes, Optional<Bytes>> batch = new LinkedHashMap<>();
      for (Op op : ops.subList(at, at + size)) {
        batch.put(key(op.key()), op.value());
      }
      try (KvTransaction tx = store.startTransaction()) {
        root = tree.update(root, batch, tx);
        tx.commit(Durability.BUFFERED);
      }
      at += size;
    }
    return root;
  }

  @Property(tries = 200)
  void rootDependsOnlyOnContents(@ForAll("ops") List<Op> ops, @ForAll long seed) {
    InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    SparseMerkleTree tree = new SparseMerkleTree(store);
    Hash32 incremental = applyInBatches(tree, store, ops, seed);
    Map<Bytes, Bytes> contents = finalContents(ops);
    assertThat(incremental).isEqualTo(ReferenceTree.root(contents));

    List<Map.Entry<Bytes, Bytes>> shuffled = new ArrayList<>(contents.entrySet());
    Collections.shuffle(shuffled, new Random(seed));
    Map<Bytes, Optional<Bytes>> oneBatch = new LinkedHashMap<>();
    shuffled.forEach(e -> oneBatch.put(e.getKey(), Optional.of(e.getValue())));
    InMemoryKeyValueStore fresh = new InMemoryKeyValueStore();
    try (KvTransaction tx = fresh.startTransaction()) {
      assertThat(new SparseMerkleTree(fresh).update(SparseMerkleTree.EMPTY_ROOT, oneBatch, tx))
          .isEqualTo(incremental);
    }
    for (int k = 0; k <= 60; k++) {
      assertThat(tree.get(incremental, key(k)))
          .isEqualTo(Optional.ofNullable(contents.get(key(k))));
    }
  }

  @Property(tries = 100)
  void proofsVerifyAndSurviveTheWireForm(@ForAll("ops") List<Op> ops, @ForAll long seed) {
    InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    SparseMerkleTree tree = new SparseMerkleTree(store);
    Hash32 root = applyInBatches(tree, store, ops, seed);
    Map<Bytes, Bytes> contents = finalContents(ops);
    for (int k = 0; k <= 60; k++) {
      Optional<Bytes> value = Optional.ofNullable(contents.get(key(k)));
      StateProof proof = StateProof.decode(tree.prove(root, key(k)).encode());
      assertThat(proof.verify(root, key(k), value)).isTrue();
      Optional<Bytes> wrong =
          value.isPresent() ? Optional.empty() : Optional.of(Bytes.of((byte) 1));
      assertThat(proof.verify(root, key(k), wrong)).isFalse();
      if (value.isPresent()) {
        Bytes longer = Bytes.concat(value.get(), Bytes.of((byte) 0));
        assertThat(proof.verify(root, key(k), Optional.of(longer))).isFalse();
      }
      assertThat(proof.verify(Hash32.fromHex("01".repeat(32)), key(k), value)).isFalse();
    }
  }

  @Property(tries = 300)
  void tamperedProofsFail(@ForAll("ops") List<Op> ops, @ForAll long seed) {
    InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    SparseMerkleTree tree = new SparseMerkleTree(store);
    Hash32 root = applyInBatches(tree, store, ops, seed);
    Map<Bytes, Bytes> contents = finalContents(ops);
    Random random = new Random(seed);
    int k = random.nextInt(61);
    Optional<Bytes> value = Optional.ofNullable(contents.get(key(k)));
    byte[] wire = tree.prove(root, key(k)).encode().toArray();
    int bit = random.nextInt(wire.length * 8);
    wire[bit / 8] ^= (byte) (1 << (bit % 8));
    StateProof tampered;
    try {
      tampered = StateProof.decode(Bytes.of(wire));
    } catch (IllegalArgumentException rejected) {
      return;
    }
    assertThat(tampered.verify(root, key(k), value)).isFalse();
  }

  @Property(tries = 300)
  void decodingArbitraryBytesNeverCrashes(@ForAll byte[] junk) {
    try {
      StateProof proof = StateProof.decode(Bytes.of(junk));
      assertThat(proof.encode()).isEqualTo(Bytes.of(junk));
    } catch (IllegalArgumentException rejected) {
      assertThat(rejected).hasMessageContaining("state proof");
    }
  }
}
