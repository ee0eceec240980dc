package io.fugue.chain.genesis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fugue.chain.execution.RateLimits;
import io.fugue.chain.execution.RewardSchedule;
import io.fugue.chain.staking.StakingGenesis;
import io.fugue.chain.staking.StakingParams;
import java.io.UncheckedIOException;

/** Writes a {@link GenesisConfig} as the JSON that {@link GenesisParser} reads back equal. */
public final class GenesisWriter {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private GenesisWriter() {}

  public static String toJson(GenesisConfig c) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("networkId", c.networkId());
    root.put("chainId", c.chainId());
    root.put("shardCount", c.shardCount());
    root.put("timestamp", c.timestamp());
    root.put("blockTimeMillis", c.blockTimeMillis());
    root.put("blocksPerEpoch", c.blocksPerEpoch());
    root.put("leaderRotationBlocks", c.leaderRotationBlocks());
    root.put("maxClockDriftMillis", c.maxClockDriftMillis());
    RateLimits r = c.rateLimits();
    ObjectNode limits = root.putObject("rateLimits");
    limits.put("maxValuePerTransaction", r.maxValuePerTransaction().toString());
    limits.put("maxTransactionsPerSenderPerHour", r.maxTransactionsPerSenderPerHour());
    limits.put("maxTransactionsPerBlock", r.maxTransactionsPerBlock());
    limits.put("maxPoolTransactions", r.maxPoolTransactions());
    if (r.liftedFromEpoch() == RateLimits.NEVER_LIFTED) {
      limits.putNull("liftedFromEpoch");
    } else {
      limits.put("liftedFromEpoch", r.liftedFromEpoch());
    }
    ArrayNode rewards = root.putArray("rewards");
    for (RewardSchedule.Step s : c.rewards().steps()) {
      rewards
          .addObject()
          .put("fromEpoch", s.fromEpoch())
          .put("blockReward", s.blockReward().toString());
    }
    ArrayNode shards = root.putArray("shards");
    for (ShardGenesis s : c.shards()) {
      ObjectNode shard = shards.addObject();
      shard.put("shardId", s.shardId().value());
      ObjectNode alloc = shard.putObject("allocations");
      s.allocations().forEach((a, v) -> alloc.put(a.toChecksumHex(), v.toString()));
      ArrayNode committee = shard.putArray("committee");
      s.committee().forEach(k -> committee.add(k.toBytes().toPrefixedHex()));
    }
    // Absent when empty, so a genesis without governance (the devnet's) writes as before.
    c.governance()
        .ifPresent(
            g -> {
              ObjectNode gov = root.putObject("governance");
              ArrayNode members = gov.putArray("members");
              g.members().forEach(a -> members.add(a.toChecksumHex()));
              gov.put("threshold", g.threshold());
            });
    c.staking().ifPresent(st -> writeStaking(root.putObject("staking"), st));
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeStaking(ObjectNode o, StakingGenesis st) {
    StakingParams p = st.params();
    o.put("slotsPerShard", p.slotsPerShard());
    o.put("minSelfDelegation", p.minSelfDelegation().toString());
    o.put("minDelegation", p.minDelegation().toString());
    o.put("maxKeysPerValidator", p.maxKeysPerValidator());
    o.put("undelegationLockEpochs", p.undelegationLockEpochs());
    o.put("doubleSignSlashBps", p.doubleSignSlashBps());
    o.put("reporterShareBps", p.reporterShareBps());
    o.put("shardCapBps", p.shardCapBps());
    o.put("availabilityThresholdBps", p.availabilityThresholdBps());
    o.put("maxCommissionChangeBps", p.maxCommissionChangeBps());
    if (st.electedFromEpoch() == StakingGenesis.NEVER) {
      o.putNull("electedFromEpoch");
    } else {
      o.put("electedFromEpoch", st.electedFromEpoch());
    }
    ArrayNode validators = o.putArray("validators");
    for (StakingGenesis.GenesisValidator v : st.validators()) {
      ObjectNode n = validators.addObject();
      n.put("operator", v.operator().toChecksumHex());
      n.put("name", v.description().name());
      n.put("website", v.description().website());
      n.put("details", v.description().details());
      n.put("securityContact", v.description().securityContact());
      ArrayNode keys = n.putArray("keys");
      v.keys().forEach(k -> keys.add(k.bytes().toPrefixedHex()));
      n.put("stake", v.stake().toString());
      n.put("commissionBps", v.commissionBps());
      n.put("maxCommissionBps", v.maxCommissionBps());
      n.put("maxChangeBps", v.maxChangeBps());
      n.put("maxTotalDelegation", v.maxTotalDelegation().toString());
    }
  }
}
