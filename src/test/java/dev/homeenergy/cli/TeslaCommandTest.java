package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.app.Families;
import dev.homeenergy.device.tesla.sim.TeslaSimulator;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.testing.Http;
import dev.homeenergy.testing.MutableClock;
import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** {@code tesla login}, {@code keygen} and {@code register} against the simulated Tesla cloud. */
class TeslaCommandTest {
  private static final Pattern AUTHORIZE_URL =
      Pattern.compile("(http://\\S+/oauth2/v3/authorize\\S+)");

  @TempDir Path dir;
  private TeslaSimulator cloud;

  @BeforeEach
  void start() throws Exception {
    cloud =
        TeslaSimulator.start(
            new SimulatorOptions(
                "127.0.0.1", 0, "daily", new MutableClock(Instant.now()), Set.of()));
  }

  @AfterEach
  void stop() {
    cloud.close();
  }

  private Path config(String redirectUri) throws Exception {
    Path config = dir.resolve("config.yml");
    Files.writeString(
        config,
        """
        devices:
          - name: cars
            type: tesla
            address: %s
            client_id: %s
            client_secret: %s
            auth_base: %s
            token_base: %s
            token_file: token.json
            redirect_uri: %s
        """
            .formatted(
                cloud.baseUri(),
                cloud.settings().clientId(),
                cloud.settings().clientSecret(),
                cloud.authBase(),
                cloud.tokenBase(),
                redirectUri));
    return config;
  }

  private record Session(
      CommandLine commandLine, StringWriter out, StringWriter err, PipedWriter typing) {}

  private Session session() throws Exception {
    return session(Map.of());
  }

  private Session session(Map<String, String> env) throws Exception {
    PipedWriter typing = new PipedWriter();
    BufferedReader stdin = new BufferedReader(new PipedReader(typing));
    CliContext context =
        new CliContext(env, Families.all(), Clock.systemUTC(), () -> {}, e -> {}, stdin);
    CommandLine commandLine = Commands.commandLine(context);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return new Session(commandLine, out, err, typing);
  }

