package io.fugue.chain.bench;

import io.fugue.chain.execution.Blockchain;
import io.fugue.chain.execution.BuildRequest;
import io.fugue.chain.execution.BuiltBlock;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.genesis.DevnetGenesis;
import io.fugue.chain.genesis.Genesis;
import io.fugue.chain.genesis.GenesisConfig;
import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.ledger.Transfer;
import io.fugue.chain.ledger.UnsignedTransaction;
import io.fugue.chain.node.ShardNodes;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.staking.StakingGenesis;
import io.fugue.chain.staking.StakingModule;
import io.fugue.chain.staking.StakingTx;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A staking beacon chain's block import, side by side in one run: a block of transfers beside a
 * block of the same number of delegations (the cost per staking transaction), and an ordinary empty
 * block beside the epoch's last block, whose end runs the epoch transition (undelegation releases,
 * the election and placement of every validator, the shard state's encoding, the delegation
 * snapshots). Blocks are built on one chain and imported (validated, executed, committed) by a
 * second, both on in-memory stores. Not part of {@code mvn verify}; the command and result are in
 * docs/benchmarks.md ("Staking").
 *
 * <p>Arguments: {@code [validatorsPerShard] [shards] [txsPerBlock] [epochs]}, default {@code 250 4
 * 500 12}: 1,000 genesis validators of one key each over 4 shards.
 */
public final class StakingBlockBenchmark {
  private static final BigInteger COIN = DevnetGenesis.COIN;

  private StakingBlockBenchmark() {}

  public static void main(String[] args) {
    int perShard = args.length > 0 ? Integer.parseInt(args[0]) : 250;
    int shards = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int txs = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    int epochs = args.length > 3 ? Integer.parseInt(args[3]) : 12;
    long epochBlocks = 4;
    long t0 = System.nanoTime();
    DevnetGenesis.Devnet devnet =
        DevnetGenesis.generate(
            new DevnetGenesis.Spec(
                    Bytes.of(new byte[] {4, 2}),
                    shards,
                    perShard,
                    txs,
                    1_000_000,
                    RateLimits.none())
                .withStaking());
    GenesisConfig genesis =
        DevnetGenesis.withEpochs(devnet.config(), epochBlocks, StakingGenesis.NEVER);
    System.out.printf(
        "genesis: %d validators, %d accounts, made in %.1f s%n",
        shards * perShard, txs, (System.nanoTime() - t0) / 1e9);
    Blockchain builder = open(genesis);
    Blockchain importer = open(genesis);
    List<Address> validators = new ArrayList<>();
    devnet.operators().forEach(ops -> ops.forEach(o -> validators.add(o.address())));

    List<Long> ordinary = new ArrayList<>();
    List<Long> boundary = new ArrayList<>();
    List<Long> transfers = new ArrayList<>();
    List<Long> delegations = new ArrayList<>();
    long nonce = 0;
    for (int e = 0; e < epochs; e++) {
      for (long b = 0; b < epochBlocks; b++) {
        long number = builder.head().number() + 1;
        List<Transaction> candidates = new ArrayList<>();
        long inEpoch = number % epochBlocks;
        boolean transferBlock = inEpoch == 1;
        boolean delegateBlock = inEpoch == 2;
        for (int i = 0; (transferBlock || delegateBlock) && i < txs; i++) {
          var key = devnet.accounts().get(i);
          UnsignedTransaction u =
              transferBlock
                  ? Transfer.unsigned(
                      genesis.chainId(),
                      nonce,
                      ShardId.BEACON,
                      Uint256.of(1),
                      new Transfer(
                          ShardId.BEACON,
                          devnet.accounts().get((i + 1) % txs).address(),
                          Uint256.of(COIN),
                          Bytes.EMPTY))
                  : delegate(genesis, nonce, validators.get(i % validators.size()));
          candidates.add(u.sign(key));
        }
        if (transferBlock || delegateBlock) {
          nonce++;
        }
        BuiltBlock built =
            builder.build(
                BuildRequest.simple(Address.ZERO, genesis.timestamp() + number * 2_000),
                candidates);
        if (built.block().body().transactions().size() != candidates.size()) {
          throw new IllegalStateException(
              "block "
                  + number
                  + " holds "
                  + built.block().body().transactions().size()
                  + " of "
                  + candidates.size()
                  + " transactions");
        }
        commit(builder, built.block());
        long nanos = timeImport(importer, built.block());
        if (e < 2) {
          continue; // warm-up
        }
        if (transferBlock) {
          transfers.add(nanos);
        } else if (delegateBlock) {
          delegations.add(nanos);
        } else if (inEpoch == epochBlocks - 1) {
          boundary.add(nanos);
        } else {
          ordinary.add(nanos);
        }
      }
    }
    System.out.printf(
        "import, median of %d epochs after 2 warm-up epochs (%d validators, %d txs per block):%n",
        epochs - 2, shards * perShard, txs);
    System.out.printf("  ordinary empty block        %8.2f ms%n", median(ordinary) / 1e6);
    System.out.printf("  epoch's last (transition)   %8.2f ms%n", median(boundary) / 1e6);
    System.out.printf(
        "  %d transfers                %8.2f ms  (%.1f us per tx)%n",
        txs, median(transfers) / 1e6, median(transfers) / 1e3 / txs);
    System.out.printf(
        "  %d delegations              %8.2f ms  (%.1f us per tx)%n",
        txs, median(delegations) / 1e6, median(delegations) / 1e3 / txs);
    System.out.printf(
        "  ratios: transition/ordinary %.1f, delegation/transfer %.2f%n",
        median(boundary) / median(ordinary), median(delegations) / median(transfers));
  }

  private static UnsignedTransaction delegate(GenesisConfig g, long nonce, Address validator) {
    StakingTx.Delegate d =
        new StakingTx.Delegate(validator, Uint256.of(COIN.multiply(BigInteger.valueOf(100))));
    return new UnsignedTransaction(
        d.type(), g.chainId(), nonce, ShardId.BEACON, Uint256.of(1), d.toRlp());
  }

  private static Blockchain open(GenesisConfig genesis) {
    return Blockchain.open(
        new InMemoryKeyValueStore(),
        genesis.chainConfig(),
        Genesis.forShard(genesis, ShardId.BEACON),
        ShardNodes.builtIns(genesis, 0),
        StakingModule.REWARDS_TO_POOL,
        Clock.systemUTC());
  }

  private static void commit(Blockchain chain, Block block) {
    var v = chain.importBlock(block);
    if (!v.isAccepted()) {
      throw new IllegalStateException("import refused: " + v.reason());
    }
  }

  private static long timeImport(Blockchain chain, Block block) {
    long start = System.nanoTime();
    commit(chain, block);
    return System.nanoTime() - start;
  }

  private static double median(List<Long> xs) {
    long[] a = xs.stream().mapToLong(Long::longValue).toArray();
    Arrays.sort(a);
    return a.length == 0 ? Double.NaN : a[a.length / 2];
  }
}
