package io.fugue.api.node;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.ledger.EthereumTransaction;
import io.fugue.chain.ledger.Receipt;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.Uint256;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/** Fugue blocks, transactions and receipts in the JSON shapes of Ethereum's JSON-RPC. */
final class EthJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** keccak-256 of rlp([]): the "no uncles" hash every Ethereum block since the merge carries. */
  static final String EMPTY_UNCLES =
      "0x1dcc4de8dec75d7aab85b567b6ccd41ad312451b948a7413f0a142fd40d49347";

  private static final String ZERO_HASH = Hash32.ZERO.toBytes().toPrefixedHex();
  private static final int BLOOM_BYTES = 256;

  private EthJson() {}

  static String quantity(long v) {
    return "0x" + Long.toHexString(v);
  }

  static String quantity(BigInteger v) {
    return "0x" + v.toString(16);
  }

  static String quantity(Uint256 v) {
    return quantity(v.toBigInteger());
  }

  static String data(Bytes b) {
    return b.toPrefixedHex();
  }

  static String hash(Hash32 h) {
    return h.toBytes().toPrefixedHex();
  }

  static String address(Address a) {
    return a.toChecksumHex();
  }

  /** A transaction's place in a block, or none while it is pending. */
  record Place(Hash32 blockHash, long blockNumber, int index) {}

  static ObjectNode block(Block block, List<Receipt> receipts, boolean full) {
    BlockHeader h = block.header();
    ObjectNode o = NODES.objectNode();
    o.put("number", quantity(h.number()));
    o.put("hash", hash(block.hash()));
    o.put("parentHash", hash(h.parentHash()));
    o.put("nonce", "0x0000000000000000");
    o.put("sha3Uncles", EMPTY_UNCLES);
    o.put("logsBloom", data(bloom(receipts)));
    o.put("transactionsRoot", hash(h.txRoot()));
    o.put("stateRoot", hash(h.stateRoot()));
    o.put("receiptsRoot", hash(h.receiptRoot()));
    o.put("miner", address(h.proposer()));
    o.put("difficulty", "0x0");
    o.put("totalDifficulty", "0x0");
    o.put("extraData", data(h.extra()));
    o.put("size", quantity(block.encode().size()));
    long gasUsed = 0;
    for (int i = 0; i < block.body().transactions().size(); i++) {
      gasUsed += gasUsed(block.body().transactions().get(i));
    }
    o.put("gasLimit", quantity(Math.max(gasUsed, 30_000_000L)));
    o.put("gasUsed", quantity(gasUsed));
    // Fugue timestamps are milliseconds; Ethereum's are seconds.
    o.put("timestamp", quantity(h.timestamp() / 1000));
    o.put("baseFeePerGas", "0x0");
    o.put("mixHash", ZERO_HASH);
    ArrayNode txs = o.putArray("transactions");
    List<Transaction> list = block.body().transactions();
    for (int i = 0; i < list.size(); i++) {
      if (full) {
        txs.add(transaction(list.get(i), Optional.of(new Place(block.hash(), h.number(), i))));
      } else {
        txs.add(hash(list.get(i).hash()));
      }
    }
    o.putArray("uncles");
    o.putArray("withdrawals");
    o.put("withdrawalsRoot", EMPTY_TRIE);
    return o;
  }

  /** A {@code newHeads} notification: the block without its transaction list. */
  static ObjectNode header(Block block, List<Receipt> receipts) {
    ObjectNode o = block(block, receipts, false);
    o.remove(List.of("transactions", "uncles", "withdrawals", "size", "totalDifficulty"));
    return o;
  }

  /** keccak-256 of rlp(""): Ethereum's empty trie root. */
  static final String EMPTY_TRIE =
      "0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421";

  /** Gas a transaction is reported to use: 21000 for Ethereum transfers, its fee otherwise. */
  static long gasUsed(Transaction tx) {
    if (tx.ethereum().isPresent()) {
      return EthereumTransaction.TRANSFER_GAS;
    }
    BigInteger fee = tx.fee().toBigInteger();
    return fee.bitLength() < 63 ? fee.longValue() : Long.MAX_VALUE;
  }

  /** Price per gas reported: the Ethereum transaction's, or 1 (its fee is its gas) for Fugue's. */
  static Uint256 gasPrice(Transaction tx) {
    return tx.ethereum().map(EthereumTransaction::effectiveGasPrice).orElse(Uint256.ONE);
  }

  static ObjectNode transaction(Transaction tx, Optional<Place> place) {
    ObjectNode o = NODES.objectNode();
    o.put("hash", hash(tx.hash()));
    o.put("nonce", quantity(tx.nonce()));
    if (place.isPresent()) {
      o.put("blockHash", hash(place.get().blockHash()));
      o.put("blockNumber", quantity(place.get().blockNumber()));
      o.put("transactionIndex", quantity(place.get().index()));
    } else {
      o.putNull("blockHash");
      o.putNull("blockNumber");
      o.putNull("transactionIndex");
    }
    o.put("from", tx.sender().map(EthJson::address).orElse(null));
    if (tx.isTransfer()) {
      o.put("to", address(tx.transfer().to()));
      o.put("value", quantity(tx.transfer().value()));
      o.put("input", data(tx.transfer().data()));
    } else {
      o.putNull("to");
      o.put("value", "0x0");
      o.put("input", data(io.fugue.chain.codec.Rlp.encode(tx.body())));
    }
    o.put("gas", quantity(tx.ethereum().map(EthereumTransaction::gasLimit).orElse(gasUsed(tx))));
    o.put("gasPrice", quantity(gasPrice(tx)));
    o.put("r", quantity(tx.signature().r()));
    o.put("s", quantity(tx.signature().s()));
    if (tx.ethereum().isEmpty()) {
      // A native Fugue transaction: shown as a legacy one; its hash is Fugue's.
      o.put("type", "0x0");
      o.put("v", quantity(27L + tx.signature().recoveryId()));
      return o;
    }
    EthereumTransaction eth = tx.ethereum().get();
    o.put("type", quantity(eth.kind().type()));
    o.put("chainId", quantity(eth.ethChainId()));
    if (eth.kind() == EthereumTransaction.Kind.LEGACY) {
      o.put("v", quantity(eth.legacyV()));
    } else {
      o.put("v", quantity(tx.signature().recoveryId()));
      o.put("yParity", quantity(tx.signature().recoveryId()));
      o.putArray("accessList");
    }
    if (eth.kind() == EthereumTransaction.Kind.DYNAMIC_FEE) {
      o.put("maxFeePerGas", quantity(eth.maxFeePerGas()));
      o.put("maxPriorityFeePerGas", quantity(eth.maxPriorityFeePerGas()));
    }
    return o;
  }

  /**
   * @param firstLogIndex the block-wide index of this receipt's first log
   * @param cumulativeGas gas used in the block up to and including this transaction
   */
  static ObjectNode receipt(
      Transaction tx, Receipt r, Place place, int firstLogIndex, long cumulativeGas) {
    ObjectNode o = NODES.objectNode();
    o.put("transactionHash", hash(tx.hash()));
    o.put("transactionIndex", quantity(place.index()));
    o.put("blockHash", hash(place.blockHash()));
    o.put("blockNumber", quantity(place.blockNumber()));
    o.put("from", tx.sender().map(EthJson::address).orElse(null));
    o.put("to", tx.isTransfer() ? address(tx.transfer().to()) : null);
    o.put("cumulativeGasUsed", quantity(cumulativeGas));
    o.put("gasUsed", quantity(gasUsed(tx)));
    o.put("effectiveGasPrice", quantity(gasPrice(tx)));
    o.putNull("contractAddress");
    ArrayNode logs = o.putArray("logs");
    for (int i = 0; i < r.logs().size(); i++) {
      logs.add(log(r.logs().get(i), tx.hash(), place, firstLogIndex + i));
    }
    o.put("logsBloom", data(bloom(List.of(r))));
    o.put("type", quantity(tx.ethereum().map(e -> e.kind().type()).orElse(0)));
    o.put("status", r.status() == Receipt.Status.SUCCESS ? "0x1" : "0x0");
    return o;
  }

  static ObjectNode log(Receipt.Log log, Hash32 txHash, Place place, int logIndex) {
    ObjectNode o = NODES.objectNode();
    o.put("address", address(log.address()));
    ArrayNode topics = o.putArray("topics");
    log.topics().forEach(t -> topics.add(hash(t)));
    o.put("data", data(log.data()));
    o.put("blockNumber", quantity(place.blockNumber()));
    o.put("blockHash", hash(place.blockHash()));
    o.put("transactionHash", hash(txHash));
    o.put("transactionIndex", quantity(place.index()));
    o.put("logIndex", quantity(logIndex));
    o.put("removed", false);
    return o;
  }

  /** Ethereum's 2048-bit log bloom (yellow paper §4.3.1) over the logs' addresses and topics. */
  static Bytes bloom(List<Receipt> receipts) {
    byte[] bloom = new byte[BLOOM_BYTES];
    for (Receipt r : receipts) {
      for (Receipt.Log log : r.logs()) {
        addToBloom(bloom, Bytes.of(log.address().toArray()));
        log.topics().forEach(t -> addToBloom(bloom, t.toBytes()));
      }
    }
    return Bytes.of(bloom);
  }

  private static void addToBloom(byte[] bloom, Bytes item) {
    Bytes h = Hashing.keccak256(item).toBytes();
    for (int i = 0; i < 6; i += 2) {
      int bit = ((h.get(i) & 0x07) << 8) | (h.get(i + 1) & 0xff);
      bloom[BLOOM_BYTES - 1 - bit / 8] |= (byte) (1 << (bit % 8));
    }
  }
}
