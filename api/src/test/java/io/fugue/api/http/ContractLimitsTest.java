package io.fugue.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.api.ApiLimits;
import io.fugue.api.model.AnswerQueryRequest;
import io.fugue.api.model.CreateQueryRequest;
import io.fugue.api.model.RevokeAttestationRequest;
import io.fugue.api.resource.chain.GetAccountEndpoint;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.staking.ShardState;
import io.fugue.chain.staking.StakingParams;
import io.fugue.chain.staking.Validator;
import io.fugue.datasharing.attestation.Subject;
import io.fugue.datasharing.holder.SealedOpening;
import io.fugue.datasharing.query.Consent;
import io.fugue.datasharing.registry.Issuer;
import io.fugue.datasharing.registry.RegistryTx;
import io.fugue.datasharing.registry.Schema;
import io.fugue.datasharing.registry.SchemaId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Walks the OpenAPI document and checks every declared limit (maxLength, maxItems, maximum) against
 * the constant the backend enforces: a limit added to the document without a backend constant, or a
 * constant changed without the document, fails here. Type bounds (a long's range, a shard id's
 * range) are limits too and are listed.
 */
class ContractLimitsTest {
  private static final long LONG = Long.MAX_VALUE;

  /** Hex of n bytes with its 0x prefix. */
  private static long hex(long bytes) {
    return 2 + 2 * bytes;
  }

  private static final Map<String, Long> BACKEND = new TreeMap<>();

  static {
    String blocks = "/paths/~1v1~1chain~1shards~1{shard}~1blocks~1{number}/get/parameters/";
    BACKEND.put(blocks + "0/schema maximum", GetAccountEndpoint.MAX_SHARD);
    BACKEND.put(blocks + "1/schema maximum", LONG);
    BACKEND.put(
        "/paths/~1v1~1chain~1shards~1{shard}~1blocks~1by-hash~1{hash}/get/parameters/0/schema maximum",
        GetAccountEndpoint.MAX_SHARD);
    BACKEND.put(
        "/paths/~1v1~1chain~1accounts~1{address}/get/parameters/1/schema maximum",
        GetAccountEndpoint.MAX_SHARD);
    BACKEND.put("/paths/~1rpc/post/parameters/0/schema maximum", ApiLimits.MAX_SHARD);
    BACKEND.put("/paths/~1rpc~1{shard}/post/parameters/0/schema maximum", ApiLimits.MAX_SHARD);
    String s = "/components/schemas/";
    BACKEND.put(s + "Hex maxLength", 2 + ApiLimits.defaults().maxBodyBytes());
    BACKEND.put(s + "VaultConsent maxLength", hex(Consent.MAX_ENCODED_BYTES));
    BACKEND.put(s + "Problem/properties/status maximum", 599L);
    for (String field :
        new String[] {
          "ChallengeResponse/properties/expiresAt",
          "TokenResponse/properties/expiresAt",
          "ShardInfo/properties/height",
          "Block/properties/number",
          "Block/properties/timestamp",
          "Transaction/properties/blockNumber",
          "Account/properties/nonce",
          "NodeInfo/properties/shards/items",
          "NodeInfo/properties/peers",
          "Attestation/properties/validFrom",
          "Attestation/properties/validUntil",
          "PublishAttestationRequest/properties/validFrom",
          "PublishAttestationRequest/properties/validUntil",
          "CreateQueryRequest/properties/threshold",
          "CreateQueryRequest/properties/upper",
          "Query/properties/threshold",
          "Query/properties/upper",
          "Query/properties/createdAt",
          "VaultEntry/properties/storedAt",
          "AttestationProof/properties/blockNumber"
        }) {
      BACKEND.put(s + field + " maximum", LONG);
    }
    for (String field :
        new String[] {
          "ShardInfo/properties/id",
          "Block/properties/shard",
          "Transaction/properties/shard",
          "Account/properties/shard",
          "AttestationProof/properties/shard"
        }) {
      BACKEND.put(s + field + " maximum", GetAccountEndpoint.MAX_SHARD);
    }
    BACKEND.put(
        s + "RegisterIssuerRequest/properties/name maxLength", (long) Issuer.MAX_NAME_BYTES);
    BACKEND.put(
        s + "RegisterIssuerRequest/properties/contact maxLength", (long) Issuer.MAX_CONTACT_BYTES);
    BACKEND.put(
        s + "IssuerStatusRequest/properties/reason maxLength",
        (long) RegistryTx.Suspend.MAX_REASON_BYTES);
    BACKEND.put(s + "Schema/properties/attribute maxLength", (long) Schema.MAX_ATTRIBUTE_BYTES);
    BACKEND.put(s + "Schema/properties/unit maxLength", (long) Schema.MAX_UNIT_BYTES);
    BACKEND.put(s + "Schema/properties/scale maximum", (long) Schema.MAX_SCALE);
    BACKEND.put(s + "Schema/properties/allowedIssuers maxItems", (long) Schema.MAX_ISSUERS);
    BACKEND.put(
        s + "RevokeAttestationRequest/properties/reason maxLength",
        (long) RevokeAttestationRequest.MAX_REASON_CHARS);
    BACKEND.put(
        s + "CreateQueryRequest/properties/attestations maxItems",
        (long) CreateQueryRequest.MAX_ATTESTATIONS);
    BACKEND.put(
        s + "CreateQueryRequest/properties/purpose maxLength",
        (long) CreateQueryRequest.MAX_PURPOSE_BYTES);
    BACKEND.put(
        s + "AnswerQueryRequest/properties/reason maxLength",
        (long) AnswerQueryRequest.MAX_REASON_BYTES);
    BACKEND.put(
        s + "StoreOpeningRequest/properties/ciphertext maxLength",
        hex(SealedOpening.ENCODED_BYTES));
    staking(s);
    BACKEND.put(
        "/paths/~1v1~1identity~1dids~1{did}/get/parameters/0/schema maxLength",
        (long) io.fugue.api.resource.identity.ResolveDidEndpoint.MAX_DID_CHARS);
  }

