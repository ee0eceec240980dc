package io.fugue.zk.oprf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdentifiersTest {
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "'Alice@Example.com '|alice@example.com",
        "alice@example.com|alice@example.com",
        "'  ALICE@EXAMPLE.COM.'|alice@example.com",
        "bob@Bücher.Example|bob@xn--bcher-kva.example",
        "bob@xn--bcher-kva.example|bob@xn--bcher-kva.example",
        "a@b@example.org|a@b@example.org",
      })
  void emailCanonicalForm(String raw, String canonical) {
    assertThat(Identifiers.email(raw)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "alice",
        "@example.com",
        "alice@",
        "al ice@example.com",
        "a@exa mple.com",
        "a@-bad-.com",
        "a@x..com"
      })
  void badEmailsAreRefused(String raw) {
    assertThatThrownBy(() -> Identifiers.email(raw)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "+1 (415) 555-0100|+14155550100",
        "+44 20 7946 0958|+442079460958",
        "0044 20 7946 0958|+442079460958",
        "' +49.30.123456 '|+4930123456",
      })
  void phoneE164(String raw, String canonical) {
    assertThat(Identifiers.phone(raw)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "415 555 0100",
        "+0 123 456 789",
        "+1234567",
        "+1234567890123456",
        "+1 415 CALL NOW",
        "1+4155550100"
      })
  void badPhonesAreRefused(String raw) {
    assertThatThrownBy(() -> Identifiers.phone(raw)).isInstanceOf(IllegalArgumentException.class);
  }

  @org.junit.jupiter.api.Test
  void kindsAreSeparated() {
    assertThat(
            new String(
                Identifiers.emailInput("Alice@Example.com "),
                java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("email:alice@example.com");
    assertThat(Identifiers.emailInput("Alice@Example.com "))
        .isEqualTo(Identifiers.emailInput("alice@example.com"));
    assertThat(
            new String(
                Identifiers.phoneInput("+1 415 555 0100"), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("phone:+14155550100");
  }
}
