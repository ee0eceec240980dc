package io.fugue.chain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.crypto.Secp256k1Signature;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TransactionTest {
  private static final LedgerLimits LIMITS = LedgerLimits.defaults();
  private static final Secp256k1PrivateKey ALICE = LedgerArbitraries.key(1);
  private static final Address BOB = LedgerArbitraries.key(2).address();
  private static final Transfer TEN_TO_BOB =
      new Transfer(ShardId.of(1), BOB, Uint256.of(10), Bytes.fromHex("cafe"));

  private static Transaction transfer(long chainId, long nonce) {
    return Transfer.unsigned(chainId, nonce, ShardId.of(1), Uint256.of(2), TEN_TO_BOB).sign(ALICE);
  }

  @Test
  void shouldRecoverTheSenderAndHashTheEncoding() {
    Transaction tx = transfer(7, 0);
    assertThat(tx.sender()).contains(ALICE.address());
    assertThat(tx.hash()).isEqualTo(Hashing.keccak256(tx.encode()));
    assertThat(tx.encode().get(0)).isEqualTo((byte) TransactionTypes.TRANSFER);
    assertThat(tx.transfer()).isEqualTo(TEN_TO_BOB);
  }

  @Test
  void shouldRoundTripThroughTheCodec() {
    Transaction tx = transfer(7, 3);
    Transaction decoded = Transaction.decode(tx.encode(), LIMITS);
    assertThat(decoded).isEqualTo(tx);
    assertThat(decoded.hash()).isEqualTo(tx.hash());
    assertThat(decoded.sender()).contains(ALICE.address());
    assertThat(decoded.nonce()).isEqualTo(3);
  }

  @Test
  void shouldNotAttributeASignatureForAnotherChainToTheSigner() {
    Transaction onChain7 = transfer(7, 0);
    // Same fields and signature, chain id rewritten to 8: replay on another network.
    Transaction replayed =
        new Transaction(
            Transfer.unsigned(8, 0, ShardId.of(1), Uint256.of(2), TEN_TO_BOB),
            onChain7.signature());
    assertThat(replayed.sender()).isNotEqualTo(onChain7.sender());
    assertThat(replayed.sender()).isNotEqualTo(java.util.Optional.of(ALICE.address()));
    assertThat(onChain7.unsigned().signingHash()).isNotEqualTo(replayed.unsigned().signingHash());
  }

  @Test
  void shouldNotAttributeATamperedPayloadToTheSigner() {
    Transaction original = transfer(7, 0);
    Transfer more = new Transfer(ShardId.of(1), BOB, Uint256.of(1_000_000), Bytes.fromHex("cafe"));
    Transaction tampered =
        new Transaction(
            Transfer.unsigned(7, 0, ShardId.of(1), Uint256.of(2), more), original.signature());
    assertThat(tampered.sender()).isNotEqualTo(java.util.Optional.of(ALICE.address()));
  }

  @Test
  void shouldRejectHighSSignatureOnDecode() {
    Transaction tx = transfer(7, 0);
    Secp256k1Signature sig = tx.signature();
    BigInteger n =
        new BigInteger("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
    byte[] raw = sig.toBytes().toArray();
    byte[] highS = n.subtract(sig.s()).toByteArray();
    System.arraycopy(highS, highS.length - 32, raw, 32, 32);
    raw[64] ^= 1;
    Bytes forged =
        Rlp.encodeTyped(
            1,
            RlpList.of(
                RlpString.ofUint(7),
                RlpString.ofUint(0),
                RlpString.ofUint(1),
                RlpString.ofUint(2),
                TEN_TO_BOB.toRlp(),
                RlpString.of(Bytes.of(raw))));
    assertThatThrownBy(() -> Transaction.decode(forged, LIMITS))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("low-s");
  }

  @Test
  void shouldRejectOversizeTransactionAndOversizeData() {
    Transfer big = new Transfer(ShardId.of(1), BOB, Uint256.ONE, Bytes.of(new byte[70_000]));
    Transaction tx = Transfer.unsigned(7, 0, ShardId.of(1), Uint256.ONE, big).sign(ALICE);
    assertThatThrownBy(() -> Transaction.decode(tx.encode(), LIMITS))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("transfer data");
    LedgerLimits tiny =
        LedgerLimits.builder()
            .maxTransactionBytes(100)
            .maxTransactionsPerBlock(10)
            .maxIncomingReceiptBatches(1)
            .maxCrosslinks(1)
            .maxBitmapBytes(64)
            .maxRandomnessBytes(64)
            .maxLogsPerReceipt(4)
            .build();
    assertThatThrownBy(() -> Transaction.decode(transfer(7, 0).encode(), tiny))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("exceeds the limit");
  }

  @Test
  void shouldRejectNonCanonicalFieldsAndTrailingBytes() {
    Transaction tx = transfer(7, 0);
    Bytes trailing = Bytes.concat(tx.encode(), Bytes.of((byte) 0));
    assertThatThrownBy(() -> Transaction.decode(trailing, LIMITS))
        .isInstanceOf(CodecException.class);
    Bytes paddedNonce =
        Rlp.encodeTyped(
            1,
            RlpList.of(
                RlpString.ofUint(7),
                RlpString.of(Bytes.fromHex("0000")),
                RlpString.ofUint(1),
                RlpString.ofUint(2),
                TEN_TO_BOB.toRlp(),
                RlpString.of(tx.signature().toBytes())));
    assertThatThrownBy(() -> Transaction.decode(paddedNonce, LIMITS))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("leading zero");
    Bytes shardTooLarge =
        Rlp.encodeTyped(
            1,
            RlpList.of(
                RlpString.ofUint(7),
                RlpString.ofUint(0),
                RlpString.ofUint(70_000),
                RlpString.ofUint(2),
                TEN_TO_BOB.toRlp(),
                RlpString.of(tx.signature().toBytes())));
    assertThatThrownBy(() -> Transaction.decode(shardTooLarge, LIMITS))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("shard");
  }

  @Test
  void shouldRejectMalformedTransferBody() {
    Transaction tx = transfer(7, 0);
    Bytes shortBody =
        Rlp.encodeTyped(
            1,
            RlpList.of(
                RlpString.ofUint(7),
                RlpString.ofUint(0),
                RlpString.ofUint(1),
                RlpString.ofUint(2),
                RlpList.of(RlpString.ofUint(1)),
                RlpString.of(tx.signature().toBytes())));
    assertThatThrownBy(() -> Transaction.decode(shortBody, LIMITS))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining("transfer");
  }

  @Test
  void shouldCarryModuleTypesWithOpaqueBodies() {
    RlpList body = RlpList.of(RlpString.of(Bytes.fromHex("0102")));
    Transaction tx =
        new UnsignedTransaction(0x20, 7, 0, ShardId.of(0), Uint256.ZERO, body).sign(ALICE);
    Transaction decoded = Transaction.decode(tx.encode(), LIMITS);
    assertThat(decoded.type()).isEqualTo(0x20);
    assertThat(decoded.body()).isEqualTo(body);
    assertThat(decoded.sender()).contains(ALICE.address());
    assertThatThrownBy(decoded::transfer).isInstanceOf(CodecException.class);
  }
}
