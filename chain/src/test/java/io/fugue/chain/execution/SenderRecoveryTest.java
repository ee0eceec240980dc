package io.fugue.chain.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.crypto.Secp256k1Signature;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.ledger.Transfer;
import io.fugue.chain.ledger.UnsignedTransaction;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SenderRecoveryTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  private static UnsignedTransaction transfer(long nonce) {
    return Transfer.unsigned(
        7,
        nonce,
        ShardId.of(1),
        Uint256.ONE,
        new Transfer(ShardId.of(1), Address.of(new byte[20]), Uint256.of(nonce + 1), Bytes.EMPTY));
  }

  /** Decoded afresh, so no sender is cached yet. */
  private static Transaction fresh(Transaction tx) {
    return new Transaction(tx.unsigned(), tx.signature());
  }

  @Test
  void shouldRecoverEverySenderOfABlockLikeOneByOne() {
    List<Secp256k1PrivateKey> keys = new ArrayList<>();
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      Secp256k1PrivateKey k = Secp256k1PrivateKey.generate(RANDOM);
      keys.add(k);
      txs.add(fresh(transfer(i).sign(k)));
    }
    SenderRecovery.recoverAll(txs);
    for (int i = 0; i < txs.size(); i++) {
      assertThat(txs.get(i).sender()).contains(keys.get(i).publicKey().address());
    }
  }

  @Test
  void shouldLeaveATransactionWhoseSignatureRecoversNoKeyWithoutASender() {
    Secp256k1PrivateKey k = Secp256k1PrivateKey.generate(RANDOM);
    List<Transaction> txs = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      txs.add(fresh(transfer(i).sign(k)));
    }
    // r = 1 is on no curve point's x for most messages: recovery finds no key (or another one).
    Transaction forged =
        new Transaction(transfer(99), new Secp256k1Signature(BigInteger.ONE, BigInteger.ONE, 0));
    txs.add(17, forged);
    SenderRecovery.recoverAll(txs);
    Optional<Address> expected = new Transaction(forged.unsigned(), forged.signature()).sender();
    assertThat(txs.get(17).sender()).isEqualTo(expected);
    assertThat(txs.get(17).sender()).isNotEqualTo(Optional.of(k.publicKey().address()));
    assertThat(txs.get(18).sender()).contains(k.publicKey().address());
  }
}
