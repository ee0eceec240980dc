package io.fugue.chain.crypto;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fugue.chain.primitives.Bytes;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.SCrypt;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * A password-encrypted key file (JSON, version 1): the secret key is encrypted with AES-256-GCM
 * under a key derived by scrypt (RFC 7914) from the password. Everything in the file except the
 * ciphertext is authenticated as GCM associated data, so an edited header (a weaker scrypt setting,
 * another public key) fails like a wrong password. The layout is in docs/protocol.md.
 */
public final class KeyFile {
  public static final int VERSION = 1;
  private static final int SALT_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private KeyFile() {}

  /** The kind of key inside the file. */
  public enum KeyType {
    SECP256K1("secp256k1"),
    BLS12_381("bls12-381");

    private final String id;

    KeyType(String id) {
      this.id = id;
    }

    public String id() {
      return id;
    }

    static KeyType fromId(String id) {
      for (KeyType t : values()) {
        if (t.id.equals(id)) {
          return t;
        }
      }
      throw new CryptoException("unknown key type in key file: " + id);
    }
  }

  /**
   * scrypt cost: memory is 128·n·r bytes. Reading accepts n in [2^10, 2^20], r ≤ 16, p ≤ 4, so a
   * hostile file cannot demand gigabytes or hours.
   */
  public record ScryptParams(int n, int r, int p) {
    public ScryptParams {
      if (n < (1 << 10) || n > (1 << 20) || Integer.bitCount(n) != 1) {
        throw new CryptoException("scrypt n must be a power of two in [2^10, 2^20], got " + n);
      }
      if (r < 1 || r > 16 || p < 1 || p > 4) {
        throw new CryptoException("scrypt r must be in [1, 16] and p in [1, 4]");
      }
    }

    /** n = 2^17, r = 8, p = 1: 128 MiB and a fraction of a second per unlock. */
    public static ScryptParams defaults() {
      return new ScryptParams(1 << 17, 8, 1);
    }
  }

  /** The JSON document. Field names are the file format. */
  record Document(
      int version,
      String type,
      String publicKey,
      String kdf,
      int n,
      int r,
      int p,
      String salt,
      String cipher,
      String nonce,
      String ciphertext) {}

  public static String encrypt(
      BlsSecretKey key, char[] password, ScryptParams params, SecureRandom random) {
    return encrypt(
        KeyType.BLS12_381, key.publicKey().toBytes(), key.toBytes(), password, params, random);
  }

  public static String encrypt(
      Secp256k1PrivateKey key, char[] password, ScryptParams params, SecureRandom random) {
    return encrypt(
        KeyType.SECP256K1, key.address().toBytes(), key.toBytes(), password, params, random);
  }

  public static BlsSecretKey decryptBls(String json, char[] password) {
    Document d = parse(json, KeyType.BLS12_381);
    BlsSecretKey key = BlsSecretKey.fromBytes(decrypt(d, password));
    if (!key.publicKey().toBytes().equals(Bytes.fromHex(d.publicKey()))) {
      throw new CryptoException("key file's secret key does not match its public key");
    }
    return key;
  }

  public static Secp256k1PrivateKey decryptSecp256k1(String json, char[] password) {
    Document d = parse(json, KeyType.SECP256K1);
    Secp256k1PrivateKey key = Secp256k1PrivateKey.fromBytes(decrypt(d, password));
    if (!key.address().toBytes().equals(Bytes.fromHex(d.publicKey()))) {
      throw new CryptoException("key file's secret key does not match its address");
    }
    return key;
  }

  /** The key type a file holds, read without the password. */
  public static KeyType typeOf(String json) {
    return KeyType.fromId(read(json).type());
  }