  /** The staking reads: bounds of the staking records and parameters. */
  private static void staking(String s) {
    long digits = Uint256.MAX.toString().length();
    for (String field :
        new String[] {
          "StakingInfo/properties/minSelfDelegation",
          "StakingInfo/properties/minDelegation",
          "Slot/properties/effectiveStake",
          "Validator/properties/minSelfDelegation",
          "Validator/properties/maxTotalDelegation",
          "Validator/properties/selfStake",
          "Validator/properties/totalStake",
          "Validator/properties/uncollectedRewards",
          "Delegator/properties/delegations/items/properties/amount",
          "Delegator/properties/undelegations/items/properties/amount",
          "Delegator/properties/uncollectedRewards"
        }) {
      BACKEND.put(s + field + " maxLength", digits);
    }
    for (String field :
        new String[] {
          "StakingInfo/properties/epoch",
          "StakingInfo/properties/beaconHeight",
          "StakingInfo/properties/epochBlocks",
          "StakingInfo/properties/nextElectionHeight",
          "StakingInfo/properties/electedFromEpoch",
          "Slot/properties/votingPower",
          "Delegator/properties/undelegations/items/properties/releaseEpoch",
          "EpochCommittees/properties/epoch",
          "EpochCommittees/properties/shards/items/properties/totalPower"
        }) {
      BACKEND.put(s + field + " maximum", LONG);
    }
    BACKEND.put(
        "/paths/~1v1~1chain~1epochs~1{epoch}~1committees/get/parameters/0/schema maximum", LONG);
    for (String field :
        new String[] {
          "StakingInfo/properties/doubleSignSlashBps",
          "StakingInfo/properties/reporterShareBps",
          "StakingInfo/properties/shardCapBps",
          "StakingInfo/properties/availabilityThresholdBps",
          "StakingInfo/properties/maxCommissionChangeBps",
          "Validator/properties/commissionBps",
          "Validator/properties/maxCommissionBps",
          "Validator/properties/maxChangeBps"
        }) {
      BACKEND.put(s + field + " maximum", (long) StakingParams.BPS);
    }
    BACKEND.put(
        s + "StakingInfo/properties/slotsPerShard maximum",
        (long) StakingParams.MAX_SLOTS_PER_SHARD);
    BACKEND.put(
        s + "StakingInfo/properties/maxKeysPerValidator maximum",
        (long) StakingParams.MAX_KEYS_PER_VALIDATOR);
    BACKEND.put(
        s + "StakingInfo/properties/undelegationLockEpochs maximum",
        (long) StakingParams.MAX_UNDELEGATION_LOCK_EPOCHS);
    for (String field : new String[] {"keys", "inactiveKeys", "seats"}) {
      BACKEND.put(
          s + "Validator/properties/" + field + " maxItems",
          (long) StakingParams.MAX_KEYS_PER_VALIDATOR);
    }
    BACKEND.put(s + "Validator/properties/name maxLength", (long) Validator.Description.MAX_NAME);
    BACKEND.put(
        s + "Validator/properties/website maxLength", (long) Validator.Description.MAX_WEBSITE);
    BACKEND.put(
        s + "Validator/properties/details maxLength", (long) Validator.Description.MAX_DETAILS);
    BACKEND.put(
        s + "Validator/properties/securityContact maxLength",
        (long) Validator.Description.MAX_CONTACT);
    BACKEND.put(s + "Slot/properties/shard maximum", GetAccountEndpoint.MAX_SHARD);
    BACKEND.put(
        s + "EpochCommittees/properties/shards/items/properties/shard maximum",
        GetAccountEndpoint.MAX_SHARD);
    BACKEND.put(s + "EpochCommittees/properties/shards maxItems", (long) ShardState.MAX_SHARDS);
    BACKEND.put(
        s + "EpochCommittees/properties/shards/items/properties/slots maxItems",
        (long) StakingParams.MAX_SLOTS_PER_SHARD);
  }

  @Test
  void shouldDeclareEveryLimitExactlyAsTheBackendEnforcesIt() throws IOException {
    Map<String, Long> declared = new TreeMap<>();
    walk(document(), "", declared);
    assertThat(declared).isEqualTo(BACKEND);
  }

  @Test
  void shouldBoundPatternsByTheBackendsLengths() throws IOException {
    JsonObject schemas = document().getJsonObject("components").getJsonObject("schemas");
    assertThat(schemas.getJsonObject("SchemaId").getString("pattern"))
        .isEqualTo("^[a-z0-9][a-z0-9._-]{0," + (SchemaId.MAX_LENGTH - 1) + "}$");
    assertThat(schemas.getJsonObject("Subject").getString("pattern"))
        .isEqualTo(Subject.SYNTAX.pattern());
  }

  private static JsonObject document() throws IOException {
    try (InputStream in = ContractLimitsTest.class.getResourceAsStream(ApiContract.RESOURCE)) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  private static void walk(Object node, String pointer, Map<String, Long> out) {
    if (node instanceof JsonObject o) {
      for (String key : o.fieldNames()) {
        Object v = o.getValue(key);
        if (("maxLength".equals(key) || "maxItems".equals(key) || "maximum".equals(key))
            && v instanceof Number n) {
          out.put(pointer + " " + key, n.longValue());
        } else {
          walk(v, pointer + "/" + key.replace("~", "~0").replace("/", "~1"), out);
        }
      }
    } else if (node instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        walk(a.getValue(i), pointer + "/" + i, out);
      }
    }
  }
}
