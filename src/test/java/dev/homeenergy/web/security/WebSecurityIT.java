package dev.homeenergy.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.homeenergy.app.Exporter;
import dev.homeenergy.config.ConfigException;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.WebConfig;
import dev.homeenergy.testing.FakeFamily;
import dev.homeenergy.testing.Fixtures;
import dev.homeenergy.testing.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The exporter-toolkit web configuration: basic auth, TLS, mutual TLS, reloads and bad files, over
 * real HTTP(S).
 */
class WebSecurityIT {
  private static final String ALICE = "alice-s3cret-password";
  private static final List<String> PROTECTED =
      List.of("/", "/metrics", "/probe?target=kitchen", "/sd", "/devices/kitchen/raw");

  @TempDir Path dir;
  private final FakeFamily family = new FakeFamily();
  private Exporter exporter;
  private Path webConfig;

  @BeforeEach
  void copyCertificates() throws IOException {
    for (String name :
        List.of(
            "ca.crt",
            "server.crt",
            "server.key",
            "server-pkcs1.key",
            "server2.crt",
            "server2.key",
            "client.crt",
            "client.key")) {
      Files.write(dir.resolve(name), Fixtures.bytes("web/tls", name));
    }
    webConfig = dir.resolve("web-config.yml");
    family.set("kitchen", new FakeFamily.Answer(230));
  }

  @AfterEach
  void stop() {
    if (exporter != null) {
      exporter.close();
    }
  }

  private URI start(String webConfigText, boolean healthRequiresAuth) throws Exception {
    Files.writeString(webConfig, webConfigText);
    WebSecurity security = WebSecurity.load(webConfig);
    ExporterConfig config =
        new ExporterConfig(
            new WebConfig("127.0.0.1:0", "/metrics", webConfig, healthRequiresAuth),
            LogConfig.defaults(),
            List.of(
                FakeFamily.device(
                    "kitchen",
                    Duration.ofSeconds(1),
                    Duration.ofMillis(500),
                    Duration.ofMinutes(5))));
    exporter = Exporter.start(config, List.of(family), Clock.systemUTC(), security);
    return exporter.localUri();
  }

  private static String hash(BCrypt.Version version, String password) {
    return BCrypt.with(version).hashToString(4, password.toCharArray());
  }

  private static String basic(String user, String password) {
    return "Basic " + Http.basicCredentials(user, password);
  }

  private static String users(String... userAndHash) {
    StringBuilder yaml = new StringBuilder("basic_auth_users:\n");
    for (int i = 0; i < userAndHash.length; i += 2) {
      yaml.append("  ").append(userAndHash[i]).append(": ").append(userAndHash[i + 1]).append('\n');
    }
    return yaml.toString();
  }

  @Test
  void basicAuthGuardsEveryPageButHealthAndAcceptsEveryBcryptPrefix() throws Exception {
    URI base =
        start(
            users(
                "alice",
                hash(BCrypt.Version.VERSION_2Y, ALICE),
                "bob",
                hash(BCrypt.Version.VERSION_2A, "bob-pw"),
                "carol",
                hash(BCrypt.Version.VERSION_2B, "carol-pw")),
            false);
    for (String path : PROTECTED) {
      HttpResponse<String> none = Http.get(base.resolve(path));
      assertThat(none.statusCode()).as(path).isEqualTo(401);
      assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Basic");
      assertThat(none.body()).isEqualTo("Unauthorized\n");
      assertThat(
              Http.get(base.resolve(path), "Authorization", basic("alice", "wrong")).statusCode())
          .isEqualTo(401);
      assertThat(
              Http.get(base.resolve(path), "Authorization", basic("mallory", ALICE)).statusCode())
          .isEqualTo(401);
      assertThat(Http.get(base.resolve(path), "Authorization", "Basic !!!").statusCode())
          .isEqualTo(401);
      assertThat(Http.get(base.resolve(path), "Authorization", basic("alice", ALICE)).statusCode())
          .as(path)
          .isEqualTo(200);
    }
    assertThat(
            Http.get(base.resolve("/metrics"), "Authorization", basic("bob", "bob-pw"))
                .statusCode())
        .isEqualTo(200);
    assertThat(
            Http.get(base.resolve("/metrics"), "Authorization", basic("carol", "carol-pw"))
                .statusCode())
        .isEqualTo(200);
    assertThat(Http.get(base.resolve("/-/healthy")).statusCode()).isEqualTo(200);
    assertThat(Http.get(base.resolve("/-/ready")).statusCode()).isIn(200, 503);
  }

