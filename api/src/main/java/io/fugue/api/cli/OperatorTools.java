package io.fugue.api.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What an operator needs from the chain's crypto and genesis code to set up a network: validator
 * and node keys, proof-of-possession checks and the genesis check. Implemented by the node wiring.
 */
public interface OperatorTools {
  /** A new validator key: its BLS public key and proof of possession, hex with {@code 0x}. */
  record BlsKey(String publicKey, String proofOfPossession) {
    public BlsKey {
      Objects.requireNonNull(publicKey, "publicKey");
      Objects.requireNonNull(proofOfPossession, "proofOfPossession");
    }
  }

  /**
   * What every node of a network must agree on.
   *
   * @param genesisHash keccak-256 of the canonical genesis (block 0's {@code extra} on every shard)
   * @param blockZeroHashes the hash of block 0 of each shard, in shard order
   * @param validators committee size of each shard, in shard order
   */
  record GenesisSummary(
      String networkId,
      long chainId,
      int shardCount,
      String genesisHash,
      List<String> blockZeroHashes,
      List<Integer> validators,
      boolean governance) {
    public GenesisSummary {
      blockZeroHashes = List.copyOf(blockZeroHashes);
      validators = List.copyOf(validators);
    }
  }

  /** Writes a new password-encrypted BLS key file at {@code file}, which must not exist. */
  BlsKey newBlsKey(Path file, char[] password);

  /**
   * Writes a new libp2p (ed25519) node key at {@code file}, which must not exist; returns the peer
   * id.
   */
  String newNodeKey(Path file);

  /** The peer id of an existing node key file. */
  String peerIdOf(Path file);

  /**
   * Checks a BLS public key and its proof of possession; throws {@link CliException} with {@link
   * FugueCli#EXIT_USAGE} naming what is wrong.
   */
  void checkProofOfPossession(String publicKey, String proofOfPossession);

  /** Parses the genesis file strictly; a defect is a {@link CliException} naming the JSON path. */
  GenesisSummary checkGenesis(Path file);
}
