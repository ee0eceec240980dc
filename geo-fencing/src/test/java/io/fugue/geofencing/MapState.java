package io.fugue.geofencing;

import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.state.Account;
import io.fugue.chain.state.StateWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A plain in-memory state for unit tests of module rules (no tree, no storage). */
public final class MapState implements StateWriter {
  private Map<Bytes, Bytes> values = new HashMap<>();
  private final Map<Bytes, Account> accounts = new HashMap<>();
  private final List<Map<Bytes, Bytes>> checkpoints = new ArrayList<>();

  private static Bytes key(Bytes moduleId, Bytes key) {
    return Bytes.concat(Bytes.of((byte) moduleId.size()), moduleId, key);
  }

  @Override
  public Account account(Bytes address) {
    return accounts.getOrDefault(address, Account.EMPTY);
  }

  @Override
  public Optional<Bytes> moduleValue(Bytes moduleId, Bytes key) {
    return Optional.ofNullable(values.get(key(moduleId, key)));
  }

  @Override
  public void setAccount(Bytes address, Account account) {
    accounts.put(address, account);
  }

  @Override
  public void putModuleValue(Bytes moduleId, Bytes key, Bytes value) {
    values.put(key(moduleId, key), value);
  }

  @Override
  public void deleteModuleValue(Bytes moduleId, Bytes key) {
    values.remove(key(moduleId, key));
  }

  @Override
  public int checkpoint() {
    checkpoints.add(new HashMap<>(values));
    return checkpoints.size() - 1;
  }

  @Override
  public void revertTo(int checkpoint) {
    values = checkpoints.get(checkpoint);
    checkpoints.subList(checkpoint, checkpoints.size()).clear();
  }

  /** A copy of every module value, to show that a refused transaction changed nothing. */
  public Map<Bytes, Bytes> snapshot() {
    return Map.copyOf(values);
  }
}
