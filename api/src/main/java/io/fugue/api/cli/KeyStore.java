package io.fugue.api.cli;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.HexBytes;
import java.util.List;

/**
 * The local account keys (secp256k1, files under the data directory in the real node). The CLI
 * signs login challenges with it; implemented by the chain's crypto package.
 */
public interface KeyStore {
  /** One stored key: its address and a label. */
  record Entry(AccountAddress address, String label) {}

  Entry create(String label);

  List<Entry> list();

  /**
   * Signs {@code message} with the key of {@code address}, in the form the node's verifier checks.
   */
  HexBytes sign(AccountAddress address, byte[] message);

  /**
   * The 64-byte public key ({@code X ‖ Y}) of {@code address}: what a holder hands to issuers so
   * they seal her openings to it. Unlocks the key file.
   */
  HexBytes publicKey(AccountAddress address);
}
