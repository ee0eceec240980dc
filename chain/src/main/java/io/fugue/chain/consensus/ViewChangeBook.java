package io.fugue.chain.consensus;

import io.fugue.chain.consensus.ConsensusMessage.ViewChange;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;

/** Verified VIEWCHANGE messages at the current height, by target view and member. */
final class ViewChangeBook {
  private final Map<Long, TreeMap<Integer, ViewChange>> byView = new HashMap<>();
  private final Map<Integer, Long> highestTarget = new HashMap<>();

  /** False if the member already sent one for this view. */
  boolean add(int member, ViewChange vc) {
    if (byView.computeIfAbsent(vc.viewId(), v -> new TreeMap<>()).putIfAbsent(member, vc) != null) {
      return false;
    }
    highestTarget.merge(member, vc.viewId(), Math::max);
    return true;
  }

  SortedMap<Integer, ViewChange> forView(long view) {
    return byView.getOrDefault(view, new TreeMap<>());
  }

  long power(long view, Committee committee) {
    long p = 0;
    for (int member : forView(view).keySet()) {
      p += committee.power(member);
    }
    return p;
  }

  /**
   * PBFT's catch-up rule: once members holding more than 1/3 of the power ask for views above
   * {@code currentView}, at least one honest member timed out, so join the smallest such view.
   */
  OptionalLong joinTarget(long currentView, Committee committee) {
    long power = 0;
    long smallest = Long.MAX_VALUE;
    for (Map.Entry<Integer, Long> e : highestTarget.entrySet()) {
      if (e.getValue() > currentView) {
        power += committee.power(e.getKey());
        smallest = Math.min(smallest, e.getValue());
      }
    }
    return committee.exceedsOneThird(power) ? OptionalLong.of(smallest) : OptionalLong.empty();
  }
}
