package io.fugue.chain.staking;

import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.state.Account;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The value-moving staking operations the {@code StakingModule} transactions will run: each has a
 * {@code check…} that returns the refusal reason (and writes nothing) and an {@code apply…} for an
 * accepted one. Value only moves between account balances, stake, locks and reward balances, so the
 * total supply is unchanged by them (property-tested in {@code StakingSupplyTest}).
 */
public final class StakingOps {
  private StakingOps() {}

  public static Validation checkDelegate(
      StateView s, Address delegator, Address validator, Uint256 amount, StakingParams p) {
    Optional<Validator> v = StakingState.validator(s, validator);
    if (v.isEmpty()) {
      return Validation.reject("no validator " + validator.toChecksumHex());
    }
    if (v.get().status() == Validator.Status.BANNED) {
      return Validation.reject("validator " + validator.toChecksumHex() + " is banned");
    }
    if (amount.compareTo(p.minDelegation()) < 0) {
      return Validation.reject("delegation " + amount + " below the minimum " + p.minDelegation());
    }
    BigInteger balance = s.account(delegator.toBytes()).balance();
    if (balance.compareTo(amount.toBigInteger()) < 0) {
      return Validation.reject("insufficient balance: " + balance + " < " + amount);
    }
    Optional<Uint256> total = v.get().totalStake().tryAdd(amount);
    if (total.isEmpty() || total.get().compareTo(v.get().maxTotalDelegation()) > 0) {
      return Validation.reject(
          "validator's total stake would exceed its maximum " + v.get().maxTotalDelegation());
    }
    return Validation.accept();
  }

  public static void applyDelegate(
      StateWriter w, Address delegator, Address validator, Uint256 amount) {
    Account a = w.account(delegator.toBytes());
    w.setAccount(delegator.toBytes(), a.withBalance(a.balance().subtract(amount.toBigInteger())));
    StakingState.putDelegation(
        w, delegator, validator, StakingState.delegation(w, delegator, validator).add(amount));
    adjustStake(w, delegator, validator, amount, true);
  }

  public static Validation checkUndelegate(
      StateView s, Address delegator, Address validator, Uint256 amount, StakingParams p) {
    Uint256 held = StakingState.delegation(s, delegator, validator);
    if (held.isZero()) {
      return Validation.reject("no delegation to " + validator.toChecksumHex());
    }
    if (amount.isZero() || amount.compareTo(held) > 0) {
      return Validation.reject("undelegation " + amount + " not in 1.." + held);
    }
    if (amount.compareTo(p.minDelegation()) < 0 && !amount.equals(held)) {
      return Validation.reject(
          "undelegation "
              + amount
              + " below the minimum "
              + p.minDelegation()
              + " and not the whole delegation");
    }
    return Validation.accept();
  }

  /** Moves the amount from the delegation into a lock released at the end of epoch+lock. */
  public static void applyUndelegate(
      StateWriter w,
      Address delegator,
      Address validator,
      Uint256 amount,
      long epoch,
      StakingParams p) {
    StakingState.putDelegation(
        w, delegator, validator, StakingState.delegation(w, delegator, validator).subtract(amount));
    adjustStake(w, delegator, validator, amount, false);
    StakingState.addUndelegation(
        w, new Undelegation(delegator, validator, amount, epoch + p.undelegationLockEpochs()));
  }

  public static Validation checkCollect(StateView s, Address account) {
    Uint256 r = StakingState.rewards(s, account);
    if (r.isZero()) {
      return Validation.reject("no rewards to collect");
    }
    BigInteger after = s.account(account.toBytes()).balance().add(r.toBigInteger());
    if (after.compareTo(Account.BALANCE_LIMIT) >= 0) {
      return Validation.reject("balance would exceed 2^256");
    }
    return Validation.accept();
  }

  public static Uint256 applyCollect(StateWriter w, Address account) {
    Uint256 r = StakingState.rewards(w, account);
    Account a = w.account(account.toBytes());
    w.setAccount(account.toBytes(), a.withBalance(a.balance().add(r.toBigInteger())));
    StakingState.putRewards(w, account, Uint256.ZERO);
    return r;
  }

  private static void adjustStake(
      StateWriter w, Address delegator, Address validator, Uint256 amount, boolean add) {
    Validator v = StakingState.validator(w, validator).orElseThrow();
    boolean self = delegator.equals(validator);
    Uint256 total = add ? v.totalStake().add(amount) : v.totalStake().subtract(amount);
    Uint256 selfStake =
        !self ? v.selfStake() : add ? v.selfStake().add(amount) : v.selfStake().subtract(amount);
    StakingState.putValidator(w, v.withStake(selfStake, total));
  }
}