  @Test
  void credentialsNeverShowInLogsOrPages() throws Exception {
    ch.qos.logback.classic.Logger root =
        (ch.qos.logback.classic.Logger)
            org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logs =
        new ch.qos.logback.core.read.ListAppender<>();
    logs.start();
    root.addAppender(logs);
    ch.qos.logback.classic.Level level = root.getLevel();
    root.setLevel(ch.qos.logback.classic.Level.DEBUG);
    try {
      dev.homeenergy.testing.LeakCheck leaks = new dev.homeenergy.testing.LeakCheck();
      leaks.secret("alice's password", ALICE);
      leaks.secret("a wrong password tried", "guessed-password-123");
      URI base = start(users("alice", hash(BCrypt.Version.VERSION_2Y, ALICE)), false);
      for (String path : PROTECTED) {
        leaks.saw(path + " without credentials", Http.get(base.resolve(path)).body());
        leaks.saw(
            path + " wrong password",
            Http.get(base.resolve(path), "Authorization", basic("alice", "guessed-password-123"))
                .body());
        leaks.saw(
            path, Http.get(base.resolve(path), "Authorization", basic("alice", ALICE)).body());
      }
      Files.writeString(webConfig, "basic_auth_users:\n  alice: " + ALICE + "\n");
      Files.setLastModifiedTime(webConfig, FileTime.from(Instant.now().plusSeconds(5)));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  Http.get(base.resolve("/-/healthy")).statusCode() == 200
                      && List.copyOf(logs.list).stream()
                          .anyMatch(
                              event -> event.getFormattedMessage().contains("does not load")));
      for (ch.qos.logback.classic.spi.ILoggingEvent event : List.copyOf(logs.list)) {
        leaks.saw(
            "log",
            event.getFormattedMessage()
                + (event.getThrowableProxy() == null
                    ? ""
                    : event.getThrowableProxy().getMessage()));
      }
      assertThat(logs.list).isNotEmpty();
      assertThat(leaks.leaks()).isEmpty();
    } finally {
      root.detachAppender(logs);
      root.setLevel(level);
    }
  }

  @Test
  void healthEndpointsCanBeProtectedToo() throws Exception {
    URI base = start(users("alice", hash(BCrypt.Version.VERSION_2Y, ALICE)), true);
    assertThat(Http.get(base.resolve("/-/healthy")).statusCode()).isEqualTo(401);
    assertThat(
            Http.get(base.resolve("/-/healthy"), "Authorization", basic("alice", ALICE))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void changedUsersApplyWithoutRestartAndABrokenChangeKeepsTheLastGoodOnes() throws Exception {
    URI base = start(users("alice", hash(BCrypt.Version.VERSION_2Y, ALICE)), false);
    assertThat(
            Http.get(base.resolve("/metrics"), "Authorization", basic("alice", ALICE)).statusCode())
        .isEqualTo(200);

    Files.writeString(webConfig, users("dave", hash(BCrypt.Version.VERSION_2Y, "dave-pw")));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                Http.get(base.resolve("/metrics"), "Authorization", basic("dave", "dave-pw"))
                        .statusCode()
                    == 200);
    assertThat(
            Http.get(base.resolve("/metrics"), "Authorization", basic("alice", ALICE)).statusCode())
        .isEqualTo(401);

    Files.writeString(webConfig, "basic_auth_users:\n  dave: not-a-hash\n  eve: x\n");
    Files.setLastModifiedTime(webConfig, FileTime.from(Instant.now().plusSeconds(5)));
    await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                Http.get(base.resolve("/metrics"), "Authorization", basic("dave", "dave-pw"))
                            .statusCode()
                        == 200
                    && Http.get(base.resolve("/metrics")).statusCode() == 401);
  }

  @Test
  void anEmptiedWebConfigKeepsAskingForCredentials() throws Exception {
    URI base = start(users("alice", hash(BCrypt.Version.VERSION_2Y, ALICE)), false);

    Files.writeString(webConfig, "");
    Files.setLastModifiedTime(webConfig, FileTime.from(Instant.now().plusSeconds(5)));

    await()
        .during(Duration.ofMillis(2500))
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                Http.get(base.resolve("/metrics")).statusCode() == 401
                    && Http.get(base.resolve("/metrics"), "Authorization", basic("alice", ALICE))
                            .statusCode()
                        == 200);
  }

  @Test
  void headersAreAddedAndTheRateLimitAnswers429() throws Exception {
    URI base =
        start(
            """
        http_server_config:
          http2: false
          headers:
            X-Frame-Options: deny
            Content-Security-Policy: default-src 'self'
        rate_limit:
          interval: 1h
          burst: 3
        """,
            false);
    HttpResponse<String> first = Http.get(base.resolve("/-/healthy"));
    assertThat(first.headers().firstValue("X-Frame-Options")).hasValue("deny");
    assertThat(first.headers().firstValue("Content-Security-Policy"))
        .hasValue("default-src 'self'");
    Http.get(base.resolve("/-/healthy"));
    Http.get(base.resolve("/-/healthy"));
    assertThat(Http.get(base.resolve("/metrics")).statusCode()).isEqualTo(429);
  }

  private String tlsConfig(String extra) {
    return "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n" + extra;
  }

  @ParameterizedTest(name = "key file {0}")
  @CsvSource({"server.key", "server-pkcs1.key"})
  void servesHttpsWithPemCertificateAndKey(String keyFile) throws Exception {
    URI base =
        start("tls_server_config:\n  cert_file: server.crt\n  key_file: " + keyFile + "\n", false);
    assertThat(base.getScheme()).isEqualTo("https");
    HttpResponse<String> response =
        client(null, null)
            .send(request(base.resolve("/metrics")), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(peer(response).getSubjectX500Principal().getName()).isEqualTo("CN=server");
    URI plain = URI.create("http://127.0.0.1:" + exporter.port() + "/metrics");
    assertThatThrownBy(
            () ->
                HttpClient.newHttpClient()
                    .send(request(plain), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void minVersionRefusesOlderClients() throws Exception {
    URI base = start(tlsConfig("  min_version: TLS13\n"), false);
    assertThatThrownBy(
            () ->
                client(null, "TLSv1.2")
                    .send(request(base.resolve("/metrics")), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
    assertThat(
            client(null, "TLSv1.3")
                .send(request(base.resolve("/metrics")), HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void mutualTlsRequiresAClientCertificateFromTheCa() throws Exception {
    URI base =
        start(
            tlsConfig("  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: ca.crt\n"),
            false);
    assertThatThrownBy(
            () ->
                client(null, null)
                    .send(request(base.resolve("/metrics")), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
    assertThat(
            client("client", null)
                .send(request(base.resolve("/metrics")), HttpResponse.BodyHandlers.ofString())
                .statusCode())
        .isEqualTo(200);
    assertThatThrownBy(
            () ->
                client("server2", null)
                    .send(request(base.resolve("/metrics")), HttpResponse.BodyHandlers.ofString()))
        .as("a certificate for server authentication only")
        .isInstanceOf(IOException.class);
  }

  @Test
  void clientAllowedSansNarrowsWhichCertificatesPass() throws Exception {
    URI base =
        start(
            tlsConfig(
                "  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: ca.crt\n"
                    + "  client_allowed_sans: [grafana]\n"),
            false);
    assertThatThrownBy(
            () ->
                client("client", null)
                    .send(request(base.resolve("/metrics")), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(IOException.class);
    Files.writeString(
        webConfig,
        tlsConfig(
            "  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: ca.crt\n"
                + "  client_allowed_sans: [grafana, prometheus]\n"));
    await()
        .atMost(Duration.ofSeconds(10))
        .ignoreExceptions()
        .until(
            () ->
                client("client", null)
                        .send(
                            request(base.resolve("/metrics")), HttpResponse.BodyHandlers.ofString())
                        .statusCode()
                    == 200);
  }

  @Test
  void aReplacedCertificateIsServedWithoutRestart() throws Exception {
    URI base = start(tlsConfig(""), false);
    assertThat(
            peer(client(null, null)
                    .send(
                        request(base.resolve("/-/healthy")), HttpResponse.BodyHandlers.ofString()))
                .getSubjectX500Principal()
                .getName())
        .isEqualTo("CN=server");
    Files.copy(
        dir.resolve("server2.crt"),
        dir.resolve("server.crt"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(
        dir.resolve("server2.key"),
        dir.resolve("server.key"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.setLastModifiedTime(
        dir.resolve("server.crt"), FileTime.from(Instant.now().plusSeconds(5)));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                peer(client(null, null)
                        .send(
                            request(base.resolve("/-/healthy")),
                            HttpResponse.BodyHandlers.ofString()))
                    .getSubjectX500Principal()
                    .getName()
                    .equals("CN=server2"));
  }

  @ParameterizedTest(name = "{1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "basic_auth_users:\\n  alice: plaintext-password\\n|basic_auth_users.alice|not a bcrypt hash",
        "basic_auth_user:\\n  alice: x\\n|basic_auth_user|unknown key",
        "tls_server_config:\\n  cert_file: server.crt\\n  key_file: server.key\\n  min_version: TLS14\\n|tls_server_config.min_version|TLS version",
        "tls_server_config:\\n  cert_file: server.crt\\n|tls_server_config.key_file|private key is required",
        "tls_server_config:\\n  cert_file: server.crt\\n  key_file: missing.key\\n|tls_server_config.key_file|cannot read",
        "tls_server_config:\\n  cert_file: server.crt\\n  key_file: client.key\\n|tls_server_config.key_file|does not match",
        "tls_server_config:\\n  cert_file: server.key\\n  key_file: server.key\\n|tls_server_config.cert_file|certificate",
        "tls_server_config:\\n  cert_file: server.crt\\n  key_file: server.crt\\n|tls_server_config.key_file|no PEM private key",
        "tls_server_config:\\n  cert_file: server.crt\\n  key_file: server.key\\n  client_auth_type: RequireAndVerifyClientCert\\n|tls_server_config.client_ca_file|needs client_ca_file",
        "tls_server_config:\\n  cert_file: server.crt\\n  key_file: server.key\\n  client_auth_type: Always\\n|tls_server_config.client_auth_type|invalid client_auth_type",
        "http_server_config:\\n  headers:\\n    Server: x\\n|http_server_config.headers.Server|unknown key",
        "rate_limit:\\n  interval: soon\\n|rate_limit.interval|soon",
        "basic_auth_users: [alice]\\n|basic_auth_users|expected",
      })
  void aBadFileIsRefusedNamingTheKey(String text, String key, String words) throws Exception {
    Files.writeString(webConfig, text.replace("\\n", "\n"));
    assertThatThrownBy(() -> WebSecurity.load(webConfig))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(key + ": ")
        .hasMessageContaining(words)
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain("BEGIN")
                    .doesNotContain("plaintext-password"));
  }

  private static HttpRequest request(URI uri) {
    return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
  }

  private static X509Certificate peer(HttpResponse<?> response) throws Exception {
    return (X509Certificate) response.sslSession().orElseThrow().getPeerCertificates()[0];
  }

  /**
   * A fresh client (no pooled connection, no session reuse) trusting the test CA, optionally
   * presenting a certificate.
   */
  private HttpClient client(String clientCertificate, String onlyProtocol) throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry(
        "ca", Pem.certificates(Files.readString(dir.resolve("ca.crt"))).get(0));
    TrustManagerFactory trustFactory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustFactory.init(trust);
    KeyManagerFactory keyFactory = null;
    if (clientCertificate != null) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry(
          "client",
          Pem.privateKey(Files.readString(dir.resolve(clientCertificate + ".key"))),
          new char[0],
          Pem.certificates(Files.readString(dir.resolve(clientCertificate + ".crt")))
              .toArray(X509Certificate[]::new));
      keyFactory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keyFactory.init(keys, new char[0]);
    }
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(
        keyFactory == null ? null : keyFactory.getKeyManagers(),
        trustFactory.getTrustManagers(),
        null);
    HttpClient.Builder builder =
        HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5));
    if (onlyProtocol != null) {
      SSLParameters parameters = context.getDefaultSSLParameters();
      parameters.setProtocols(new String[] {onlyProtocol});
      builder.sslParameters(parameters);
    }
    return builder.build();
  }
}
