package io.fugue.chain.bench;

import io.fugue.chain.crypto.Bls;
import io.fugue.chain.crypto.BlsPublicKey;
import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.crypto.BlsSignature;
import io.fugue.chain.crypto.Secp256k1;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.crypto.Secp256k1Signature;
import io.fugue.chain.ledger.LedgerLimits;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.ledger.Transfer;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signature checks per second on one thread: secp256k1 sender recovery, one BLS verify, BLS
 * fast-aggregate verify over 100 keys (aggregating the keys inside each call, as without a
 * committee cache), the same with the aggregate key cached, and a random-scalar batch verify of 16
 * independent BLS signatures; and, to see the signature's share of admitting a transaction, a
 * transfer's strict decode with and without sender recovery. Run as docs/benchmarks.md says.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class SignatureBenchmark {
  private static final int COMMITTEE = 100;
  private static final int BATCH = 16;

  private Hash32 digest;
  private Secp256k1Signature secpSignature;
  private Bytes message;
  private BlsPublicKey blsKey;
  private BlsSignature blsSignature;
  private List<BlsPublicKey> committee;
  private BlsPublicKey committeeKey;
  private BlsSignature aggregate;
  private List<Bls.SignedMessage> batch;
  private Bytes transferBytes;

  @Setup
  public void setUp() {
    byte[] raw = new byte[32];
    raw[31] = 7;
    Secp256k1PrivateKey secp = Secp256k1PrivateKey.fromBytes(Bytes.of(raw));
    digest = Hashing.keccak256(Bytes.of((byte) 1, (byte) 2, (byte) 3));
    secpSignature = secp.sign(digest);
    Transfer transfer = new Transfer(ShardId.of(1), Address.ZERO, Uint256.of(1_000), Bytes.EMPTY);
    transferBytes =
        Transfer.unsigned(1, 0, ShardId.of(1), Uint256.ONE, transfer).sign(secp).encode();

    message = Bytes.of(Hashing.keccak256(Bytes.of((byte) 9)).toArray());
    List<BlsSignature> signatures = new ArrayList<>();
    committee = new ArrayList<>();
    batch = new ArrayList<>();
    for (int i = 0; i < COMMITTEE; i++) {
      byte[] seed = new byte[32];
      seed[0] = (byte) i;
      seed[1] = 1;
      BlsSecretKey sk = BlsSecretKey.fromSeed(seed);
      committee.add(sk.publicKey());
      signatures.add(sk.sign(message));
      if (i < BATCH) {
        Bytes own = Bytes.of((byte) i);
        batch.add(new Bls.SignedMessage(sk.publicKey(), own, sk.sign(own)));
      }
    }
    blsKey = committee.get(0);
    blsSignature = signatures.get(0);
    aggregate = BlsSignature.aggregate(signatures);
    committeeKey = BlsPublicKey.aggregate(committee);
    check();
  }

  private void check() {
    if (secp256k1Recover().isEmpty()
        || !blsVerify()
        || !blsFastAggregateVerify100()
        || !blsVerifyCachedAggregateKey100()
        || !blsBatchVerify16()
        || transactionDecodeAndRecover().isEmpty()) {
      throw new IllegalStateException("benchmark inputs do not verify");
    }
  }

  @Benchmark
  public Optional<?> secp256k1Recover() {
    return Secp256k1.recover(digest, secpSignature);
  }

  @Benchmark
  public boolean blsVerify() {
    return blsSignature.verify(blsKey, message);
  }

  @Benchmark
  public boolean blsFastAggregateVerify100() {
    return BlsSignature.fastAggregateVerify(committee, message, aggregate);
  }

  @Benchmark
  public boolean blsVerifyCachedAggregateKey100() {
    return aggregate.verify(committeeKey, message);
  }

  @Benchmark
  public boolean blsBatchVerify16() {
    return Bls.batchVerify(batch);
  }

  /** Strict decoding of a transfer without recovering its sender. */
  @Benchmark
  public Transaction transactionDecode() {
    return Transaction.decode(transferBytes, LedgerLimits.defaults());
  }

  /** Decoding plus sender recovery: what admitting one transfer costs before state checks. */
  @Benchmark
  public Optional<?> transactionDecodeAndRecover() {
    return Transaction.decode(transferBytes, LedgerLimits.defaults()).sender();
  }
}
