package io.fugue.chain.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.codec.CodecException;
import io.fugue.chain.codec.Rlp;
import io.fugue.chain.codec.RlpItem;
import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EthereumTransactionTest {
  private static final LedgerLimits LIMITS = LedgerLimits.defaults();

  // The worked example of EIP-155 (https://eips.ethereum.org/EIPS/eip-155): chain id 1, which is
  // shard 1 of a network whose genesis chain id is 0.
  private static final Secp256k1PrivateKey EIP155_KEY =
      Secp256k1PrivateKey.fromBytes(
          Bytes.fromHex("4646464646464646464646464646464646464646464646464646464646464646"));
  private static final Bytes EIP155_SIGNED =
      Bytes.fromHex(
          "f86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a7640000"
              + "8025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f"
              + "761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83");
  private static final Hash32 EIP155_SIGNING_HASH =
      Hash32.of(Bytes.fromHex("daf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53"));
  private static final Address EIP155_TO =
      Address.fromHex("0x3535353535353535353535353535353535353535");
  private static final Uint256 GWEI_20 = Uint256.of(20_000_000_000L);
  private static final Uint256 ONE_ETHER = Uint256.of(BigInteger.TEN.pow(18));

  private static final Secp256k1PrivateKey ALICE = LedgerArbitraries.key(1);
  private static final Address BOB = LedgerArbitraries.key(2).address();
  private static final long SHARD_3 = EthereumTransaction.chainIdOf(7, 3);

  @Test
  void shouldDecodeTheEip155ExampleAndRecoverItsSigner() {
    Transaction tx = Transaction.decode(EIP155_SIGNED, LIMITS);
    EthereumTransaction eth = tx.ethereum().orElseThrow();
    assertThat(eth.kind()).isEqualTo(EthereumTransaction.Kind.LEGACY);
    assertThat(eth.ethChainId()).isEqualTo(1);
    assertThat(eth.signingHash()).isEqualTo(EIP155_SIGNING_HASH);
    assertThat(tx.sender()).contains(EIP155_KEY.address());
    assertThat(tx.encode()).isEqualTo(EIP155_SIGNED);
    assertThat(tx.hash()).isEqualTo(Hashing.keccak256(EIP155_SIGNED));
    // Executed as a Fugue transfer on shard 1 of network 0.
    assertThat(tx.chainId()).isZero();
    assertThat(tx.shardId()).isEqualTo(ShardId.of(1));
    assertThat(tx.nonce()).isEqualTo(9);
    assertThat(tx.fee()).isEqualTo(GWEI_20.multiply(Uint256.of(21_000)));
    assertThat(tx.transfer())
        .isEqualTo(new Transfer(ShardId.of(1), EIP155_TO, ONE_ETHER, Bytes.EMPTY));
  }

  @Test
  void shouldSignTheEip155ExampleToTheSameBytes() {
    // RFC 6979 nonces, as Ethereum signers use: the same key and message give the same signature.
    EthereumTransaction eth =
        EthereumTransaction.sign(
            EthereumTransaction.Kind.LEGACY,
            1,
            9,
            GWEI_20,
            GWEI_20,
            21_000,
            EIP155_TO,
            ONE_ETHER,
            EIP155_KEY);
    assertThat(eth.encode()).isEqualTo(EIP155_SIGNED);
  }

  @Test
  void shouldRoundTripTypedEnvelopesWithTheirEthereumHash() {
    for (EthereumTransaction.Kind kind : EthereumTransaction.Kind.values()) {
      EthereumTransaction eth = transfer(kind, Uint256.of(3), Uint256.of(5));
      Transaction decoded = Transaction.decode(eth.encode(), LIMITS);
      assertThat(decoded.ethereum()).contains(eth);
      assertThat(decoded.hash()).isEqualTo(Hashing.keccak256(eth.encode()));
      assertThat(decoded.sender()).contains(ALICE.address());
      assertThat(decoded.shardId()).isEqualTo(ShardId.of(3));
      assertThat(decoded.chainId()).isEqualTo(7);
      if (kind != EthereumTransaction.Kind.LEGACY) {
        assertThat(eth.encode().get(0)).isEqualTo((byte) kind.type());
      }
    }
  }

  @Test
  void shouldChargeTheTipCappedByTheFeeCapWithNoBaseFee() {
    EthereumTransaction capped =
        transfer(EthereumTransaction.Kind.DYNAMIC_FEE, Uint256.of(4), Uint256.of(9));
    assertThat(capped.effectiveGasPrice()).isEqualTo(Uint256.of(4));
    assertThat(capped.fee()).isEqualTo(Uint256.of(84_000));
  }

  @Test
  void shouldStillDecodeFugueTransfersOfTypeOne() {
    Transaction fugue =
        Transfer.unsigned(
                7,
                0,
                ShardId.of(1),
                Uint256.of(2),
                new Transfer(ShardId.of(1), BOB, Uint256.ONE, Bytes.EMPTY))
            .sign(ALICE);
    Transaction decoded = Transaction.decode(fugue.encode(), LIMITS);
    assertThat(decoded.ethereum()).isEmpty();
    assertThat(decoded).isEqualTo(fugue);
  }

  @Test
  void shouldRefuseNonEmptyData() {
    List<RlpItem> f = typedFields(EthereumTransaction.Kind.DYNAMIC_FEE);
    f.set(7, RlpString.of(Bytes.fromHex("a9059cbb")));
    assertRejected(Rlp.encodeTyped(2, new RlpList(f)), "data must be empty");
  }

  @Test
  void shouldRefuseANonEmptyAccessList() {
    List<RlpItem> f = typedFields(EthereumTransaction.Kind.ACCESS_LIST);
    f.set(7, RlpList.of(RlpList.of(RlpString.of(BOB), RlpList.of())));
    assertRejected(Rlp.encodeTyped(1, new RlpList(f)), "access lists are not supported");
  }

  @Test
  void shouldRefuseContractCreation() {
    List<RlpItem> f = typedFields(EthereumTransaction.Kind.DYNAMIC_FEE);
    f.set(5, RlpString.EMPTY);
    assertRejected(Rlp.encodeTyped(2, new RlpList(f)), "contract creation");
  }

  @Test
  void shouldRefuseLegacyTransactionsWithoutChainId() {
    List<RlpItem> f =
        new ArrayList<>(Rlp.decodeList(EIP155_SIGNED, LIMITS.transactionCodec()).items());
    f.set(6, RlpString.ofUint(27));
    assertRejected(Rlp.encode(new RlpList(f)), "pre-EIP-155");
  }

  @Test
  void shouldRefuseAGasLimitBelowATransfer() {
    List<RlpItem> f = typedFields(EthereumTransaction.Kind.DYNAMIC_FEE);
    f.set(4, RlpString.ofUint(20_999));
    assertRejected(Rlp.encodeTyped(2, new RlpList(f)), "intrinsic gas too low");
  }

  @Test
  void shouldRefuseAHighS() {
    List<RlpItem> f = typedFields(EthereumTransaction.Kind.DYNAMIC_FEE);
    BigInteger s = new BigInteger(1, ((RlpString) f.get(11)).value().toArray());
    BigInteger n =
        new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
    f.set(11, RlpString.ofUint256(Uint256.of(n.subtract(s))));
    assertRejected(Rlp.encodeTyped(2, new RlpList(f)), "high");
  }

  @Test
  void shouldRefuseTrailingOrMissingFields() {
    List<RlpItem> f = typedFields(EthereumTransaction.Kind.DYNAMIC_FEE);
    f.add(RlpString.EMPTY);
    assertRejected(Rlp.encodeTyped(2, new RlpList(f)), "EIP-1559");
  }

  @Test
  void shouldMapChainIdsToShards() {
    assertThat(EthereumTransaction.chainIdOf(7, 3)).isEqualTo(7 * 65_536 + 3);
    assertThatThrownBy(() -> EthereumTransaction.chainIdOf(1L << 40, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static EthereumTransaction transfer(
      EthereumTransaction.Kind kind, Uint256 tip, Uint256 cap) {
    Uint256 max = kind == EthereumTransaction.Kind.DYNAMIC_FEE ? cap : tip;
    return EthereumTransaction.sign(
        kind, SHARD_3, 4, tip, max, 21_000, BOB, Uint256.of(1_000), ALICE);
  }

  private static List<RlpItem> typedFields(EthereumTransaction.Kind kind) {
    Bytes encoded = transfer(kind, Uint256.of(3), Uint256.of(5)).encode();
    return new ArrayList<>(
        Rlp.decodeTyped(encoded, LIMITS.transactionCodec()).payload().asList().items());
  }

  private static void assertRejected(Bytes encoded, String why) {
    assertThatThrownBy(() -> Transaction.decode(encoded, LIMITS))
        .isInstanceOf(CodecException.class)
        .hasMessageContaining(why);
  }
}
