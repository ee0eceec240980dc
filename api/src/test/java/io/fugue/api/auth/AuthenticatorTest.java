package io.fugue.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.fugue.api.model.HexBytes;
import io.fugue.api.support.TestKeys;
import io.fugue.chain.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final TestKeys.Account alice = TestKeys.newAccount();

  private Authenticator authenticator(int maxChallenges, int maxTokens) {
    return new Authenticator(
        new ChallengeStore(clock, Duration.ofMinutes(2), maxChallenges, new SecureRandom()),
        new TokenStore(clock, Duration.ofMinutes(15), maxTokens, new SecureRandom()),
        TestKeys.verifier());
  }

  private HexBytes signed(ChallengeStore.Issued c) {
    return alice.sign(c.message().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void shouldIssueAFreshChallengeEachTime() {
    Authenticator auth = authenticator(10, 10);
    var a = auth.challenge(alice.address()).orElseThrow();
    var b = auth.challenge(alice.address()).orElseThrow();
    assertThat(a.challenge()).isNotEqualTo(b.challenge()).matches("0x[0-9a-f]{64}");
    assertThat(a.message()).startsWith("Fugue API login\n");
  }

  @Test
  void shouldLogInOnceAndFindTheSessionUntilItExpires() {
    Authenticator auth = authenticator(10, 10);
    var c = auth.challenge(alice.address()).orElseThrow();
    var login = auth.login(alice.address(), c.challenge(), signed(c));
    assertThat(login).isInstanceOf(Authenticator.Login.Issued.class);
    String token = ((Authenticator.Login.Issued) login).token().token();
    assertThat(auth.session(token))
        .get()
        .extracting(TokenStore.Session::address)
        .isEqualTo(alice.address());
    assertThat(auth.login(alice.address(), c.challenge(), signed(c)))
        .isInstanceOf(Authenticator.Login.Refused.class);
    clock.advance(Duration.ofMinutes(15));
    assertThat(auth.session(token)).isEmpty();
  }

  @Test
  void shouldFailClosedWhenTheVerifierThrows() {
    Authenticator auth =
        new Authenticator(
            new ChallengeStore(clock, Duration.ofMinutes(2), 10, new SecureRandom()),
            new TokenStore(clock, Duration.ofMinutes(15), 10, new SecureRandom()),
            (address, message, signature) -> {
              throw new IllegalStateException("broken verifier");
            });
    var c = auth.challenge(alice.address()).orElseThrow();
    assertThat(auth.login(alice.address(), c.challenge(), signed(c)))
        .isInstanceOf(Authenticator.Login.Refused.class);
  }

  @Test
  void shouldRefuseNewChallengesWhenFullOfLiveOnesAndRecoverAfterExpiry() {
    Authenticator auth = authenticator(2, 10);
    assertThat(auth.challenge(alice.address())).isPresent();
    assertThat(auth.challenge(alice.address())).isPresent();
    assertThat(auth.challenge(alice.address())).isEmpty();
    clock.advance(Duration.ofMinutes(2));
    assertThat(auth.challenge(alice.address())).isPresent();
  }

  @Test
  void shouldRefuseATruncatedSignature() {
    Authenticator auth = authenticator(10, 10);
    var c = auth.challenge(alice.address()).orElseThrow();
    byte[] sig = signed(c).toArray();
    var truncated = HexBytes.of(java.util.Arrays.copyOf(sig, sig.length - 1));
    assertThat(auth.login(alice.address(), c.challenge(), truncated))
        .isInstanceOf(Authenticator.Login.Refused.class);
  }
}
