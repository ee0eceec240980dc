package io.fugue.chain.staking;

import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.state.StateView;
import io.fugue.chain.state.StateWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Double-sign slashing arithmetic (docs/staking.md, "Slashing"). The evidence checks (both
 * signatures verify, the key was in that epoch's committee, the block hashes differ) belong to the
 * ReportDoubleSign transaction; this class applies an accepted report: every delegation to the
 * offender (self-stake included) and every pending undelegation from it lose ⌊amount ·
 * doubleSignSlashBps / 10,000⌋; ⌊slashed · reporterShareBps / 10,000⌋ is credited to the reporter's
 * reward balance, the rest is burned; the validator is banned; the evidence is marked used so it
 * never slashes twice.
 */
public final class Slashing {
  private Slashing() {}

  /** What a slash did. {@code burned = slashed − reporterReward}. */
  public record Outcome(Uint256 slashed, Uint256 reporterReward, Uint256 burned) {}

  public static Validation check(StateView s, Address offender, Hash32 evidenceHash) {
    if (StakingState.evidenceUsed(s, evidenceHash)) {
      return Validation.reject("evidence " + evidenceHash.toHex() + " already slashed");
    }
    Optional<Validator> v = StakingState.validator(s, offender);
    if (v.isEmpty()) {
      return Validation.reject("no validator " + offender.toChecksumHex());
    }
    if (v.get().status() == Validator.Status.BANNED) {
      return Validation.reject("validator " + offender.toChecksumHex() + " is already banned");
    }
    return Validation.accept();
  }

  /** Applies an accepted report made in {@code epoch}. */
  public static Outcome slash(
      StateWriter w,
      Address offender,
      Address reporter,
      Hash32 evidenceHash,
      long epoch,
      StakingParams p) {
    BigInteger rate = BigInteger.valueOf(p.doubleSignSlashBps());
    BigInteger bps = BigInteger.valueOf(StakingParams.BPS);
    BigInteger slashed = BigInteger.ZERO;
    Validator v = StakingState.validator(w, offender).orElseThrow();
    BigInteger total = v.totalStake().toBigInteger();
    BigInteger self = v.selfStake().toBigInteger();
    for (Delegation d : StakingState.delegationsTo(w, offender)) {
      BigInteger cut = d.amount().toBigInteger().multiply(rate).divide(bps);
      if (cut.signum() == 0) {
        continue;
      }
      slashed = slashed.add(cut);
      total = total.subtract(cut);
      if (d.delegator().equals(offender)) {
        self = self.subtract(cut);
      }
      StakingState.putDelegation(w, d.delegator(), offender, d.amount().subtract(Uint256.of(cut)));
    }
    for (long e = epoch; e <= epoch + p.undelegationLockEpochs(); e++) {
      List<Undelegation> pending = StakingState.undelegations(w, e);
      List<Undelegation> after = new ArrayList<>(pending.size());
      boolean changed = false;
      for (Undelegation u : pending) {
        BigInteger cut =
            u.validator().equals(offender)
                ? u.amount().toBigInteger().multiply(rate).divide(bps)
                : BigInteger.ZERO;
        if (cut.signum() > 0) {
          changed = true;
          slashed = slashed.add(cut);
          BigInteger left = u.amount().toBigInteger().subtract(cut);
          if (left.signum() > 0) {
            after.add(new Undelegation(u.delegator(), u.validator(), Uint256.of(left), e));
          }
        } else {
          after.add(u);
        }
      }
      if (changed) {
        StakingState.putUndelegations(w, e, after);
      }
    }
    StakingState.putValidator(
        w, v.withStake(Uint256.of(self), Uint256.of(total)).withStatus(Validator.Status.BANNED));
    BigInteger reward = slashed.multiply(BigInteger.valueOf(p.reporterShareBps())).divide(bps);
    Rewards.credit(w, reporter, reward);
    StakingState.markEvidenceUsed(w, evidenceHash);
    return new Outcome(
        Uint256.of(slashed), Uint256.of(reward), Uint256.of(slashed.subtract(reward)));
  }
}
