package io.fugue.chain.storage;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * The blocks of one shard chain in a {@link KeyValueStore}: headers and bodies by hash, the
 * canonical hash by number, block info, transaction and receipt locations, and the head. A block is
 * written into the caller's transaction, which also carries the block's state nodes, so the head
 * never points at a block or state that is not fully on disk. Blocks are final when stored (FBFT),
 * so there are no forks to unwind. One writer at a time; one block per transaction.
 *
 * <p>Layouts are in docs/storage.md.
 */
public final class ChainStore {
  static final byte CANONICAL = 0x01;
  static final byte BLOCK_INFO = 0x02;
  static final byte TX_LOCATION = 0x03;
  static final Bytes HEAD_KEY = Bytes.of("chain-head".getBytes(StandardCharsets.US_ASCII));

  private final KeyValueStore store;

  public ChainStore(KeyValueStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /**
   * Writes {@code block} and makes it the head, inside {@code tx}. The block must extend the
   * committed head (number + 1 and parent hash), or be block 0 of an empty chain.
   *
   * @throws IllegalArgumentException if the block does not extend the head
   */
  public void appendBlock(KvTransaction tx, StoredBlock block) {
    checkExtendsHead(block);
    Bytes hash = block.hash().toBytes();
    tx.put(Column.HEADERS, hash, block.header());
    tx.put(Column.BLOCKS, hash, block.body());
    tx.put(Column.INDEX, canonicalKey(block.number()), hash);
    tx.put(
        Column.INDEX,
        Bytes.concat(Bytes.of(BLOCK_INFO), hash),
        Bytes.concat(
            Keys.u64(block.number()), block.parentHash().toBytes(), block.stateRoot().toBytes()));
    for (int i = 0; i < block.transactionHashes().size(); i++) {
      tx.put(
          Column.INDEX,
          Bytes.concat(Bytes.of(TX_LOCATION), block.transactionHashes().get(i).toBytes()),
          Bytes.concat(hash, Keys.u64(block.number()), Keys.u32(i)));
      tx.put(Column.RECEIPTS, Bytes.concat(hash, Keys.u32(i)), block.receipts().get(i));
    }
    tx.put(
        Column.META,
        HEAD_KEY,
        Bytes.concat(hash, Keys.u64(block.number()), block.stateRoot().toBytes()));
  }

  private void checkExtendsHead(StoredBlock block) {
    Optional<ChainHead> head = head();
    if (head.isEmpty()) {
      if (block.number() != 0) {
        throw new IllegalArgumentException(
            "the first block must be number 0, got " + block.number());
      }
      return;
    }
    ChainHead h = head.get();
    if (block.number() != h.number() + 1 || !block.parentHash().equals(h.hash())) {
      throw new IllegalArgumentException(
          "block "
              + block.number()
              + " with parent "
              + block.parentHash()
              + " does not extend head "
              + h.number()
              + " "
              + h.hash());
    }
  }

  /** The last committed block, or empty for a chain without blocks. */
  public Optional<ChainHead> head() {
    return store
        .get(Column.META, HEAD_KEY)
        .map(
            v -> {
              expectSize(v, 72, "chain head");
              return new ChainHead(
                  Hash32.of(v.slice(0, 32)), Keys.readU64(v, 32), Hash32.of(v.slice(40, 32)));
            });
  }

  public Optional<Bytes> header(Hash32 blockHash) {
    return store.get(Column.HEADERS, blockHash.toBytes());
  }

  public Optional<Bytes> body(Hash32 blockHash) {
    return store.get(Column.BLOCKS, blockHash.toBytes());
  }

  /** The hash of the committed block at {@code number}. */
  public Optional<Hash32> canonicalHash(long number) {
    return store
        .get(Column.INDEX, canonicalKey(number))
        .map(
            v -> {
              expectSize(v, 32, "canonical hash of block " + number);
              return Hash32.of(v);
            });
  }

  public Optional<BlockInfo> blockInfo(Hash32 blockHash) {
    return store
        .get(Column.INDEX, Bytes.concat(Bytes.of(BLOCK_INFO), blockHash.toBytes()))
        .map(
            v -> {
              expectSize(v, 72, "block info of " + blockHash);
              return new BlockInfo(
                  Keys.readU64(v, 0), Hash32.of(v.slice(8, 32)), Hash32.of(v.slice(40, 32)));
            });
  }

  public Optional<TxLocation> transactionLocation(Hash32 txHash) {
    return store
        .get(Column.INDEX, Bytes.concat(Bytes.of(TX_LOCATION), txHash.toBytes()))
        .map(
            v -> {
              expectSize(v, 44, "location of transaction " + txHash);
              return new TxLocation(
                  Hash32.of(v.slice(0, 32)), Keys.readU64(v, 32), Keys.readU32(v, 40));
            });
  }

  /** The encoded receipt of a transaction, found through its location. */
  public Optional<Bytes> receipt(Hash32 txHash) {
    return transactionLocation(txHash)
        .flatMap(
            loc ->
                store.get(
                    Column.RECEIPTS,
                    Bytes.concat(loc.blockHash().toBytes(), Keys.u32(loc.index()))));
  }

  private static Bytes canonicalKey(long number) {
    return Bytes.concat(Bytes.of(CANONICAL), Keys.u64(number));
  }

  private static void expectSize(Bytes value, int size, String what) {
    if (value.size() != size) {
      throw new StorageException(
          "corrupt " + what + ": " + value.size() + " bytes, expected " + size);
    }
  }
}
