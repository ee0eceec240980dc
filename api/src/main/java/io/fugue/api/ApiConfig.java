package io.fugue.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the API server listens and authenticates. CORS is off unless origins are listed.
 *
 * @param host interface to bind; loopback by default
 * @param port TCP port; 0 lets the OS choose
 * @param challengeTtl how long a login challenge may be answered
 * @param tokenTtl how long a bearer token lives
 * @param corsOrigins exact origins allowed by CORS; empty turns CORS off
 * @param workerPoolSize threads of the named worker pool that runs backend calls
 * @param limits limits on untrusted input
 * @param connections limits on connections (timeouts, per-IP cap)
 */
public record ApiConfig(
    String host,
    int port,
    Duration challengeTtl,
    Duration tokenTtl,
    List<String> corsOrigins,
    int workerPoolSize,
    ApiLimits limits,
    ConnectionLimits connections) {

  public ApiConfig {
    Objects.requireNonNull(host, "host");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    requirePositive(challengeTtl, "challengeTtl");
    requirePositive(tokenTtl, "tokenTtl");
    corsOrigins = List.copyOf(corsOrigins);
    if (workerPoolSize <= 0) {
      throw new IllegalArgumentException("workerPoolSize must be positive");
    }
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(connections, "connections");
  }

  public static ApiConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .host(host)
        .port(port)
        .challengeTtl(challengeTtl)
        .tokenTtl(tokenTtl)
        .corsOrigins(corsOrigins)
        .workerPoolSize(workerPoolSize)
        .limits(limits)
        .connections(connections);
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }

  /** Builder starting from the defaults: 127.0.0.1:8645, 2 min challenges, 15 min tokens. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port = 8645;
    private Duration challengeTtl = Duration.ofMinutes(2);
    private Duration tokenTtl = Duration.ofMinutes(15);
    private List<String> corsOrigins = List.of();
    private int workerPoolSize = 8;
    private ApiLimits limits = ApiLimits.defaults();
    private ConnectionLimits connections = ConnectionLimits.defaults();

    private Builder() {}

    public Builder host(String host) {
      this.host = host;
      return this;
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    public Builder challengeTtl(Duration ttl) {
      this.challengeTtl = ttl;
      return this;
    }

    public Builder tokenTtl(Duration ttl) {
      this.tokenTtl = ttl;
      return this;
    }

    public Builder corsOrigins(List<String> origins) {
      this.corsOrigins = origins;
      return this;
    }

    public Builder workerPoolSize(int size) {
      this.workerPoolSize = size;
      return this;
    }

    public Builder limits(ApiLimits limits) {
      this.limits = limits;
      return this;
    }

    public Builder connections(ConnectionLimits connections) {
      this.connections = connections;
      return this;
    }

    public ApiConfig build() {
      return new ApiConfig(
          host, port, challengeTtl, tokenTtl, corsOrigins, workerPoolSize, limits, connections);
    }
  }
}
