package io.fugue.chain.staking;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.chain.codec.RlpList;
import io.fugue.chain.codec.RlpString;
import io.fugue.chain.consensus.BlsSignatureScheme;
import io.fugue.chain.consensus.DoubleSignEvidence;
import io.fugue.chain.consensus.Phase;
import io.fugue.chain.consensus.SigningPayloads;
import io.fugue.chain.consensus.ValidatorKey;
import io.fugue.chain.crypto.BlsSecretKey;
import io.fugue.chain.crypto.Secp256k1PrivateKey;
import io.fugue.chain.ledger.Transaction;
import io.fugue.chain.ledger.UnsignedTransaction;
import io.fugue.chain.module.BlockContext;
import io.fugue.chain.module.BlockEnd;
import io.fugue.chain.module.ModuleRegistry;
import io.fugue.chain.primitives.Address;
import io.fugue.chain.primitives.Bytes;
import io.fugue.chain.primitives.Hash32;
import io.fugue.chain.primitives.ShardId;
import io.fugue.chain.primitives.Uint256;
import io.fugue.chain.primitives.Validation;
import io.fugue.chain.state.Account;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The staking module's transactions judged and applied on a beacon state: a validator is created
 * with keys whose possession is proven, refused with a reason (and nothing written) for every rule
 * it breaks, delegated to, edited and undelegated from, and elected at the epoch's last block.
 */
class StakingModuleTest {
  private static final long CHAIN = 7;
  private static final BlsSecretKey BLS_A = bls(1);
  private static final BlsSecretKey BLS_B = bls(2);
  private final StakingParams params = StakingFixtures.params(4, 10_000);
  private final StakingModule module = new StakingModule(params);
  private final MapState state = new MapState();
  private final SecureRandom random = new SecureRandom();
  private final Secp256k1PrivateKey operator = Secp256k1PrivateKey.generate(random);
  private final Secp256k1PrivateKey delegator = Secp256k1PrivateKey.generate(random);

  private static BlsSecretKey bls(int n) {
    byte[] seed = new byte[32];
    seed[0] = (byte) n;
    seed[31] = 42;
    return BlsSecretKey.fromSeed(seed);
  }

  private static BlockContext ctx(long number) {
    return new BlockContext(
        CHAIN, ShardId.BEACON, 2, number, number / 10, 1_000 * number, Address.ZERO);
  }

  private Transaction tx(Secp256k1PrivateKey key, StakingTx body) {
    return new UnsignedTransaction(
            body.type(), CHAIN, 0, ShardId.BEACON, Uint256.of(1), body.toRlp())
        .sign(key);
  }

  private void fund(Secp256k1PrivateKey key, long amount) {
    state.setAccount(
        key.address().toBytes(), Account.EMPTY.withBalance(BigInteger.valueOf(amount)));
  }

  private static StakingTx.KeyWithProof proven(BlsSecretKey k) {
    return new StakingTx.KeyWithProof(
        new ValidatorKey(k.publicKey().toBytes()), k.proofOfPossession().toBytes());
  }

  private StakingTx.CreateValidator create(List<StakingTx.KeyWithProof> keys, long amount) {
    return new StakingTx.CreateValidator(
        new Validator.Description("v", "https://v.example", "", "sec@v.example"),
        500,
        2_000,
        100,
        Uint256.of(100),
        Uint256.of(1_000_000),
        keys,
        Uint256.of(amount));
  }

  private Validation check(Secp256k1PrivateKey key, StakingTx body, long number) {
    return module.validate(tx(key, body), key.address(), state, ctx(number));
  }

  private void apply(Secp256k1PrivateKey key, StakingTx body, long number) {
    Transaction t = tx(key, body);
    assertThat(module.validate(t, key.address(), state, ctx(number)).isAccepted()).isTrue();
    module.apply(t, key.address(), state, ctx(number));
  }

  @Test
  void shouldCreateAValidatorWhoseKeysProveTheirPossession() {
    fund(operator, 10_000);
    apply(operator, create(List.of(proven(BLS_A)), 500), 1);
    Validator v = StakingState.validator(state, operator.address()).orElseThrow();
    assertThat(v.selfStake()).isEqualTo(Uint256.of(500));
    assertThat(v.keys()).containsExactly(new ValidatorKey(BLS_A.publicKey().toBytes()));
    assertThat(state.account(operator.address().toBytes()).balance())
        .isEqualTo(BigInteger.valueOf(9_500));
    assertThat(StakingState.keyOwner(state, v.keys().get(0))).contains(operator.address());
  }

