package io.fugue.chain.consensus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.primitives.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutputRouterTest {

  @Test
  void shouldPersistTheSafetyRecordBeforeBroadcastingTheVoteAndRouteEveryOutput() {
    ManualCluster c = new ManualCluster(4);
    List<String> log = new ArrayList<>();
    List<SafetyRecord> stored = new ArrayList<>();
    SafetyStore store =
        new SafetyStore() {
          @Override
          public void persist(SafetyRecord record) {
            stored.add(SafetyRecordCodec.decode(SafetyRecordCodec.encode(record)));
            log.add("persist");
          }

          @Override
          public Optional<SafetyRecord> load() {
            return stored.isEmpty() ? Optional.empty() : Optional.of(stored.get(stored.size() - 1));
          }
        };
    int leader = c.leader(1, 0);
    FbftMachine m = c.machines.get(leader);
    OutputRouter router =
        new OutputRouter(
            m.codec(),
            bytes -> log.add("gossip:" + bytes.get(1)),
            (b, proof) -> log.add("final"),
            e -> log.add("evidence"),
            store,
            at -> log.add("tick"),
            h -> log.add("sync"));
    router.route(m.start(0));
    router.route(m.onTick(c.config.blockIntervalMillis()));
    assertThat(log).containsSubsequence("persist", "gossip:1", "persist", "gossip:2");
    assertThat(log).contains("tick");
    assertThat(store.load()).isPresent();
    assertThat(store.load().get().height()).isEqualTo(1);
  }

  @Test
  void shouldRoundTripSafetyRecordsAndRefuseCorruptOnes() {
    ManualCluster c = new ManualCluster(4);
    c.drop = (e, to) -> e.message() instanceof ConsensusMessage.Vote v && v.phase() == Phase.COMMIT;
    c.start();
    c.advance(0);
    c.deliverAll();
    SafetyRecord withPrepared =
        c.outputsOf(1, Output.PersistSafety.class).stream()
            .map(Output.PersistSafety::record)
            .filter(r -> r.prepared().isPresent())
            .findFirst()
            .orElseThrow();
    Bytes encoded = SafetyRecordCodec.encode(withPrepared);
    assertThat(SafetyRecordCodec.decode(encoded)).isEqualTo(withPrepared);
    assertThatThrownBy(() -> SafetyRecordCodec.decode(encoded.slice(0, encoded.size() - 1)))
        .isInstanceOf(ConsensusException.class)
        .hasMessageContaining("corrupt");
    assertThatThrownBy(() -> SafetyRecordCodec.decode(Bytes.fromHex("02")))
        .isInstanceOf(ConsensusException.class);
  }
}
