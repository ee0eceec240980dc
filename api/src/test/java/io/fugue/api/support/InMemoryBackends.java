package io.fugue.api.support;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.AccountView;
import io.fugue.api.model.AnswerQueryRequest;
import io.fugue.api.model.AttestationProofView;
import io.fugue.api.model.AttestationView;
import io.fugue.api.model.BlockView;
import io.fugue.api.model.Caller;
import io.fugue.api.model.CreateQueryRequest;
import io.fugue.api.model.DelegatorView;
import io.fugue.api.model.Digest;
import io.fugue.api.model.EpochCommittees;
import io.fugue.api.model.HexBytes;
import io.fugue.api.model.IssuerStatusRequest;
import io.fugue.api.model.IssuerView;
import io.fugue.api.model.NodeInfo;
import io.fugue.api.model.PublishAttestationRequest;
import io.fugue.api.model.QueryResult;
import io.fugue.api.model.QueryView;
import io.fugue.api.model.Readiness;
import io.fugue.api.model.RegisterIssuerRequest;
import io.fugue.api.model.RevokeAttestationRequest;
import io.fugue.api.model.Role;
import io.fugue.api.model.SchemaView;
import io.fugue.api.model.ShardInfo;
import io.fugue.api.model.StakingInfo;
import io.fugue.api.model.StoreOpeningRequest;
import io.fugue.api.model.TransactionView;
import io.fugue.api.model.ValidatorView;
import io.fugue.api.model.VaultEntry;
import io.fugue.api.model.VaultKey;
import io.fugue.api.port.ApiPorts;
import io.fugue.api.port.AttestationBackend;
import io.fugue.api.port.ChainBackend;
import io.fugue.api.port.IssuerBackend;
import io.fugue.api.port.Outcome;
import io.fugue.api.port.QueryBackend;
import io.fugue.api.port.StakingBackend;
import io.fugue.api.port.VaultBackend;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test doubles of every backend port, in memory. Not a ledger: it stores what it is told, with just
 * enough rules (issuer must be approved, holder owns a subject) to exercise the API's mapping of
 * outcomes. It counts calls, and calls made on an event loop, so tests can check both.
 */
