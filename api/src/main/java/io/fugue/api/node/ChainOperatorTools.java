package io.fugue.api.node;

import io.fugue.api.cli.CliException;
import io.fugue.api.cli.FugueCli;
import io.fugue.api.cli.OperatorTools;
import io.fugue.chain.crypto.BlsPublicKey;
import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.crypto.BlsSignature;
import io.fugue.chain.crypto.KeyFile;
import io.fugue.chain.crypto.KeyFiles;
import io.fugue.chain.genesis.Genesis;
import io.fugue.chain.genesis.GenesisConfig;
import io.fugue.chain.genesis.GenesisParser;
import io.fugue.chain.genesis.ShardGenesis;
import io.fugue.chain.p2p.NodeKey;
import io.fugue.chain.p2p.P2pConfig;
import io.fugue.chain.p2p.P2pHost;
import io.fugue.chain.primitives.ChainException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** {@link OperatorTools} over the chain's BLS, key file, node key and genesis code. */
final class ChainOperatorTools implements OperatorTools {
  private final KeyFile.ScryptParams scrypt;
  private final SecureRandom random = new SecureRandom();

  ChainOperatorTools(KeyFile.ScryptParams scrypt) {
    this.scrypt = Objects.requireNonNull(scrypt, "scrypt");
  }

  @Override
  public BlsKey newBlsKey(Path file, char[] password) {
    refuseExisting(file);
    byte[] seed = new byte[BlsSecretKey.MIN_SEED_SIZE];
    random.nextBytes(seed);
    BlsSecretKey key = BlsSecretKey.fromSeed(seed);
    Arrays.fill(seed, (byte) 0);
    try {
      KeyFiles.write(file, KeyFile.encrypt(key, password, scrypt, random));
    } catch (ChainException e) {
      throw new CliException(FugueCli.EXIT_FAILED, e.getMessage());
    }
    return new BlsKey(
        key.publicKey().toBytes().toPrefixedHex(),
        key.proofOfPossession().toBytes().toPrefixedHex());
  }

  @Override
  public String newNodeKey(Path file) {
    refuseExisting(file);
    try {
      Arrays.fill(NodeKey.loadOrCreate(file), (byte) 0);
    } catch (RuntimeException e) {
      throw new CliException(
          FugueCli.EXIT_FAILED, "cannot write node key " + file + ": " + e.getMessage());
    }
    return peerIdOf(file);
  }

  @Override
  public String peerIdOf(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new CliException(FugueCli.EXIT_FAILED, "no node key file at " + file);
    }
    // The peer id is derived by the native libp2p host: start one that listens nowhere.
    try (P2pHost host = P2pHost.start(P2pConfig.builder().listen().keyPath(file).build())) {
      return host.peerId().value();
    } catch (RuntimeException e) {
      throw new CliException(
          FugueCli.EXIT_FAILED, "cannot read node key " + file + ": " + e.getMessage());
    }
  }

  @Override
  public void checkProofOfPossession(String publicKey, String proofOfPossession) {
    BlsPublicKey pk;
    BlsSignature pop;
    try {
      pk = BlsPublicKey.fromHex(publicKey);
    } catch (RuntimeException e) {
      throw new CliException(FugueCli.EXIT_USAGE, "--bls-key: " + e.getMessage());
    }
    try {
      pop = BlsSignature.fromHex(proofOfPossession);
    } catch (RuntimeException e) {
      throw new CliException(FugueCli.EXIT_USAGE, "--pop: " + e.getMessage());
    }
    if (!pk.verifyProofOfPossession(pop)) {
      throw new CliException(
          FugueCli.EXIT_USAGE, "--pop is not a proof of possession of --bls-key");
    }
  }

  @Override
  public GenesisSummary checkGenesis(Path file) {
    GenesisConfig c;
    try {
      c = GenesisParser.load(file);
    } catch (ChainException e) {
      throw new CliException(FugueCli.EXIT_FAILED, file + ": " + e.getMessage());
    }
    List<String> blocks = new ArrayList<>();
    List<Integer> validators = new ArrayList<>();
    for (ShardGenesis s : c.shards()) {
      blocks.add(Genesis.forShard(c, s.shardId()).block().hash().toBytes().toPrefixedHex());
      validators.add(s.committee().size());
    }
    return new GenesisSummary(
        c.networkId(),
        c.chainId(),
        c.shardCount(),
        Genesis.configHash(c).toBytes().toPrefixedHex(),
        blocks,
        validators,
        c.governance().isPresent());
  }

  private static void refuseExisting(Path file) {
    if (Files.exists(file)) {
      throw new CliException(FugueCli.EXIT_FAILED, file + " already exists; not overwriting it");
    }
  }
}
