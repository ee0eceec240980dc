package io.fugue.api.auth;

import io.fugue.api.model.AccountAddress;
import io.fugue.api.model.HexBytes;
import io.fugue.api.port.SignatureVerifier;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * Login by account-key signature: issues challenges, checks a signed challenge through the {@link
 * SignatureVerifier} port and issues a bearer token. Synchronous; the HTTP shell calls {@link
 * #login} from a worker thread because signature checks cost CPU.
 */
public final class Authenticator {
  private final ChallengeStore challenges;
  private final TokenStore tokens;
  private final SignatureVerifier verifier;

  /** Why a login was refused, or the token it produced. */
  public sealed interface Login {
    record Issued(TokenStore.Issued token) implements Login {}

    record Refused(String reason) implements Login {}

    /** The signature was good but no session can be kept now; try again later. */
    record Busy(String reason) implements Login {}
  }

  public Authenticator(ChallengeStore challenges, TokenStore tokens, SignatureVerifier verifier) {
    this.challenges = Objects.requireNonNull(challenges, "challenges");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  /** A new challenge, or empty when too many are outstanding. */
  public Optional<ChallengeStore.Issued> challenge(AccountAddress address) {
    return challenges.issue(address);
  }

  public Login login(AccountAddress address, String challenge, HexBytes signature) {
    Optional<ChallengeStore.Issued> issued = challenges.consume(address, challenge);
    if (issued.isEmpty()) {
      return new Login.Refused("unknown, used or expired challenge for this address");
    }
    byte[] message = issued.get().message().getBytes(StandardCharsets.UTF_8);
    boolean valid;
    try {
      valid = verifier.verify(address, message, signature);
    } catch (RuntimeException e) {
      // A verifier must not throw on bad input; if one does, the login still fails closed.
      valid = false;
    }
    if (!valid) {
      return new Login.Refused("the signature does not match the address");
    }
    return tokens
        .issue(address)
        .<Login>map(Login.Issued::new)
        .orElseGet(() -> new Login.Busy("too many live sessions, try later"));
  }

  public Optional<TokenStore.Session> session(String token) {
    return tokens.lookup(token);
  }
}
