package io.fugue.chain.module;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.ledger.TransactionTypes;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModuleRegistryTest {
  private record Stub(ModuleId id, Set<Integer> transactionTypes) implements LedgerModule {
    @Override
    public Validation validate(Transaction tx, Address sender, StateView state, BlockContext ctx) {
      return Validation.ACCEPT;
    }

    @Override
    public ModuleResult apply(Transaction tx, Address sender, StateWriter state, BlockContext ctx) {
      return ModuleResult.empty();
    }
  }

  @Test
  void shouldRouteTransfersToTheBuiltInModule() {
    ModuleRegistry r = ModuleRegistry.builtInsOnly();
    assertThat(r.forType(TransactionTypes.TRANSFER)).get().isInstanceOf(TransferModule.class);
    assertThat(r.supports(TransactionTypes.TRANSFER)).isEqualTo(Validation.ACCEPT);
  }

  @Test
  void shouldRejectAnUnknownType() {
    Validation v = ModuleRegistry.builtInsOnly().supports(0x33);
    assertThat(v).isInstanceOf(Validation.Reject.class);
    assertThat(v.reason()).isEqualTo("unknown transaction type 0x33");
  }

  @Test
  void shouldRegisterAModuleForItsTypes() {
    Stub attest = new Stub(ModuleId.of("datasharing.attest"), Set.of(0x20, 0x21));
    ModuleRegistry r = ModuleRegistry.builder().register(attest).build();
    assertThat(r.forType(0x21)).contains(attest);
    assertThat(r.modules()).hasSize(2);
  }

  @Test
  void shouldRejectADuplicateModuleId() {
    assertThatThrownBy(
            () ->
                ModuleRegistry.builder().register(new Stub(ModuleId.of("transfer"), Set.of(0x20))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already registered");
  }

  @Test
  void shouldRejectATypeTakenByAnotherModule() {
    ModuleRegistry.Builder b =
        ModuleRegistry.builder().register(new Stub(ModuleId.of("a"), Set.of(0x20)));
    assertThatThrownBy(() -> b.register(new Stub(ModuleId.of("b"), Set.of(0x20))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("already executed by module a");
  }

  @Test
  void shouldRejectTypesReservedForTheChainOrOutOfRange() {
    assertThatThrownBy(
            () -> ModuleRegistry.builder().register(new Stub(ModuleId.of("a"), Set.of(0x01))))
        .hasMessageContaining("outside 0x10..0x7f");
    assertThatThrownBy(
            () -> ModuleRegistry.builder().register(new Stub(ModuleId.of("a"), Set.of(0x80))))
        .hasMessageContaining("outside 0x10..0x7f");
    assertThatThrownBy(
            () -> ModuleRegistry.builder().register(new Stub(ModuleId.of("a"), Set.of())))
        .hasMessageContaining("no transaction types");
  }

  @Test
  void shouldKeepModuleIdsToTheirAlphabet() {
    assertThatThrownBy(() -> ModuleId.of("Transfer")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ModuleId.of("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ModuleId.of("a".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(ModuleId.of("datasharing.attest-v1").bytes().size()).isEqualTo(21);
  }
}
