package io.fugue.chain.staking;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.state.Account;
import io.fugue.chain.state.StateWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A plain in-memory state for the staking arithmetic tests (no checkpoints needed here). */
final class MapState implements StateWriter {
  final Map<Bytes, Account> accounts = new HashMap<>();
  final Map<Bytes, Bytes> records = new HashMap<>();

  @Override
  public Account account(Bytes address) {
    return accounts.getOrDefault(address, Account.EMPTY);
  }

  @Override
  public Optional<Bytes> moduleValue(Bytes moduleId, Bytes key) {
    return Optional.ofNullable(records.get(Bytes.concat(moduleId, Bytes.of((byte) '/'), key)));
  }

  @Override
  public void setAccount(Bytes address, Account account) {
    accounts.put(address, account);
  }

  @Override
  public void putModuleValue(Bytes moduleId, Bytes key, Bytes value) {
    records.put(Bytes.concat(moduleId, Bytes.of((byte) '/'), key), value);
  }

  @Override
  public void deleteModuleValue(Bytes moduleId, Bytes key) {
    records.remove(Bytes.concat(moduleId, Bytes.of((byte) '/'), key));
  }

  @Override
  public int checkpoint() {
    throw new UnsupportedOperationException("not used by these tests");
  }

  @Override
  public void revertTo(int checkpoint) {
    throw new UnsupportedOperationException("not used by these tests");
  }
}