  @Test
  void shouldRefuseEveryBrokenRuleWithAReasonAndWriteNothing() {
    fund(operator, 10_000);
    StakingTx.KeyWithProof forged =
        new StakingTx.KeyWithProof(
            new ValidatorKey(BLS_A.publicKey().toBytes()), BLS_B.proofOfPossession().toBytes());
    assertThat(check(operator, create(List.of(forged), 500), 1).reason())
        .contains("proof of possession fails");
    assertThat(check(operator, create(List.of(), 500), 1).reason()).contains("registers 1..");
    assertThat(check(operator, create(List.of(proven(BLS_A), proven(BLS_A)), 500), 1).reason())
        .contains("listed twice");
    assertThat(check(operator, create(List.of(proven(BLS_A)), 50), 1).reason())
        .contains("below the min self-delegation");
    assertThat(check(operator, create(List.of(proven(BLS_A)), 20_000), 1).reason())
        .contains("insufficient balance");
    StakingTx.CreateValidator greedy =
        new StakingTx.CreateValidator(
            new Validator.Description("v", "", "", ""),
            3_000,
            2_000,
            100,
            Uint256.of(100),
            Uint256.of(1_000_000),
            List.of(proven(BLS_A)),
            Uint256.of(500));
    assertThat(check(operator, greedy, 1).reason()).contains("must not exceed the max commission");
    StakingTx.CreateValidator lowSelf =
        new StakingTx.CreateValidator(
            new Validator.Description("v", "", "", ""),
            500,
            2_000,
            100,
            Uint256.of(10),
            Uint256.of(1_000_000),
            List.of(proven(BLS_A)),
            Uint256.of(500));
    assertThat(check(operator, lowSelf, 1).reason()).contains("min self-delegation");
    assertThat(state.records).as("nothing written").isEmpty();

    apply(operator, create(List.of(proven(BLS_A)), 500), 1);
    fund(delegator, 10_000);
    assertThat(check(delegator, create(List.of(proven(BLS_A)), 500), 2).reason())
        .contains("already registered");
    assertThat(check(operator, create(List.of(proven(BLS_B)), 500), 2).reason())
        .contains("already a validator");
    BlockContext shard1 = new BlockContext(CHAIN, ShardId.of(1), 2, 3, 0, 3_000, Address.ZERO);
    assertThat(
            module
                .validate(
                    tx(delegator, new StakingTx.Delegate(operator.address(), Uint256.of(50))),
                    delegator.address(),
                    state,
                    shard1)
                .reason())
        .contains("beacon chain only");
    Transaction garbage =
        new UnsignedTransaction(
                StakingTx.DELEGATE,
                CHAIN,
                0,
                ShardId.BEACON,
                Uint256.of(1),
                RlpList.of(RlpString.of(Bytes.of((byte) 1))))
            .sign(delegator);
    assertThat(module.validate(garbage, delegator.address(), state, ctx(3)).isAccepted()).isFalse();
  }

  @Test
  void shouldDelegateEditAndUndelegate() {
    fund(operator, 10_000);
    fund(delegator, 10_000);
    apply(operator, create(List.of(proven(BLS_A)), 500), 1);
    apply(delegator, new StakingTx.Delegate(operator.address(), Uint256.of(300)), 2);
    assertThat(StakingState.validator(state, operator.address()).orElseThrow().totalStake())
        .isEqualTo(Uint256.of(800));
    StakingTx.EditValidator tooFast =
        new StakingTx.EditValidator(
            new Validator.Description("v2", "", "", ""), 900, List.of(), List.of(), false);
    assertThat(check(operator, tooFast, 12).reason()).contains("max change per epoch");
    apply(
        operator,
        new StakingTx.EditValidator(
            new Validator.Description("v2", "", "", ""),
            600,
            List.of(proven(BLS_B)),
            List.of(new ValidatorKey(BLS_A.publicKey().toBytes())),
            false),
        12);
    Validator edited = StakingState.validator(state, operator.address()).orElseThrow();
    assertThat(edited.commissionBps()).isEqualTo(600);
    assertThat(edited.keys()).containsExactly(new ValidatorKey(BLS_B.publicKey().toBytes()));
    assertThat(StakingState.keyOwner(state, new ValidatorKey(BLS_A.publicKey().toBytes())))
        .isEmpty();
    apply(delegator, new StakingTx.Undelegate(operator.address(), Uint256.of(300)), 13);
    assertThat(StakingState.validator(state, operator.address()).orElseThrow().totalStake())
        .isEqualTo(Uint256.of(500));
    assertThat(StakingState.undelegations(state, 1 + params.undelegationLockEpochs())).hasSize(1);
  }

