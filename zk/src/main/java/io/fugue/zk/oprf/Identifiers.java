package io.fugue.zk.oprf;

import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Canonical forms of the identifiers that pseudonyms are computed from, so that every spelling of
 * one address gives one pseudonym, and the OPRF input bytes of each kind.
 *
 * <ul>
 *   <li>E-mail: Unicode NFC, trimmed, split at the last {@code @}; the local part is lower-cased
 *       (Locale.ROOT), the domain converted with {@link IDN#toASCII} (IDNA 2003, as Java ships it)
 *       and lower-cased, without a trailing dot.
 *   <li>Phone: E.164 — a {@code +} (or the international prefix {@code 00}) and 8 to 15 digits, the
 *       first not 0; spaces, dots, hyphens and parentheses are dropped. National numbers without a
 *       country code are refused, since their country cannot be known.
 * </ul>
 *
 * <p>OPRF input = UTF-8 of {@code "email:" + canonical} or {@code "phone:" + canonical}, so an
 * e-mail address and a phone number can never collide.
 */
public final class Identifiers {
  private static final int MAX_EMAIL = 254;

  private Identifiers() {}

  /** The canonical e-mail address; throws {@link IllegalArgumentException} saying what is wrong. */
  public static String email(String raw) {
    if (raw == null) {
      throw new IllegalArgumentException("e-mail address must not be null");
    }
    String s = Normalizer.normalize(raw, Normalizer.Form.NFC).strip();
    int at = s.lastIndexOf('@');
    if (at <= 0 || at == s.length() - 1) {
      throw new IllegalArgumentException("e-mail address needs a local part, '@' and a domain");
    }
    String local = s.substring(0, at).toLowerCase(Locale.ROOT);
    String domain = s.substring(at + 1);
    if (domain.endsWith(".")) {
      domain = domain.substring(0, domain.length() - 1);
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i)) || Character.isISOControl(s.charAt(i))) {
        throw new IllegalArgumentException("e-mail address must not contain whitespace");
      }
    }
    String ascii;
    try {
      ascii = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("e-mail domain is not a valid domain name", e);
    }
    if (ascii.isEmpty() || ascii.startsWith(".") || ascii.contains("..")) {
      throw new IllegalArgumentException("e-mail domain is not a valid domain name");
    }
    String out = local + "@" + ascii;
    if (out.length() > MAX_EMAIL) {
      throw new IllegalArgumentException("e-mail address longer than " + MAX_EMAIL + " characters");
    }
    return out;
  }

  /** The E.164 form {@code +<digits>}; throws {@link IllegalArgumentException} when impossible. */
  public static String phone(String raw) {
    if (raw == null) {
      throw new IllegalArgumentException("phone number must not be null");
    }
    String s = raw.strip();
    StringBuilder digits = new StringBuilder();
    boolean plus = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '+' && i == 0) {
        plus = true;
      } else if (c >= '0' && c <= '9') {
        digits.append(c);
      } else if (c != ' ' && c != '-' && c != '.' && c != '(' && c != ')') {
        throw new IllegalArgumentException(
            "phone number may hold only digits, '+', spaces, '-', '.', '(' and ')'");
      }
    }
    if (!plus) {
      if (digits.length() > 2 && digits.charAt(0) == '0' && digits.charAt(1) == '0') {
        digits.delete(0, 2);
      } else {
        throw new IllegalArgumentException(
            "phone number needs its country code (E.164: '+' then country code and number)");
      }
    }
    if (digits.length() < 8 || digits.length() > 15 || digits.charAt(0) == '0') {
      throw new IllegalArgumentException("E.164 numbers have 8 to 15 digits and no leading 0");
    }
    return "+" + digits;
  }

  /** OPRF input bytes of an e-mail address. */
  public static byte[] emailInput(String raw) {
    return ("email:" + email(raw)).getBytes(StandardCharsets.UTF_8);
  }

  /** OPRF input bytes of a phone number. */
  public static byte[] phoneInput(String raw) {
    return ("phone:" + phone(raw)).getBytes(StandardCharsets.UTF_8);
  }
}
