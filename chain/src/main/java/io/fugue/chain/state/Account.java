package io.fugue.chain.state;

import io.fugue.chain.primitives.Bytes;
import java.math.BigInteger;
import java.util.Objects;

/**
 * An account's state: a balance (unsigned 256-bit) and a nonce (unsigned 64-bit, held in a {@code
 * long}). Encoded as exactly 40 bytes: the balance as 32 big-endian bytes, then the nonce as 8
 * big-endian bytes. The empty account (zero balance, zero nonce) is not stored: writing it removes
 * the account from the tree, so "never existed" and "emptied" have the same root.
 */
public record Account(BigInteger balance, long nonce) {
  /** The encoded size. */
  public static final int ENCODED_SIZE = 40;

  /** The upper bound (exclusive) of a balance: 2^256. */
  public static final BigInteger BALANCE_LIMIT = BigInteger.ONE.shiftLeft(256);

  /** The account that was never written. */
  public static final Account EMPTY = new Account(BigInteger.ZERO, 0);

  public Account {
    Objects.requireNonNull(balance, "balance");
    if (balance.signum() < 0 || balance.compareTo(BALANCE_LIMIT) >= 0) {
      throw new IllegalArgumentException("balance outside [0, 2^256): " + balance);
    }
  }

  public boolean isEmpty() {
    return balance.signum() == 0 && nonce == 0;
  }

  public Account withBalance(BigInteger newBalance) {
    return new Account(newBalance, nonce);
  }

  public Account withNonce(long newNonce) {
    return new Account(balance, newNonce);
  }

  public Bytes encode() {
    byte[] out = new byte[ENCODED_SIZE];
    byte[] mag = balance.toByteArray();
    // toByteArray may carry a leading sign byte of zero; drop it and right-align the rest.
    int skip = mag.length > 32 ? mag.length - 32 : 0;
    System.arraycopy(mag, skip, out, 32 - (mag.length - skip), mag.length - skip);
    long n = nonce;
    for (int i = ENCODED_SIZE - 1; i >= 32; i--) {
      out[i] = (byte) n;
      n >>>= 8;
    }
    return Bytes.of(out);
  }

  /**
   * Decodes exactly 40 bytes.
   *
   * @throws IllegalArgumentException for any other length
   */
  public static Account decode(Bytes encoded) {
    if (encoded.size() != ENCODED_SIZE) {
      throw new IllegalArgumentException("an account is 40 bytes, got " + encoded.size());
    }
    byte[] b = encoded.toArray();
    BigInteger balance = new BigInteger(1, java.util.Arrays.copyOfRange(b, 0, 32));
    long nonce = 0;
    for (int i = 32; i < ENCODED_SIZE; i++) {
      nonce = (nonce << 8) | (b[i] & 0xff);
    }
    return new Account(balance, nonce);
  }

  @Override
  public String toString() {
    return "Account[balance=" + balance + ", nonce=" + Long.toUnsignedString(nonce) + "]";
  }
}