  @Test
  void shouldElectTheNextEpochAtTheLastBlockOfAnEpochOnly() {
    List<Secp256k1PrivateKey> operators = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Secp256k1PrivateKey k = Secp256k1PrivateKey.generate(random);
      operators.add(k);
      fund(k, 10_000);
      apply(k, create(List.of(proven(bls(10 + i))), 200 + 10L * i), 1);
    }
    BlockEnd end = new BlockEnd(Bytes.EMPTY, Bytes.of(new byte[96]), Hash32.ZERO);
    assertThat(module.endBlock(state, ctx(8), end)).isEmpty();
    Optional<Hash32> named = module.endBlock(state, ctx(9), end);
    assertThat(named).isPresent();
    ShardState next = StakingState.shardState(state, 1).orElseThrow();
    assertThat(named.get()).isEqualTo(next.hash());
    assertThat(next.shards()).hasSize(2);
    assertThat(next.shards().get(0).slots()).hasSize(4);
    assertThat(StakingModule.seed(1, Bytes.of(new byte[96])))
        .isNotEqualTo(StakingModule.seed(2, Bytes.of(new byte[96])));
    assertThat(ModuleRegistry.builder().registerSystem(module).build().forType(StakingTx.DELEGATE))
        .contains(module);
  }

  private DoubleSignEvidence doubleSign(BlsSecretKey key, long height) {
    var signer = BlsSignatureScheme.signer(key);
    Hash32 a = Hash32.fromHex("aa".repeat(32));
    Hash32 b = Hash32.fromHex("bb".repeat(32));
    return DoubleSignEvidence.of(
        0,
        Phase.COMMIT,
        height,
        0,
        signer.publicKey(),
        a,
        signer.sign(SigningPayloads.vote(Phase.COMMIT, 0, height, a, 0)),
        b,
        signer.sign(SigningPayloads.vote(Phase.COMMIT, 0, height, b, 0)));
  }

  @Test
  void shouldSlashADoubleSignerOnceAndRefuseForgedOrStaleEvidence() {
    fund(operator, 10_000);
    fund(delegator, 10_000);
    apply(operator, create(List.of(proven(BLS_A)), 1_000), 1);
    apply(delegator, new StakingTx.Delegate(operator.address(), Uint256.of(1_000)), 2);
    ValidatorKey key = new ValidatorKey(BLS_A.publicKey().toBytes());
    StakingState.putShardState(
        state,
        new ShardState(
            0,
            List.of(
                new ShardCommittee(
                    ShardId.BEACON,
                    List.of(new Slot(key, operator.address(), Uint256.of(2_000), 1_000_000))),
                new ShardCommittee(
                    ShardId.of(1),
                    List.of(
                        new Slot(
                            new ValidatorKey(BLS_B.publicKey().toBytes()),
                            operator.address(),
                            Uint256.of(2_000),
                            1_000_000))))));
    DoubleSignEvidence evidence = doubleSign(BLS_A, 5);
    DoubleSignEvidence forged =
        new DoubleSignEvidence(
            0,
            Phase.COMMIT,
            5,
            0,
            key,
            evidence.firstHash(),
            evidence.secondSignature(),
            evidence.secondHash(),
            evidence.firstSignature());
    assertThat(check(delegator, new StakingTx.ReportDoubleSign(forged), 7).reason())
        .contains("do not verify");
    assertThat(check(delegator, new StakingTx.ReportDoubleSign(doubleSign(BLS_A, 25)), 27).reason())
        .as("a height whose epoch has no shard state with that key")
        .contains("held no seat");
    assertThat(check(delegator, new StakingTx.ReportDoubleSign(doubleSign(BLS_B, 5)), 7).reason())
        .as("BLS_B sits on shard 1, not the beacon")
        .contains("held no seat");

    apply(delegator, new StakingTx.ReportDoubleSign(evidence), 7);
    Validator banned = StakingState.validator(state, operator.address()).orElseThrow();
    assertThat(banned.status()).isEqualTo(Validator.Status.BANNED);
    // 5 % of 2,000 slashed; half of it to the reporter's reward balance, the rest burned
    assertThat(banned.totalStake()).isEqualTo(Uint256.of(1_900));
    assertThat(StakingState.rewards(state, delegator.address())).isEqualTo(Uint256.of(50));
    assertThat(check(delegator, new StakingTx.ReportDoubleSign(evidence), 8).reason())
        .contains("already slashed");
    Transaction encoded = tx(delegator, new StakingTx.ReportDoubleSign(evidence));
    assertThat(StakingTx.decode(StakingTx.REPORT_DOUBLE_SIGN, encoded.body(), 8))
        .isEqualTo(new StakingTx.ReportDoubleSign(evidence));
  }
}
