package io.fugue.chain.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.primitives.Bytes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlsTest {
  // sign_case_c82df61aa3ee60fb of ethereum/bls12-381-tests (same ciphersuite, ..._POP_); the
  // public key is the one its fast_aggregate_verify single-key case pairs with this signature.
  private static final Bytes VECTOR_SK =
      Bytes.fromHex("263dbd792f5b1be47ed85f8938c0f29586af0d3ac7b977f21c278fe1462040e3");
  private static final Bytes VECTOR_PK =
      Bytes.fromHex(
          "a491d1b0ecd9bb917989f0e74f0dea0422eac4a873e5e2644f368dffb9a6e20fd6e10c1b77654d067c0618f6e5a7f79a");
  private static final Bytes VECTOR_MSG = Bytes.of(new byte[32]);
  private static final Bytes VECTOR_SIG =
      Bytes.fromHex(
          "b6ed936746e01f8ecf281f020953fbf1f01debd5657c4a383940b020b26507f6076334f91e2366c96e9ab279fb51"
              + "58090352ea1c5b0c9274504f4f0e7053af24802e51e4568d164fe986834f41e55c8e850ce1f98458c0cfc9ab"
              + "380b55285a55");
  private static final Bytes MSG =
      Bytes.of("block 7".getBytes(java.nio.charset.StandardCharsets.UTF_8));

  static BlsSecretKey key(int i) {
    byte[] seed = new byte[32];
    Arrays.fill(seed, (byte) i);
    seed[0] = (byte) (i >>> 8);
    return BlsSecretKey.fromSeed(seed);
  }

  @Test
  void shouldReproduceTheEthereumSignVector() {
    BlsSecretKey sk = BlsSecretKey.fromBytes(VECTOR_SK);
    assertThat(sk.publicKey().toBytes()).isEqualTo(VECTOR_PK);
    assertThat(sk.sign(VECTOR_MSG).toBytes()).isEqualTo(VECTOR_SIG);
    assertThat(
            BlsSignature.fromBytes(VECTOR_SIG)
                .verify(BlsPublicKey.fromBytes(VECTOR_PK), VECTOR_MSG))
        .isTrue();
  }

  @Test
  void shouldVerifyTheEthereumFastAggregateVector() {
    // fast_aggregate_verify_valid_3d7576f3c0e3570a of ethereum/bls12-381-tests.
    List<BlsPublicKey> keys =
        List.of(
                VECTOR_PK,
                Bytes.fromHex(
                    "b301803f8b5ac4a1133581fc676dfedc60d891dd5fa99028805e5ea5b08d3491af75d0707adab3b70c6a6a580217bf81"),
                Bytes.fromHex(
                    "b53d21a4cfd562c469cc81514d4ce5a6b577d8403d32a394dc265dd190b47fa9f829fdd7963afdf972e5e77854051f6f"))
            .stream()
            .map(BlsPublicKey::fromBytes)
            .toList();
    Bytes message = Bytes.fromHex("ab".repeat(32));
    BlsSignature aggregate =
        BlsSignature.fromHex(
            "9712c3edd73a209c742b8250759db12549b3eaf43b5ca61376d9f30e2747dbcf842d8b2ac0901d2a093713e2"
                + "0284a7670fcf6954e9ab93de991bb9b313e664785a075fc285806fa5224c82bde146561b446ccfc706a6"
                + "4b8579513cfc4ff1d930");
    assertThat(BlsSignature.fastAggregateVerify(keys, message, aggregate)).isTrue();
    assertThat(BlsSignature.fastAggregateVerify(keys.subList(0, 2), message, aggregate)).isFalse();
  }

  @Test
  void shouldDeriveKeysWithTheDraftKeyGen() {
    // KeyGen of draft-irtf-cfrg-bls-signature-05 §2.3 for IKM = 0x00..0x1f, empty key_info,
    // computed independently with Python's hmac/hashlib from the draft's text.
    byte[] ikm = new byte[32];
    for (int i = 0; i < 32; i++) {
      ikm[i] = (byte) i;
    }
    assertThat(BlsSecretKey.fromSeed(ikm).toBytes().toHex())
        .isEqualTo("23360db7e337b0a32b264e06bc11c1b474d16f55665373de1ce93cf15ddb3456");
  }

  @Test
  void shouldDeriveTheSameKeyFromTheSameSeed() {
    assertThat(key(3)).isEqualTo(key(3));
    assertThat(key(3).publicKey()).isNotEqualTo(key(4).publicKey());
    assertThat(key(3).toBytes()).isEqualTo(key(3).toBytes());
  }

  @Test
  void shouldRejectShortSeed() {
    assertThatThrownBy(() -> BlsSecretKey.fromSeed(new byte[31]))
        .isInstanceOf(CryptoException.class);
  }

  @Test
  void shouldRoundTripSecretKeyBytes() {
    BlsSecretKey sk = key(9);
    assertThat(BlsSecretKey.fromBytes(sk.toBytes()).publicKey()).isEqualTo(sk.publicKey());
  }

  @Test
  void shouldRejectSecretKeyOfZeroOrNotBelowTheOrder() {
    assertThatThrownBy(() -> BlsSecretKey.fromBytes(Bytes.of(new byte[32])))
        .isInstanceOf(CryptoException.class);
    Bytes order = Bytes.fromHex("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001");
    assertThatThrownBy(() -> BlsSecretKey.fromBytes(order)).isInstanceOf(CryptoException.class);
  }

  @Test
  void shouldVerifyOwnSignatureAndRejectOtherMessageOrKey() {
    BlsSecretKey sk = key(1);
    BlsSignature sig = sk.sign(MSG);
    assertThat(sig.verify(sk.publicKey(), MSG)).isTrue();
    assertThat(sig.verify(sk.publicKey(), Bytes.of((byte) 1))).isFalse();
    assertThat(sig.verify(key(2).publicKey(), MSG)).isFalse();
  }

  @Test
  void shouldRoundTripKeyAndSignatureEncodings() {
    BlsSecretKey sk = key(5);
    BlsSignature sig = sk.sign(MSG);
    assertThat(BlsPublicKey.fromBytes(sk.publicKey().toBytes())).isEqualTo(sk.publicKey());
    assertThat(BlsSignature.fromBytes(sig.toBytes())).isEqualTo(sig);
    assertThat(sk.publicKey().toBytes().size()).isEqualTo(48);
    assertThat(sig.toBytes().size()).isEqualTo(96);
  }

  @Test
  void shouldVerifyFastAggregateOfManySigners() {
    List<BlsPublicKey> keys = new ArrayList<>();
    List<BlsSignature> sigs = new ArrayList<>();
    for (int i = 1; i <= 64; i++) {
      BlsSecretKey sk = key(i);
      keys.add(sk.publicKey());
      sigs.add(sk.sign(MSG));
    }
    BlsSignature agg = BlsSignature.aggregate(sigs);
    assertThat(BlsSignature.fastAggregateVerify(keys, MSG, agg)).isTrue();
    assertThat(agg.verify(BlsPublicKey.aggregate(keys), MSG)).isTrue();
  }

  @Test
  void shouldRejectFastAggregateWithWrongKeySet() {
    List<BlsPublicKey> keys = new ArrayList<>();
    List<BlsSignature> sigs = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      keys.add(key(i).publicKey());
      sigs.add(key(i).sign(MSG));
    }
    BlsSignature agg = BlsSignature.aggregate(sigs);
    List<BlsPublicKey> missingOne = keys.subList(0, 9);
    List<BlsPublicKey> swapped = new ArrayList<>(missingOne);
    swapped.add(key(11).publicKey());
    assertThat(BlsSignature.fastAggregateVerify(missingOne, MSG, agg)).isFalse();
    assertThat(BlsSignature.fastAggregateVerify(swapped, MSG, agg)).isFalse();
    assertThat(BlsSignature.fastAggregateVerify(keys, Bytes.of((byte) 0), agg)).isFalse();
    assertThat(BlsSignature.fastAggregateVerify(List.of(), MSG, agg)).isFalse();
  }

  @Test
  void shouldCountADuplicateSignerTwice() {
    BlsSecretKey sk = key(1);
    BlsSignature twice = BlsSignature.aggregate(List.of(sk.sign(MSG), sk.sign(MSG)));
    assertThat(
            BlsSignature.fastAggregateVerify(List.of(sk.publicKey(), sk.publicKey()), MSG, twice))
        .isTrue();
    assertThat(twice.verify(sk.publicKey(), MSG)).isFalse();
  }

  @Test
  void shouldVerifyProofOfPossessionOnlyForItsOwnKey() {
    BlsSecretKey a = key(1);
    BlsSignature pop = a.proofOfPossession();
    assertThat(a.publicKey().verifyProofOfPossession(pop)).isTrue();
    assertThat(key(2).publicKey().verifyProofOfPossession(pop)).isFalse();
    // A proof of possession is not an ordinary signature of the key bytes (separate DST).
    assertThat(pop.verify(a.publicKey(), a.publicKey().toBytes())).isFalse();
    assertThat(a.publicKey().verifyProofOfPossession(a.sign(a.publicKey().toBytes()))).isFalse();
  }

  @Test
  void shouldRejectInvalidPublicKeyEncodings() {
    byte[] infinity = new byte[48];
    infinity[0] = (byte) 0xc0;
    assertThatThrownBy(() -> BlsPublicKey.fromBytes(Bytes.of(infinity)))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("infinity");
    assertThatThrownBy(() -> BlsPublicKey.fromBytes(Bytes.of(new byte[47])))
        .isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> BlsPublicKey.fromBytes(Bytes.of(new byte[48])))
        .isInstanceOf(CryptoException.class)
        .hasMessageContaining("compressed");
    byte[] notOnCurve = VECTOR_PK.toArray();
    notOnCurve[47] ^= 1;
    assertThatThrownBy(() -> BlsPublicKey.fromBytes(Bytes.of(notOnCurve)))
        .isInstanceOf(CryptoException.class);
    byte[] xTooLarge = new byte[48];
    Arrays.fill(xTooLarge, (byte) 0xff);
    xTooLarge[0] = (byte) 0x9f;
    assertThatThrownBy(() -> BlsPublicKey.fromBytes(Bytes.of(xTooLarge)))
        .isInstanceOf(CryptoException.class);
  }

  @Test
  void shouldRejectPublicKeyOutsideTheSubgroup() {
    // Some x gives a point on the curve but outside G1 (the cofactor is large); search a few.
    int rejectedForGroup = 0;
    for (int x = 1; x < 64 && rejectedForGroup == 0; x++) {
      byte[] candidate = new byte[48];
      candidate[0] = (byte) 0x80;
      candidate[47] = (byte) x;
      try {
        BlsPublicKey.fromBytes(Bytes.of(candidate));
      } catch (CryptoException e) {
        if (e.getMessage().contains("subgroup")) {
          rejectedForGroup++;
        }
      }
    }
    assertThat(rejectedForGroup).isPositive();
  }

  @Test
  void shouldRejectInvalidSignatureEncodings() {
    // fast_aggregate_verify tampered case of ethereum/bls12-381-tests: last bytes set to 0xff.
    Bytes tampered =
        Bytes.fromHex(
            "9712c3edd73a209c742b8250759db12549b3eaf43b5ca61376d9f30e2747dbcf842d8b2ac0901d2a093713e2"
                + "0284a7670fcf6954e9ab93de991bb9b313e664785a075fc285806fa5224c82bde146561b446ccfc706a6"
                + "4b8579513cfcffffffff");
    assertThatThrownBy(() -> BlsSignature.fromBytes(tampered)).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> BlsSignature.fromBytes(Bytes.of(new byte[95])))
        .isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> BlsSignature.fromBytes(Bytes.of(new byte[96])))
        .isInstanceOf(CryptoException.class);
  }

  @Test
  void shouldBatchVerifyIndependentSignaturesAndCatchOneBad() {
    List<Bls.SignedMessage> items = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      Bytes msg = Bytes.of((byte) i);
      items.add(new Bls.SignedMessage(key(i).publicKey(), msg, key(i).sign(msg)));
    }
    assertThat(Bls.batchVerify(items)).isTrue();
    List<Bls.SignedMessage> bad = new ArrayList<>(items);
    Bls.SignedMessage third = bad.get(2);
    bad.set(2, new Bls.SignedMessage(third.publicKey(), Bytes.of((byte) 99), third.signature()));
    assertThat(Bls.batchVerify(bad)).isFalse();
  }

  @Test
  void shouldAggregateVerifyDistinctMessagesAndRejectASwap() {
    List<BlsPublicKey> keys = new ArrayList<>();
    List<Bytes> messages = new ArrayList<>();
    List<BlsSignature> sigs = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      Bytes m = Bytes.of((byte) i, (byte) 7);
      keys.add(key(i).publicKey());
      messages.add(m);
      sigs.add(key(i).sign(m));
    }
    BlsSignature agg = BlsSignature.aggregate(sigs);
    assertThat(Bls.aggregateVerify(keys, messages, agg)).isTrue();
    List<Bytes> swapped = new ArrayList<>(messages);
    swapped.set(0, messages.get(1));
    swapped.set(1, messages.get(0));
    assertThat(Bls.aggregateVerify(keys, swapped, agg)).isFalse();
    assertThat(Bls.aggregateVerify(keys.subList(0, 4), messages.subList(0, 4), agg)).isFalse();
    assertThat(Bls.aggregateVerify(keys, messages.subList(0, 4), agg)).isFalse();
    assertThat(Bls.aggregateVerify(List.of(), List.of(), agg)).isFalse();
  }

  @Test
  void shouldRejectBatchWhoseErrorsCancelInASum() {
    // Swapping two signatures keeps their sum, so plain aggregate checks would pass.
    Bytes m1 = Bytes.of((byte) 1);
    Bytes m2 = Bytes.of((byte) 2);
    BlsSignature s1 = key(1).sign(m1);
    BlsSignature s2 = key(2).sign(m2);
    List<Bls.SignedMessage> swapped =
        List.of(
            new Bls.SignedMessage(key(1).publicKey(), m1, s2),
            new Bls.SignedMessage(key(2).publicKey(), m2, s1));
    assertThat(Bls.batchVerify(swapped)).isFalse();
  }

  @Test
  void shouldOrderKeysByTheirCompressedBytes() {
    List<BlsPublicKey> keys =
        new ArrayList<>(List.of(key(1).publicKey(), key(2).publicKey(), key(3).publicKey()));
    java.util.Collections.sort(keys);
    assertThat(keys.get(0).toBytes()).isLessThan(keys.get(1).toBytes());
    assertThat(keys.get(1).toBytes()).isLessThan(keys.get(2).toBytes());
  }

  @Test
  void shouldRefuseToAggregateNothing() {
    assertThatThrownBy(() -> BlsSignature.aggregate(List.of())).isInstanceOf(CryptoException.class);
    assertThatThrownBy(() -> BlsPublicKey.aggregate(List.of())).isInstanceOf(CryptoException.class);
    assertThat(Bls.batchVerify(List.of())).isTrue();
  }

  @Test
  void shouldVerifyFromManyThreadsAtOnce() throws Exception {
    BlsSecretKey sk = key(3);
    BlsSignature sig = sk.sign(MSG);
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        results.add(pool.submit(() -> sig.verify(sk.publicKey(), MSG)));
      }
      for (java.util.concurrent.Future<Boolean> r : results) {
        assertThat(r.get(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldNotRevealSecretKeyInToString() {
    BlsSecretKey sk = key(1);
    assertThat(sk.toString()).doesNotContain(sk.toBytes().toHex());
  }
}
