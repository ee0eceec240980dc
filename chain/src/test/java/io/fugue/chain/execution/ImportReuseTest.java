package io.fugue.chain.execution;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.ledger.Block;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.storage.Column;
import io.fugue.chain.storage.InMemoryKeyValueStore;
import io.fugue.chain.storage.KeyRange;
import io.fugue.chain.storage.KeyValue;
import io.fugue.chain.storage.KeyValueStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A block validated before it is imported is executed once; the import replays that execution. */
class ImportReuseTest {
  private final TestChain proposer = chain();

  private static TestChain chain() {
    return new TestChain(new InMemoryKeyValueStore(), RateLimits.none(), 4);
  }

  private static Map<Column, List<KeyValue>> contents(KeyValueStore store) {
    Map<Column, List<KeyValue>> out = new LinkedHashMap<>();
    for (Column c : Column.values()) {
      List<KeyValue> kvs = new ArrayList<>();
      store.scan(c, KeyRange.all(), kvs::add);
      out.put(c, kvs);
    }
    return out;
  }

  private static void receive(TestChain node, Block block, boolean validateFirst) {
    node.clock.set(
        node.clock.millis() < block.header().timestamp()
            ? block.header().timestamp()
            : node.clock.millis());
    if (validateFirst) {
      assertThat(node.chain.validate(block)).isEqualTo(Validation.ACCEPT);
    }
    assertThat(node.chain.importBlock(block)).isEqualTo(Validation.ACCEPT);
  }

  @Test
  void shouldStoreIdenticalBytesWhetherTheImportReusesTheValidationOrExecutesInFull() {
    TestChain reusing = chain();
    TestChain executing = chain();
    for (int n = 0; n < 5; n++) {
      Block b =
          proposer.commit(
              List.of(proposer.transfer(n % 4, (n + 1) % 4, 10 + n, 1, proposer.nonce(n % 4))));
      receive(reusing, b, true);
      receive(executing, b, false);
    }
    assertThat(reusing.chain.head()).isEqualTo(executing.chain.head());
    assertThat(reusing.chain.importCounts()).isEqualTo(new Blockchain.ImportCounts(5, 0));
    assertThat(executing.chain.importCounts()).isEqualTo(new Blockchain.ImportCounts(0, 5));
    Map<Column, List<KeyValue>> a = contents(reusing.store);
    assertThat(a.values().stream().mapToInt(List::size).sum()).isPositive();
    assertThat(a).isEqualTo(contents(executing.store));
    assertThat(a).isEqualTo(contents(proposer.store));
  }

  @Test
  void shouldDropExecutionsOfOtherParentsWhenTheHeadMoves() {
    Block b1 = proposer.build(List.of(proposer.transfer(0, 1, 10, 1, 0))).block();
    Block c1 = proposer.build(List.of(proposer.transfer(2, 3, 10, 1, 0))).block();
    TestChain node = chain();
    node.clock.set(c1.header().timestamp());
    assertThat(node.chain.validate(b1)).isEqualTo(Validation.ACCEPT);
    assertThat(node.chain.validate(c1)).isEqualTo(Validation.ACCEPT);
    assertThat(node.chain.rememberedExecutions()).isEqualTo(2);
    assertThat(node.chain.importBlock(c1)).isEqualTo(Validation.ACCEPT);
    assertThat(node.chain.rememberedExecutions()).isZero();
    assertThat(node.chain.importCounts()).isEqualTo(new Blockchain.ImportCounts(1, 0));
  }

  @Test
  void shouldNotReuseAnExecutionOnAnotherHead() {
    Block b1 = proposer.build(List.of(proposer.transfer(0, 1, 10, 1, 0))).block();
    Block c1 = proposer.build(List.of(proposer.transfer(2, 3, 10, 1, 0))).block();
    TestChain node = chain();
    node.clock.set(c1.header().timestamp());
    assertThat(node.chain.validate(b1)).isEqualTo(Validation.ACCEPT);
    assertThat(node.chain.importBlock(c1)).isEqualTo(Validation.ACCEPT);
    assertThat(node.chain.importCounts())
        .as("c1 was never validated here")
        .isEqualTo(new Blockchain.ImportCounts(0, 1));
    // b1's remembered writes would credit account 1 on top of c1; it must be checked in full and
    // refused.
    assertThat(node.chain.importBlock(b1).isAccepted()).isFalse();
    assertThat(node.chain.head()).isEqualTo(c1.header());
    assertThat(node.balance(1)).isEqualTo(chain().balance(1));
    assertThat(node.chain.importCounts()).isEqualTo(new Blockchain.ImportCounts(0, 1));
  }
}