  private static String encrypt(
      KeyType type,
      Bytes publicId,
      Bytes secret,
      char[] password,
      ScryptParams params,
      SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(salt);
    random.nextBytes(nonce);
    Document header =
        new Document(
            VERSION,
            type.id(),
            publicId.toHex(),
            "scrypt",
            params.n(),
            params.r(),
            params.p(),
            Bytes.of(salt).toHex(),
            "aes-256-gcm",
            Bytes.of(nonce).toHex(),
            "");
    byte[] key = deriveKey(password, salt, params);
    byte[] plain = secret.toArray();
    try {
      byte[] sealed = gcm(true, key, nonce, associatedData(header), plain);
      Document full =
          new Document(
              header.version(),
              header.type(),
              header.publicKey(),
              header.kdf(),
              header.n(),
              header.r(),
              header.p(),
              header.salt(),
              header.cipher(),
              header.nonce(),
              Bytes.of(sealed).toHex());
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(full);
    } catch (InvalidCipherTextException | JsonProcessingException e) {
      throw new CryptoException("could not write key file", e);
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(plain, (byte) 0);
    }
  }

  private static Bytes decrypt(Document d, char[] password) {
    ScryptParams params = new ScryptParams(d.n(), d.r(), d.p());
    byte[] key = deriveKey(password, hex(d.salt(), "salt"), params);
    try {
      byte[] plain =
          gcm(
              false,
              key,
              hex(d.nonce(), "nonce"),
              associatedData(d),
              hex(d.ciphertext(), "ciphertext"));
      Bytes out = Bytes.of(plain);
      Arrays.fill(plain, (byte) 0);
      return out;
    } catch (InvalidCipherTextException e) {
      throw new CryptoException("wrong password, or the key file was altered", e);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static Document parse(String json, KeyType expected) {
    Document d = read(json);
    if (d.version() != VERSION) {
      throw new CryptoException("unsupported key file version " + d.version());
    }
    if (KeyType.fromId(d.type()) != expected) {
      throw new CryptoException("key file holds a " + d.type() + " key, not " + expected.id());
    }
    if (!"scrypt".equals(d.kdf()) || !"aes-256-gcm".equals(d.cipher())) {
      throw new CryptoException("key file uses an unsupported kdf or cipher");
    }
    hex(d.publicKey(), "publicKey");
    if (hex(d.nonce(), "nonce").length != NONCE_BYTES) {
      throw new CryptoException("key file nonce must be 12 bytes");
    }
    return d;
  }

  private static Document read(String json) {
    Objects.requireNonNull(json, "json");
    try {
      return JSON.readValue(json, Document.class);
    } catch (JsonProcessingException e) {
      throw new CryptoException("key file is not valid JSON of version " + VERSION, e);
    }
  }

  private static byte[] hex(String s, String field) {
    if (s == null) {
      throw new CryptoException("key file lacks " + field);
    }
    try {
      return Bytes.fromHex(s).toArray();
    } catch (IllegalArgumentException e) {
      throw new CryptoException("key file field " + field + " is not hex", e);
    }
  }

  /** Every field but the ciphertext, in a fixed order. */
  private static byte[] associatedData(Document d) {
    String ad =
        String.join(
            "|",
            "fugue-keyfile",
            Integer.toString(d.version()),
            d.type(),
            d.publicKey(),
            d.kdf(),
            Integer.toString(d.n()),
            Integer.toString(d.r()),
            Integer.toString(d.p()),
            d.salt(),
            d.cipher(),
            d.nonce());
    return ad.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] deriveKey(char[] password, byte[] salt, ScryptParams params) {
    ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
    byte[] pw = new byte[encoded.remaining()];
    encoded.get(pw);
    encoded.clear();
    while (encoded.hasRemaining()) {
      encoded.put((byte) 0);
    }
    try {
      return SCrypt.generate(pw, salt, params.n(), params.r(), params.p(), 32);
    } finally {
      Arrays.fill(pw, (byte) 0);
    }
  }

  private static byte[] gcm(boolean encrypt, byte[] key, byte[] nonce, byte[] ad, byte[] input)
      throws InvalidCipherTextException {
    GCMBlockCipher cipher = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
    cipher.init(encrypt, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, ad));
    byte[] out = new byte[cipher.getOutputSize(input.length)];
    int n = cipher.processBytes(input, 0, input.length, out, 0);
    n += cipher.doFinal(out, n);
    return n == out.length ? out : Arrays.copyOf(out, n);
  }
}
