package io.fugue.api.node;

import io.fugue.api.cli.TransferSigner;
import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.HexBytes;
import io.fugue.chain.ledger.Transfer;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import java.math.BigInteger;

/**
 * Signs a transfer with the sender's key from the key store, in the chain's transaction encoding,
 * for the network's chain id (the devnet's by default).
 */
public final class ChainTransferSigner implements TransferSigner {
  /** The fee every CLI transaction offers, in base units. */
  static final Uint256 FEE = Uint256.of(1_000);

  private final KeyFileKeyStore keys;
  private final long chainId;

  public ChainTransferSigner(KeyFileKeyStore keys, long chainId) {
    this.keys = keys;
    this.chainId = chainId;
  }

  @Override
  public HexBytes signTransfer(
      AccountAddress from,
      AccountAddress to,
      BigInteger amount,
      long nonce,
      int shard,
      int toShard) {
    var unsigned =
        Transfer.unsigned(
            chainId,
            nonce,
            ShardId.of(shard),
            FEE,
            new Transfer(
                ShardId.of(toShard), Convert.address(to), Uint256.of(amount), Bytes.EMPTY));
    return Convert.hex(unsigned.sign(keys.privateKey(from)).encode());
  }
}
