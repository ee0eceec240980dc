package io.fugue.chain.ledger;

import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;

/** Generators of valid ledger objects for property tests. */
final class LedgerArbitraries {
  static final List<Secp256k1PrivateKey> KEYS = List.of(key(1), key(2), key(3));

  private LedgerArbitraries() {}

  static Secp256k1PrivateKey key(int i) {
    byte[] raw = new byte[32];
    raw[31] = (byte) i;
    raw[0] = 0x11;
    return Secp256k1PrivateKey.fromBytes(Bytes.of(raw));
  }

  static Arbitrary<Bytes> bytes(int max) {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(max).map(Bytes::of);
  }

  static Arbitrary<Hash32> hashes() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32).map(Hash32::of);
  }

  static Arbitrary<Address> addresses() {
    return Arbitraries.bytes().array(byte[].class).ofSize(20).map(Address::of);
  }

  static Arbitrary<ShardId> shards() {
    return Arbitraries.integers().between(0, ShardId.MAX).map(ShardId::new);
  }

  static Arbitrary<Long> uints() {
    return Arbitraries.oneOf(
        Arbitraries.longs().between(0, 300), Arbitraries.longs().greaterOrEqual(0));
  }

  static Arbitrary<Uint256> amounts() {
    return Arbitraries.bytes()
        .array(byte[].class)
        .ofMaxSize(32)
        .map(b -> Uint256.of(new BigInteger(1, b)));
  }

  static Arbitrary<Transfer> transfers() {
    return Combinators.combine(shards(), addresses(), amounts(), bytes(100)).as(Transfer::new);
  }

  static Arbitrary<Transaction> transactions() {
    return Combinators.combine(
            uints(),
            uints(),
            shards(),
            amounts(),
            transfers(),
            Arbitraries.integers().between(0, KEYS.size() - 1))
        .as(
            (chain, nonce, shard, fee, t, k) ->
                Transfer.unsigned(chain, nonce, shard, fee, t).sign(KEYS.get(k)));
  }

  static Arbitrary<BlockHeader> headers() {
    return Builders.withBuilder(BlockHeader::builder)
        .use(shards())
        .in(BlockHeader.Builder::shardId)
        .use(uints())
        .in(BlockHeader.Builder::number)
        .use(uints())
        .in(BlockHeader.Builder::epoch)
        .use(uints())
        .in(BlockHeader.Builder::viewId)
        .use(hashes())
        .in(BlockHeader.Builder::parentHash)
        .use(uints())
        .in(BlockHeader.Builder::timestamp)
        .use(addresses())
        .in(BlockHeader.Builder::proposer)
        .use(hashes())
        .in(BlockHeader.Builder::stateRoot)
        .use(hashes())
        .in(BlockHeader.Builder::txRoot)
        .use(hashes())
        .in(BlockHeader.Builder::receiptRoot)
        .use(hashes())
        .in(BlockHeader.Builder::outgoingReceiptRoot)
        .use(Arbitraries.bytes().array(byte[].class).ofSize(96).map(Bytes::of))
        .in(BlockHeader.Builder::lastCommitSignature)
        .use(bytes(40))
        .in(BlockHeader.Builder::lastCommitBitmap)
        .use(bytes(100))
        .in(BlockHeader.Builder::vrf)
        .use(bytes(100))
        .in(BlockHeader.Builder::vdf)
        .use(hashes())
        .in(BlockHeader.Builder::shardStateHash)
        .use(bytes(32))
        .in(BlockHeader.Builder::extra)
        .build(BlockHeader.Builder::build);
  }

  static Arbitrary<CrossShardReceipt> crossShardReceipts() {
    return Combinators.combine(hashes(), addresses(), addresses(), shards(), shards(), amounts())
        .as(CrossShardReceipt::new);
  }

  static Arbitrary<Crosslink> crosslinks() {
    return Combinators.combine(
            shards(),
            uints(),
            uints(),
            uints(),
            hashes(),
            Arbitraries.bytes().array(byte[].class).ofSize(96).map(Bytes::of),
            bytes(20))
        .as(Crosslink::new);
  }

  static Arbitrary<IncomingReceipts> incoming() {
    return Combinators.combine(
            shards(), uints(), hashes(), crossShardReceipts().list().ofMaxSize(3), bytes(50))
        .as(IncomingReceipts::new);
  }

  static Arbitrary<BlockBody> bodies() {
    return Combinators.combine(
            transactions().list().ofMaxSize(4),
            incoming().list().ofMaxSize(2),
            crosslinks().list().ofMaxSize(2))
        .as(BlockBody::new);
  }

  static Arbitrary<Receipt> receipts() {
    Arbitrary<Receipt.Log> logs =
        Combinators.combine(addresses(), hashes().list().ofMaxSize(4), bytes(40))
            .as(Receipt.Log::new);
    return Combinators.combine(
            Arbitraries.of(Receipt.Status.class), amounts(), logs.list().ofMaxSize(3))
        .as(Receipt::new);
  }
}
