package io.fugue.chain.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.ledger.Block;
import io.fugue.chain.ledger.BlockHeader;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.module.BlockContext;
import io.fugue.chain.module.BlockEnd;
import io.fugue.chain.module.LedgerModule;
import io.fugue.chain.module.ModuleId;
import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.module.ModuleResult;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Hashing;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link LedgerModule#endBlock}: a module's end-of-block writes are part of the state root, and a
 * shard state it returns is the header's {@code shardStateHash}, which validators recompute.
 */
class EndBlockTest {
  /** Every third block "ends an epoch": it records the block number and names a new state. */
  static final class EpochsModule implements LedgerModule {
    static final ModuleId ID = ModuleId.of("test.epochs");

    @Override
    public ModuleId id() {
      return ID;
    }

    @Override
    public Set<Integer> transactionTypes() {
      return Set.of(0x7e);
    }

    @Override
    public Validation validate(Transaction tx, Address sender, StateView state, BlockContext ctx) {
      return Validation.reject("no transactions");
    }

    @Override
    public ModuleResult apply(Transaction tx, Address sender, StateWriter state, BlockContext ctx) {
      throw new IllegalStateException("never applied");
    }

    @Override
    public Optional<Hash32> endBlock(StateWriter state, BlockContext ctx, BlockEnd end) {
      if (ctx.number() % 3 != 0) {
        return Optional.empty();
      }
      Bytes n =
          Bytes.of(
              Long.toString(ctx.number()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      state.putModuleValue(ID.bytes(), Bytes.of((byte) 1), n);
      return Optional.of(Hashing.keccak256(n.toArray()));
    }
  }

  private final TestChain t =
      new TestChain(
          new InMemoryKeyValueStore(),
          RateLimits.none(),
          2,
          ModuleRegistry.builder().register(new EpochsModule()).build());

  private long tick() {
    t.clock.advance(java.time.Duration.ofSeconds(1));
    return t.clock.millis();
  }

  private Block next() {
    Block b = t.chain.build(BuildRequest.simple(Address.ZERO, tick()), List.of()).block();
    assertThat(t.chain.importBlock(b).isAccepted()).isTrue();
    return b;
  }

  @Test
  void shouldCarryTheShardStateUntilAModuleChangesItAtTheEndOfABlock() {
    Hash32 genesis = t.chain.head().shardStateHash();
    Block one = next();
    Block two = next();
    Block three = next();
    Block four = next();
    assertThat(one.header().shardStateHash()).isEqualTo(genesis);
    assertThat(two.header().shardStateHash()).isEqualTo(genesis);
    assertThat(three.header().shardStateHash())
        .isEqualTo(Hashing.keccak256("3".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
    assertThat(four.header().shardStateHash()).isEqualTo(three.header().shardStateHash());
  }

  @Test
  void shouldRefuseABlockThatNamesAnotherShardStateThanItsEndGives() {
    next();
    next();
    Block honest = t.chain.build(BuildRequest.simple(Address.ZERO, tick()), List.of()).block();
    BlockHeader h = honest.header();
    BlockHeader forged = h.toBuilder().shardStateHash(Hash32.fromHex("ab".repeat(32))).build();
    Validation v = t.chain.importBlock(new Block(forged, honest.body()));
    assertThat(v.isAccepted()).isFalse();
    assertThat(v.reason()).contains("shardStateHash");
    assertThat(t.chain.importBlock(honest).isAccepted()).isTrue();
  }
}