  private static String authorizeUrl(StringWriter out) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              Matcher m = AUTHORIZE_URL.matcher(out.toString());
              return m.find() ? m.group(1) : null;
            },
            url -> url != null);
  }

  @Test
  void loginWithAPastedRedirectWritesAPrivateTokenFile() throws Exception {
    Path config = config("https://localhost/callback");
    Session s = session();
    CompletableFuture<Integer> result =
        CompletableFuture.supplyAsync(
            () -> s.commandLine().execute("tesla", "login", "--config.file=" + config));

    String url = authorizeUrl(s.out());
    s.typing().write(Http.redirectLocation(URI.create(url)) + "\n");
    s.typing().flush();

    assertThat(result.get(20, TimeUnit.SECONDS)).as(s.err().toString()).isZero();
    Path token = dir.resolve("token.json");
    assertThat(Files.getPosixFilePermissions(token))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.readString(token)).contains("\"refresh_token\"");
    assertThat(s.out().toString())
        .contains("Signed in")
        .doesNotContain(Files.readString(token).substring(20, 40));
  }

  @Test
  void aPastedRedirectWithAnotherStateIsRefused() throws Exception {
    Path config = config("https://localhost/callback");
    Session s = session();
    CompletableFuture<Integer> result =
        CompletableFuture.supplyAsync(
            () -> s.commandLine().execute("tesla", "login", "--config.file=" + config));
    authorizeUrl(s.out());
    s.typing().write("https://localhost/callback?code=abc&state=forged\n");
    s.typing().flush();
    assertThat(result.get(20, TimeUnit.SECONDS)).isEqualTo(1);
    assertThat(s.err().toString()).contains("state");
    assertThat(dir.resolve("token.json")).doesNotExist();
  }

  @Test
  void loginCanCatchTheRedirectOnALocalPort() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path config = config("http://localhost:" + port + "/callback");
    Session s = session();
    CompletableFuture<Integer> result =
        CompletableFuture.supplyAsync(
            () ->
                s.commandLine()
                    .execute(
                        "tesla",
                        "login",
                        "--config.file=" + config,
                        "--listen",
                        String.valueOf(port),
                        "--wait",
                        "20"));

    String url = authorizeUrl(s.out());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> s.out().toString().contains("Waiting for the redirect"));
    HttpResponse<String> landed =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(landed.body()).contains("you can close this tab");
    assertThat(result.get(20, TimeUnit.SECONDS)).as(s.err().toString()).isZero();
    assertThat(dir.resolve("token.json")).exists();
  }

  /** tesla serve's environment, as tesla-prometheus-exporter's .env would set it. */
  private Map<String, String> serveEnvironment(String redirectUri) {
    return Map.of(
        "TESLA_CLIENT_ID", cloud.settings().clientId(),
        "TESLA_CLIENT_SECRET", cloud.settings().clientSecret(),
        "TESLA_API_BASE", cloud.baseUri().toString(),
        "TESLA_AUTH_BASE", cloud.authBase().toString(),
        "TESLA_TOKEN_BASE", cloud.tokenBase().toString(),
        "TESLA_REDIRECT_URI", redirectUri,
        "TOKEN_FILE_PATH", dir.resolve("env-token.json").toString());
  }

  @Test
  void loginWorksFromTheServeEnvironmentAlone() throws Exception {
    int port = freePort();
    Session s = session(serveEnvironment("http://localhost:" + port + "/tesla/callback"));
    CompletableFuture<Integer> result =
        CompletableFuture.supplyAsync(
            () ->
                s.commandLine()
                    .execute("tesla", "login", "--listen", String.valueOf(port), "--wait", "20"));
    String url = authorizeUrl(s.out());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> s.out().toString().contains("Waiting for the redirect"));
    HttpResponse<String> landed =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build()
            .send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(landed.body()).contains("you can close this tab");
    assertThat(result.get(20, TimeUnit.SECONDS)).as(s.err().toString()).isZero();
    assertThat(Files.readString(dir.resolve("env-token.json"))).contains("\"refresh_token\"");
  }

  @Test
  void loginWithoutAConfigFileOrTheEnvironmentSaysWhatToGive() throws Exception {
    Session s = session();
    assertThat(s.commandLine().execute("tesla", "login")).isEqualTo(2);
    assertThat(s.err().toString()).contains("--config.file").contains("TESLA_CLIENT_ID");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://localhost/callback",
        "http://example.com:%d/callback",
        "http://localhost:%d/callback",
        "http://192.168.1.20:%d/callback"
      })
  void listenRefusesAtOnceARedirectUriThatCannotReachItsPort(String pattern) throws Exception {
    int port = freePort();
    String redirect = pattern.formatted(pattern.startsWith("http://localhost") ? port + 1 : port);
    Session s = session(serveEnvironment(redirect));
    assertThat(
            CompletableFuture.supplyAsync(
                    () ->
                        s.commandLine().execute("tesla", "login", "--listen", String.valueOf(port)))
                .get(10, TimeUnit.SECONDS))
        .isEqualTo(2);
    assertThat(s.err().toString()).contains("--listen " + port).contains(redirect);
    assertThat(s.out().toString()).doesNotContain("authorize");
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Test
  void keygenWritesTheKeyPairOnce() throws Exception {
    Session s = session();
    assertThat(s.commandLine().execute("tesla", "keygen", "--dir", dir.toString())).isZero();
    assertThat(s.out().toString()).contains("/.well-known/appspecific/com.tesla.3p.public-key.pem");
    assertThat(Files.getPosixFilePermissions(dir.resolve("private-key.pem")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.getPosixFilePermissions(dir.resolve("com.tesla.3p.public-key.pem")))
        .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
    Session again = session();
    assertThat(again.commandLine().execute("tesla", "keygen", "--dir", dir.toString()))
        .isEqualTo(1);
    assertThat(again.err().toString()).contains("not overwriting");
  }

  @Test
  void registerUsesAClientCredentialsToken() throws Exception {
    Path config = config("https://localhost/callback");
    Session s = session();
    assertThat(
            s.commandLine()
                .execute("tesla", "register", "--config.file=" + config, "--domain", "example.com"))
        .as(s.err().toString())
        .isZero();
    assertThat(s.out().toString()).contains("Registered example.com");
    assertThat(cloud.tokenRequests("client_credentials")).isEqualTo(1);
  }
}
