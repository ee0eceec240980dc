package io.fugue.chain.node;

import io.fugue.chain.consensus.DoubleSignEvidence;
import io.fugue.chain.consensus.EvidenceSink;
import io.fugue.chain.consensus.QuorumCertificate;
import io.fugue.chain.consensus.SafetyRecord;
import io.fugue.chain.consensus.SafetyRecordCodec;
import io.fugue.chain.consensus.SafetyStore;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.storage.Column;
import io.fugue.chain.storage.Durability;
import io.fugue.chain.storage.KeyRange;
import io.fugue.chain.storage.KeyValueStore;
import io.fugue.chain.storage.Keys;
import io.fugue.chain.storage.KvTransaction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The node's consensus records in the chain database: the commit proof of every finalized height
 * ({@code META}, {@code "consensus-proof" ‖ u64 height}; written before the block is imported, so
 * the head always has its proof after a crash), the safety record ({@code META}, {@code
 * "consensus-safety"}) and double-sign evidence ({@code EVIDENCE}, keyed by {@code u32 shard ‖ u64
 * height ‖ u64 view ‖ u8 phase ‖ key(48)}).
 */
public final class ConsensusStore implements SafetyStore, EvidenceSink {
  private static final Bytes PROOF_PREFIX =
      Bytes.of("consensus-proof".getBytes(StandardCharsets.US_ASCII));
  private static final Bytes SAFETY_KEY =
      Bytes.of("consensus-safety".getBytes(StandardCharsets.US_ASCII));

  private final KeyValueStore store;

  public ConsensusStore(KeyValueStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  public void putCommitProof(QuorumCertificate qc) {
    write(
        Column.META,
        Bytes.concat(PROOF_PREFIX, Keys.u64(qc.height())),
        CommitProofCodec.encode(qc));
  }

  public Optional<QuorumCertificate> commitProof(long height) {
    return store
        .get(Column.META, Bytes.concat(PROOF_PREFIX, Keys.u64(height)))
        .map(CommitProofCodec::decode);
  }

  @Override
  public void persist(SafetyRecord record) {
    write(Column.META, SAFETY_KEY, SafetyRecordCodec.encode(record));
  }

  @Override
  public Optional<SafetyRecord> load() {
    return store.get(Column.META, SAFETY_KEY).map(SafetyRecordCodec::decode);
  }

  @Override
  public void onEvidence(DoubleSignEvidence e) {
    Bytes encoded = encode(e);
    write(Column.EVIDENCE, encoded.slice(0, 4 + 1 + 8 + 8 + 48), encoded);
  }

  /** Every stored piece of evidence, in key order. */
  public List<DoubleSignEvidence> evidence() {
    List<DoubleSignEvidence> out = new ArrayList<>();
    store.scan(Column.EVIDENCE, KeyRange.all(), kv -> out.add(decode(kv.value())));
    return out;
  }

  private void write(Column column, Bytes key, Bytes value) {
    try (KvTransaction tx = store.startTransaction()) {
      tx.put(column, key, value);
      tx.commit(Durability.SYNC);
    }
  }

  static Bytes encode(DoubleSignEvidence e) {
    return e.encode();
  }

  static DoubleSignEvidence decode(Bytes bytes) {
    try {
      return DoubleSignEvidence.decode(bytes);
    } catch (IllegalArgumentException e) {
      throw new NodeException("corrupt evidence record: " + e.getMessage(), e);
    }
  }
}
