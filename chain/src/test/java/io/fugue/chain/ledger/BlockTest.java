package io.fugue.chain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockTest {
  private static final LedgerLimits LIMITS = LedgerLimits.defaults();

  private static List<Transaction> transfers(int n) {
    List<Transaction> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Transfer t = new Transfer(ShardId.of(1), Address.ZERO, Uint256.of(i), Bytes.EMPTY);
      out.add(
          Transfer.unsigned(1, i, ShardId.of(1), Uint256.ONE, t).sign(LedgerArbitraries.key(1)));
    }
    return out;
  }

  @Test
  void shouldDefaultUnfilledFieldsToZeroOrEmpty() {
    BlockHeader genesis = BlockHeader.builder().shardId(ShardId.of(2)).build();
    assertThat(genesis.lastCommitSignature()).isEqualTo(BlockHeader.NO_SIGNATURE);
    assertThat(genesis.vrf()).isEqualTo(Bytes.EMPTY);
    assertThat(BlockHeader.decode(genesis.encode(), LIMITS)).isEqualTo(genesis);
    assertThat(genesis.hash()).isNotEqualTo(BlockHeader.builder().build().hash());
  }

  @Test
  void shouldDetectBodyNotMatchingHeader() {
    BlockBody body = new BlockBody(transfers(3), List.of(), List.of());
    BlockHeader header = BlockHeader.builder().number(1).txRoot(body.txRoot()).build();
    assertThat(new Block(header, body).bodyMatchesHeader()).isTrue();
    BlockBody other = new BlockBody(transfers(2), List.of(), List.of());
    assertThat(new Block(header, other).bodyMatchesHeader()).isFalse();
  }

  @Test
  void shouldRejectTooManyTransactionsAndOversizeBlocks() {
    BlockBody body = new BlockBody(transfers(5), List.of(), List.of());
    LedgerLimits fourTxs =
        LedgerLimits.builder()
            .maxTransactionDataBytes(1024)
            .maxTransactionsPerBlock(4)
            .maxIncomingReceiptBatches(4)
            .maxCrosslinks(4)
            .maxBitmapBytes(64)
            .maxRandomnessBytes(64)
            .maxLogsPerReceipt(4)
            .build();
    assertThatThrownBy(() -> BlockBody.decode(body.encode(), fourTxs))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("transactions exceed");
    Block block = new Block(BlockHeader.builder().build(), body);
    LedgerLimits small =
        LedgerLimits.builder()
            .maxTransactionDataBytes(1024)
            .maxBlockBytes(200)
            .maxTransactionsPerBlock(100)
            .maxIncomingReceiptBatches(4)
            .maxCrosslinks(4)
            .maxBitmapBytes(64)
            .maxRandomnessBytes(64)
            .maxLogsPerReceipt(4)
            .build();
    assertThatThrownBy(() -> Block.decode(block.encode(), small))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("exceeds the limit");
  }

  @Test
  void shouldRejectOversizeHeaderFields() {
    BlockHeader header = BlockHeader.builder().extra(Bytes.of(new byte[33])).build();
    assertThatThrownBy(() -> BlockHeader.decode(header.encode(), LIMITS))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("extra");
    assertThatThrownBy(
            () -> BlockHeader.builder().lastCommitSignature(Bytes.of(new byte[95])).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void shouldRejectUnknownVersions() {
    Bytes encoded = BlockHeader.builder().build().encode();
    byte[] raw = encoded.toArray();
    raw[0] = 2;
    assertThatThrownBy(() -> BlockHeader.decode(Bytes.of(raw), LIMITS))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("version");
  }

  @Test
  void shouldCommitToOutgoingReceiptsPerDestinationShard() {
    CrossShardReceipt toTwo =
        new CrossShardReceipt(
            Hash32.ZERO, Address.ZERO, Address.ZERO, ShardId.of(1), ShardId.of(2), Uint256.ONE);
    CrossShardReceipt toThree =
        new CrossShardReceipt(
            Hash32.ZERO, Address.ZERO, Address.ZERO, ShardId.of(1), ShardId.of(3), Uint256.ONE);
    assertThat(CrossShardReceipt.outgoingRoot(List.of())).isEqualTo(Hash32.ZERO);
    // Grouped by destination, so the order across destinations does not matter...
    assertThat(CrossShardReceipt.outgoingRoot(List.of(toTwo, toThree)))
        .isEqualTo(CrossShardReceipt.outgoingRoot(List.of(toThree, toTwo)));
    // ...but the amounts do.
    CrossShardReceipt more =
        new CrossShardReceipt(
            Hash32.ZERO, Address.ZERO, Address.ZERO, ShardId.of(1), ShardId.of(3), Uint256.of(2));
    assertThat(CrossShardReceipt.outgoingRoot(List.of(toTwo, more)))
        .isNotEqualTo(CrossShardReceipt.outgoingRoot(List.of(toTwo, toThree)));
    assertThat(CrossShardReceipt.decode(toTwo.encode(), LIMITS)).isEqualTo(toTwo);
  }

  @Test
  void shouldRejectLogWithTooManyTopicsAndUnknownStatus() {
    assertThatThrownBy(
            () ->
                new Receipt.Log(
                    Address.ZERO,
                    List.of(Hash32.ZERO, Hash32.ZERO, Hash32.ZERO, Hash32.ZERO, Hash32.ZERO),
                    Bytes.EMPTY))
        .isInstanceOf(IllegalArgumentException.class);
    Bytes badStatus =
        io.fugue.chain.codec.Rlp.encodeTyped(
            1,
            io.fugue.chain.codec.RlpList.of(
                io.fugue.chain.codec.RlpString.ofUint(2),
                io.fugue.chain.codec.RlpString.ofUint(0),
                io.fugue.chain.codec.RlpList.of()));
    assertThatThrownBy(() -> Receipt.decode(badStatus, LIMITS))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("status");
  }
}
