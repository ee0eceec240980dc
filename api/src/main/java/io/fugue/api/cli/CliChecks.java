package io.fugue.api.cli;

import java.util.regex.Pattern;

/**
 * Checks of values the CLI can judge by itself, before anything is started or sent: a failure is
 * one plain line and exit code {@link FugueCli#EXIT_USAGE}.
 */
final class CliChecks {
  private static final Pattern IPV4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  /** docs/genesis.md: the genesis {@code networkId}. */
  private static final Pattern NETWORK = Pattern.compile("[a-z0-9-]{1,32}");

  private CliChecks() {}

  static CliException usage(String message) {
    return new CliException(FugueCli.EXIT_USAGE, message);
  }

  /**
   * {@code /ip4/<host>/tcp/<port>} or {@code /ip6/...}; hostnames are not resolved by libp2p here.
   */
  static String listenAddress(String host, int port) {
    port(port, "--port");
    return ipMultiaddr(host, "--host") + "/tcp/" + port;
  }

  static String ipMultiaddr(String host, String option) {
    var m = IPV4.matcher(host);
    if (m.matches()) {
      for (int i = 1; i <= 4; i++) {
        if (Integer.parseInt(m.group(i)) > 255) {
          throw usage(option + " " + host + ": not an IPv4 address");
        }
      }
      return "/ip4/" + host;
    }
    if (host.contains(":") && IPV6.matcher(host).matches()) {
      return "/ip6/" + host;
    }
    throw usage(
        option + " " + host + ": give an IPv4 or IPv6 address (host names are not resolved)");
  }

  static int port(int port, String option) {
    if (port < 1 || port > 65_535) {
      throw usage(option + " " + port + ": must be 1 to 65535");
    }
    return port;
  }

  static String networkId(String network) {
    if (!NETWORK.matcher(network).matches()) {
      throw usage(
          "--network '"
              + network
              + "': must be 1 to 32 of a-z, 0-9 and '-' (the genesis networkId)");
    }
    return network;
  }

  static long nonNegative(long value, String option) {
    if (value < 0) {
      throw usage(option + " " + value + ": must not be negative");
    }
    return value;
  }

  static long positive(long value, String option) {
    if (value < 1) {
      throw usage(option + " " + value + ": must be at least 1");
    }
    return value;
  }
}