public final class InMemoryBackends
    implements ChainBackend, IssuerBackend, AttestationBackend, QueryBackend, VaultBackend {
  public final AtomicInteger calls = new AtomicInteger();
  public final AtomicInteger eventLoopCalls = new AtomicInteger();
  public final Map<AccountAddress, Set<Role>> roles = new ConcurrentHashMap<>();
  public final Map<String, AccountAddress> subjectHolders = new ConcurrentHashMap<>();

  /** When set, {@link #shards()} never answers, to test the API's backend timeout. */
  public volatile boolean hangShards;

  public volatile Readiness readiness = new Readiness(true, "synced");

  /** A proof equal to these bytes verifies; any other proof fails verification. */
  public static final HexBytes VALID_PROOF = HexBytes.fromHex("0x600d");

  private final List<BlockView> blocks = new ArrayList<>();
  private final Map<AccountAddress, AccountView> accounts = new ConcurrentHashMap<>();
  private final Map<Digest, TransactionView> transactions = new ConcurrentHashMap<>();
  private final Map<AccountAddress, IssuerView> issuers = new ConcurrentHashMap<>();
  private final Map<String, SchemaView> schemas = new ConcurrentHashMap<>();
  private final Map<Digest, AttestationView> attestations = new ConcurrentHashMap<>();
  private final Map<Digest, QueryView> queries = new ConcurrentHashMap<>();
  private final Map<Digest, QueryResult> results = new ConcurrentHashMap<>();
  private final Map<AccountAddress, Map<Digest, VaultEntry>> vault = new ConcurrentHashMap<>();

  public InMemoryBackends() {
    Digest genesis = digest("genesis");
    blocks.add(
        new BlockView(
            0,
            0,
            genesis,
            new Digest(HexBytes.of(new byte[32])),
            digest("root0"),
            1_700_000_000L,
            List.of()));
    blocks.add(
        new BlockView(0, 1, digest("block1"), genesis, digest("root1"), 1_700_000_005L, List.of()));
  }

  /** A network without staking: no parameters, no validators, no committees. */
  private static final StakingBackend NO_STAKING =
      new StakingBackend() {
        @Override
        public Future<Optional<StakingInfo>> info() {
          return Future.succeededFuture(Optional.empty());
        }

        @Override
        public Future<List<ValidatorView>> validators() {
          return Future.succeededFuture(List.of());
        }

        @Override
        public Future<Optional<ValidatorView>> validator(AccountAddress operator) {
          return Future.succeededFuture(Optional.empty());
        }

        @Override
        public Future<Optional<DelegatorView>> delegator(AccountAddress account) {
          return Future.succeededFuture(Optional.empty());
        }

        @Override
        public Future<Optional<EpochCommittees>> committees(long epoch) {
          return Future.succeededFuture(Optional.empty());
        }
      };

  public ApiPorts ports() {
    return new ApiPorts(
        this,
        this,
        this,
        this,
        this,
        NO_STAKING,
        TestKeys.verifier(),
        address -> track(Set.copyOf(roles.getOrDefault(address, Set.of()))),
        () -> track(readiness),
        InMemoryBackends::noDids);
  }

  /** The in-memory backends hold no DID registry: every well-formed DID is unknown. */
  private static io.vertx.core.Future<io.fugue.api.port.IdentityBackend.DidResolution> noDids(
      String did) {
    String error;
    String detail = null;
    try {
      io.fugue.datasharing.identity.DidId.parse(did);
      error = "notFound";
    } catch (IllegalArgumentException e) {
      error = "invalidDid";
      detail = e.getMessage();
    }
    return io.vertx.core.Future.succeededFuture(
        new io.fugue.api.port.IdentityBackend.DidResolution(
            error,
            detail,
            "{\"didDocument\":null,\"didResolutionMetadata\":{\"error\":\""
                + error
                + "\"},\"didDocumentMetadata\":{}}"));
  }

  public void grant(AccountAddress address, Role role) {
    roles.computeIfAbsent(address, a -> ConcurrentHashMap.newKeySet()).add(role);
  }

  public void putAccount(AccountView account) {
    accounts.put(account.address(), account);
  }

  private <T> Future<T> track(T value) {
    calls.incrementAndGet();
    if (Context.isOnEventLoopThread()) {
      eventLoopCalls.incrementAndGet();
    }
    return Future.succeededFuture(value);
  }

  public static Digest digest(String seed) {
    try {
      return new Digest(HexBytes.of(MessageDigest.getInstance("SHA-256").digest(seed.getBytes())));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- chain
  @Override
  public Future<List<ShardInfo>> shards() {
    if (hangShards) {
      return Promise.<List<ShardInfo>>promise().future();
    }
    BlockView head = blocks.get(blocks.size() - 1);
    return track(
        List.of(
            new ShardInfo(0, "beacon", head.number(), head.hash()),
            new ShardInfo(1, "shard", 0, digest("shard1"))));
  }

  @Override
  public Future<Optional<BlockView>> blockByNumber(int shard, long number) {
    if (shard > 1) {
      // As LedgerChainBackend answers for a shard the node does not hold.
      calls.incrementAndGet();
      return Future.failedFuture(
          io.fugue.api.http.ProblemException.of(
              404,
              "shard-not-held",
              "Shard not held here",
              "shard " + shard + " is not held here (held: 0, 1)"));
    }
    return track(
        blocks.stream().filter(b -> b.shard() == shard && b.number() == number).findFirst());
  }

  @Override
  public Future<Optional<BlockView>> blockByHash(int shard, Digest hash) {
    return track(
        blocks.stream().filter(b -> b.shard() == shard && b.hash().equals(hash)).findFirst());
  }

  @Override
  public Future<Optional<TransactionView>> transaction(Digest hash) {
    return track(Optional.ofNullable(transactions.get(hash)));
  }

  @Override
  public Future<Optional<AccountView>> account(AccountAddress address, OptionalInt shard) {
    int s = shard.orElse(1);
    if (s < 0 || s > 1) {
      return track(Optional.empty());
    }
    AccountView stored = accounts.get(address);
    return track(
        Optional.of(
            stored != null && stored.shard() == s ? stored : new AccountView(address, s, "0", 0)));
  }

  @Override
  public Future<Outcome<Digest>> submitTransaction(HexBytes raw) {
    if (raw.toArray()[0] != (byte) 0xf1) {
      return track(Outcome.rejected(Outcome.Reason.INVALID, "unknown transaction type"));
    }
    Digest hash = digest(raw.toHex());
    transactions.put(
        hash,
        new TransactionView(
            hash, 1, null, "pending", new AccountAddress(HexBytes.of(new byte[20])), raw));
    return track(Outcome.done(hash));
  }

  @Override
  public Future<NodeInfo> nodeInfo() {
    return track(new NodeInfo("test", List.of(0, 1), 3));
  }

  // ---- issuers and schemas
  @Override
  public Future<List<IssuerView>> issuers() {
    return track(List.copyOf(issuers.values()));
  }

  @Override
  public Future<Optional<IssuerView>> issuer(AccountAddress account) {
    return track(Optional.ofNullable(issuers.get(account)));
  }

  @Override
  public Future<Outcome<IssuerView>> register(Caller caller, RegisterIssuerRequest request) {
    IssuerView view =
        new IssuerView(caller.address(), request.name(), request.contact(), "pending");
    if (issuers.putIfAbsent(caller.address(), view) != null) {
      return track(Outcome.rejected(Outcome.Reason.CONFLICT, "already registered"));
    }
    return track(Outcome.done(view));
  }

  @Override
  public Future<Outcome<IssuerView>> setStatus(
      Caller caller, AccountAddress account, IssuerStatusRequest request) {
    IssuerView old = issuers.get(account);
    if (old == null) {
      return track(Outcome.rejected(Outcome.Reason.NOT_FOUND, "no issuer " + account));
    }
    IssuerView now = new IssuerView(account, old.name(), old.contact(), request.status());
    issuers.put(account, now);
    if ("approved".equals(request.status())) {
      grant(account, Role.ISSUER);
    } else {
      roles.getOrDefault(account, new HashSet<>()).remove(Role.ISSUER);
    }
    return track(Outcome.done(now));
  }

  @Override
  public Future<List<SchemaView>> schemas() {
    return track(List.copyOf(schemas.values()));
  }

  @Override
  public Future<Optional<SchemaView>> schema(String id) {
    return track(Optional.ofNullable(schemas.get(id)));
  }

  @Override
  public Future<Outcome<SchemaView>> registerSchema(Caller caller, SchemaView schema) {
    return schemas.putIfAbsent(schema.id(), schema) == null
        ? track(Outcome.done(schema))
        : track(Outcome.rejected(Outcome.Reason.CONFLICT, "schema exists"));
  }

  // ---- attestations
  @Override
  public Future<Outcome<AttestationView>> publish(Caller issuer, PublishAttestationRequest r) {
    SchemaView schema = schemas.get(r.schema());
    if (schema == null || !schema.allowedIssuers().contains(issuer.address())) {
      return track(Outcome.rejected(Outcome.Reason.INVALID, "schema unknown or not allowed"));
    }
    Digest id = digest(issuer.address() + r.subject() + r.schema() + r.commitment());
    AttestationView view =
        new AttestationView(
            id,
            issuer.address(),
            r.subject(),
            r.schema(),
            r.commitment(),
            r.validFrom(),
            r.validUntil(),
            "active");
    attestations.put(id, view);
    return track(Outcome.done(view));
  }

  @Override
  public Future<Optional<AttestationView>> attestation(Digest id) {
    return track(Optional.ofNullable(attestations.get(id)));
  }

  /**
   * No chain state here: the proof endpoint is tested over real chains (DataSharingBackendsTest).
   */
  @Override
  public Future<Optional<AttestationProofView>> proof(Digest id) {
    return track(Optional.empty());
  }

  @Override
  public Future<Outcome<AttestationView>> revoke(
      Caller issuer, Digest id, RevokeAttestationRequest request) {
    AttestationView a = attestations.get(id);
    if (a == null || !a.issuer().equals(issuer.address())) {
      return track(Outcome.rejected(Outcome.Reason.NOT_FOUND, "no such attestation of yours"));
    }
    AttestationView revoked =
        new AttestationView(
            a.id(),
            a.issuer(),
            a.subject(),
            a.schema(),
            a.commitment(),
            a.validFrom(),
            a.validUntil(),
            "revoked");
    attestations.put(id, revoked);
    return track(Outcome.done(revoked));
  }

  @Override
  public Future<Outcome<List<AttestationView>>> bySubject(Caller holder, String subject) {
    if (!holder.address().equals(subjectHolders.get(subject))) {
      return track(Outcome.rejected(Outcome.Reason.FORBIDDEN, "not the holder of " + subject));
    }
    return track(
        Outcome.done(
            attestations.values().stream().filter(a -> a.subject().equals(subject)).toList()));
  }

  @Override
  public Future<List<AttestationView>> byIssuer(AccountAddress issuer) {
    return track(attestations.values().stream().filter(a -> a.issuer().equals(issuer)).toList());
  }

  // ---- queries
  @Override
  public Future<Outcome<QueryView>> create(Caller client, CreateQueryRequest r) {
    for (Digest a : r.attestations()) {
      if (!attestations.containsKey(a)) {
        return track(Outcome.rejected(Outcome.Reason.INVALID, "unknown attestation " + a));
      }
    }
    Digest id = digest(client.address() + r.nonce().toHex());
    QueryView q =
        new QueryView(
            id,
            client.address(),
            r.attestations(),
            r.predicate(),
            r.threshold(),
            r.upper(),
            r.purpose(),
            r.nonce(),
            "open",
            1_700_000_000L);
    if (queries.putIfAbsent(id, q) != null) {
      return track(Outcome.rejected(Outcome.Reason.CONFLICT, "nonce already used"));
    }
    results.put(id, new QueryResult(id, "open", null, null, null));
    return track(Outcome.done(q));
  }

  @Override
  public Future<Outcome<QueryView>> query(Caller caller, Digest id) {
    QueryView q = queries.get(id);
    return q == null
        ? track(Outcome.rejected(Outcome.Reason.NOT_FOUND, "no query " + id))
        : track(Outcome.done(q));
  }

  @Override
  public Future<Outcome<QueryResult>> answer(Caller holder, Digest id, AnswerQueryRequest r) {
    QueryView q = queries.get(id);
    if (q == null) {
      return track(Outcome.rejected(Outcome.Reason.NOT_FOUND, "no query " + id));
    }
    if (!"open".equals(results.get(id).status())) {
      return track(Outcome.rejected(Outcome.Reason.CONFLICT, "query already answered"));
    }
    if (r.decline() != null) {
      // The in-memory backend checks no signature; the node's QueryService does.
      QueryResult declined = new QueryResult(id, "refused", false, null, r.reason());
      results.put(id, declined);
      return track(Outcome.done(declined));
    }
    boolean ok = VALID_PROOF.equals(r.proof());
    QueryResult result =
        ok
            ? new QueryResult(id, "verified", true, digest(r.proof().toHex()), null)
            : new QueryResult(id, "refused", false, null, "proof did not verify");
    results.put(id, result);
    return track(Outcome.done(result));
  }

  @Override
  public Future<Outcome<QueryResult>> result(Caller client, Digest id) {
    QueryView q = queries.get(id);
    if (q == null || !q.client().equals(client.address())) {
      return track(Outcome.rejected(Outcome.Reason.NOT_FOUND, "no query " + id + " of yours"));
    }
    return track(Outcome.done(results.get(id)));
  }

  // ---- vault
  @Override
  public Future<Outcome<VaultEntry>> store(Caller holder, Digest id, StoreOpeningRequest r) {
    VaultEntry e = new VaultEntry(id, 1_700_000_000L);
    vault.computeIfAbsent(holder.address(), h -> new ConcurrentHashMap<>()).put(id, e);
    return track(Outcome.done(e));
  }

  /** A fixed test key; the in-memory vault opens nothing, it only stores. */
  public static final HexBytes VAULT_KEY = HexBytes.of(new byte[64]);

  @Override
  public Future<VaultKey> depositKey() {
    return track(new VaultKey(VAULT_KEY));
  }

  @Override
  public Future<List<VaultEntry>> list(Caller holder) {
    return track(List.copyOf(vault.getOrDefault(holder.address(), Map.of()).values()));
  }

  @Override
  public Future<Outcome<VaultEntry>> erase(Caller holder, Digest id) {
    VaultEntry e = vault.getOrDefault(holder.address(), new ConcurrentHashMap<>()).remove(id);
    return e == null
        ? track(Outcome.rejected(Outcome.Reason.NOT_FOUND, "no opening " + id))
        : track(Outcome.done(e));
  }
}
