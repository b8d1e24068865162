package dev.homeenergy.web.security;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A web configuration file in the Prometheus exporter-toolkit format ({@code --web.config.file}),
 * so a file written for Prometheus or node_exporter works here unchanged.
 *
 * @param tls {@code tls_server_config}; empty for plain HTTP
 * @param headers {@code http_server_config.headers}, added to every response
 * @param basicAuthUsers {@code basic_auth_users}: user name to bcrypt hash; empty for no auth
 * @param rateLimit {@code rate_limit}; empty for none
 */
public record WebSecurityConfig(
    Optional<Tls> tls,
    Map<String, String> headers,
    Map<String, String> basicAuthUsers,
    Optional<RateLimit> rateLimit) {

  public WebSecurityConfig {
    headers = Map.copyOf(headers);
    basicAuthUsers = Map.copyOf(basicAuthUsers);
  }

  public boolean authenticates() {
    return !basicAuthUsers.isEmpty();
  }

  /**
   * {@code tls_server_config}. Certificates and keys come from a file or inline PEM text; which one
   * was given is kept so a changed file can be noticed.
   *
   * @param certFile {@code cert_file}, or null with {@code cert}
   * @param cert {@code cert} (inline PEM), or null
   * @param keyFile {@code key_file}, or null with {@code key}
   * @param key {@code key} (inline PEM), or null
   * @param clientCaFile {@code client_ca_file}, or null
   * @param clientCa {@code client_ca} (inline PEM), or null
   * @param clientAuth {@code client_auth_type}
   * @param clientAllowedSans {@code client_allowed_sans}: when not empty, a client certificate must
   *     carry one of these subject alternative names
   * @param minVersion {@code min_version} as a JSSE protocol name, e.g. {@code TLSv1.2}
   * @param maxVersion {@code max_version} as a JSSE protocol name
   * @param cipherSuites {@code cipher_suites} (IANA names, the same in Go and Java); empty for the
   *     runtime's defaults
   */
  public record Tls(
      Path certFile,
      String cert,
      Path keyFile,
      String key,
      Path clientCaFile,
      String clientCa,
      ClientAuth clientAuth,
      List<String> clientAllowedSans,
      String minVersion,
      String maxVersion,
      List<String> cipherSuites) {
    public Tls {
      clientAllowedSans = List.copyOf(clientAllowedSans);
      cipherSuites = List.copyOf(cipherSuites);
    }
  }

  /** {@code client_auth_type}, with Go's names. */
  public enum ClientAuth {
    NO_CLIENT_CERT("NoClientCert", false, false, false),
    REQUEST_CLIENT_CERT("RequestClientCert", true, false, false),
    REQUIRE_ANY_CLIENT_CERT("RequireAnyClientCert", true, true, false),
    VERIFY_CLIENT_CERT_IF_GIVEN("VerifyClientCertIfGiven", true, false, true),
    REQUIRE_AND_VERIFY_CLIENT_CERT("RequireAndVerifyClientCert", true, true, true);

    private final String configName;
    private final boolean asks;
    private final boolean requires;
    private final boolean verifies;

    ClientAuth(String configName, boolean asks, boolean requires, boolean verifies) {
      this.configName = configName;
      this.asks = asks;
      this.requires = requires;
      this.verifies = verifies;
    }

    public String configName() {
      return configName;
    }

    /** Whether the server asks the client for a certificate. */
    public boolean asks() {
      return asks;
    }

    /** Whether a client without a certificate is refused. */
    public boolean requires() {
      return requires;
    }

    /** Whether a client certificate must chain to the client CA. */
    public boolean verifies() {
      return verifies;
    }

    static Optional<ClientAuth> byConfigName(String name) {
      for (ClientAuth value : values()) {
        if (value.configName.equals(name)) {
          return Optional.of(value);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * {@code rate_limit}: at most {@code burst} requests at once, refilled one per {@code interval}.
   */
  public record RateLimit(Duration interval, int burst) {}
}
