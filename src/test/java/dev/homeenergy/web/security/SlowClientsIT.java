package dev.homeenergy.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import at.favre.lib.crypto.bcrypt.BCrypt;
import dev.homeenergy.app.Exporter;
import dev.homeenergy.config.ExporterConfig;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.WebConfig;
import dev.homeenergy.devicehttp.SelfSignedTrust;
import dev.homeenergy.testing.FakeFamily;
import dev.homeenergy.testing.Fixtures;
import dev.homeenergy.testing.Http;
import dev.homeenergy.testing.SlowClients;
import dev.homeenergy.testing.SlowClients.Held;
import dev.homeenergy.testing.SlowClients.Kind;
import dev.homeenergy.web.WebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, "four connections freeze every endpoint": with 200 slow or hostile connections held
 * open, an authorised scrape still answers in under a second, and the server cuts the slow ones
 * after its deadline for a request's head (and TLS handshake) and answer.
 */
class SlowClientsIT {
  private static final String ALICE = "alice-s3cret-password";
  private static final Duration SCRAPE_BOUND = Duration.ofSeconds(1);
  private static final Duration SLACK = Duration.ofSeconds(5);

  /**
   * Pipelined requests are answered until the server's send buffer and the client's receive buffer
   * are full (hundreds of answers); only the exchange whose write then blocks runs into the
   * deadline, so these connections get more time.
   */
  private static final Duration PIPELINE_SLACK = Duration.ofSeconds(20);

  private static final int SCRAPES = 20;

  @TempDir Path dir;
  private final FakeFamily family = new FakeFamily();
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private Exporter exporter;

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable closeable : toClose) {
      closeable.close();
    }
    if (exporter != null) {
      exporter.close();
    }
  }

  private URI start(String extraWebConfig, int bcryptCost) throws Exception {
    for (String name : List.of("ca.crt", "server.crt", "server.key", "client.crt", "client.key")) {
      Files.write(dir.resolve(name), Fixtures.bytes("web/tls", name));
    }
    Path webConfig = dir.resolve("web-config.yml");
    Files.writeString(
        webConfig,
        "basic_auth_users:\n  alice: "
            + BCrypt.withDefaults().hashToString(bcryptCost, ALICE.toCharArray())
            + "\n"
            + extraWebConfig);
    family.set("kitchen", new FakeFamily.Answer(230));
    ExporterConfig config =
        new ExporterConfig(
            new WebConfig("127.0.0.1:0", "/metrics", webConfig, false),
            LogConfig.defaults(),
            List.of(
                FakeFamily.device(
                    "kitchen",
                    Duration.ofSeconds(1),
                    Duration.ofMillis(500),
                    Duration.ofMinutes(5))));
    exporter =
        Exporter.start(config, List.of(family), Clock.systemUTC(), WebSecurity.load(webConfig));
    return exporter.localUri();
  }

  private static String authorization() {
    return "Basic " + Http.basicCredentials("alice", ALICE);
  }

  private InetSocketAddress address() {
    return new InetSocketAddress("127.0.0.1", exporter.port());
  }

  @Test
  void slowPlainClientsNeitherStallScrapesNorStay() throws Exception {
    URI base = start("", 4);
    Map<Kind, Integer> kinds = new LinkedHashMap<>();
    kinds.put(Kind.PIPELINED_UNREAD, 70);
    kinds.put(Kind.PARTIAL_HEAD, 70);
    kinds.put(Kind.IDLE, 60);
    SlowClients slow = SlowClients.open(address(), kinds, false, authorization());
    toClose.add(slow);

    assertScrapesAnswerPromptly(Http.plain().client(), base);
    assertCutAfterTheDeadline(slow.held(Kind.PARTIAL_HEAD), SLACK);
    assertCutAfterTheDeadline(slow.held(Kind.PIPELINED_UNREAD), PIPELINE_SLACK);
  }

  @Test
  void slowTlsClientsNeitherStallScrapesNorStay() throws Exception {
    URI base = start("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n", 4);
    assertThat(base.getScheme()).isEqualTo("https");
    Map<Kind, Integer> kinds = new LinkedHashMap<>();
    kinds.put(Kind.PIPELINED_UNREAD, 40);
    kinds.put(Kind.PARTIAL_HEAD, 40);
    kinds.put(Kind.TLS_RECORD_HEADER, 80);
    kinds.put(Kind.IDLE, 40);
    SlowClients slow = SlowClients.open(address(), kinds, true, authorization());
    toClose.add(slow);

    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(SelfSignedTrust.context(SelfSignedTrust.trustingAny()))
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    assertScrapesAnswerPromptly(client, base);
    assertCutAfterTheDeadline(slow.held(Kind.TLS_RECORD_HEADER), SLACK);
    assertCutAfterTheDeadline(slow.held(Kind.PARTIAL_HEAD), SLACK);
    assertCutAfterTheDeadline(slow.held(Kind.PIPELINED_UNREAD), PIPELINE_SLACK);
  }

  @Test
  void stalledHandshakesUnderMutualTlsNeitherStallScrapesNorStay() throws Exception {
    URI base =
        start(
            "tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n"
                + "  client_auth_type: RequireAndVerifyClientCert\n  client_ca_file: ca.crt\n",
            4);
    Map<Kind, Integer> kinds = new LinkedHashMap<>();
    kinds.put(Kind.TLS_RECORD_HEADER, 140);
    kinds.put(Kind.IDLE, 60);
    SlowClients slow = SlowClients.open(address(), kinds, true, null);
    toClose.add(slow);

    assertScrapesAnswerPromptly(clientWithCertificate(), base);
    assertCutAfterTheDeadline(slow.held(Kind.TLS_RECORD_HEADER), SLACK);
  }

  /** HTTPS trusting the test CA, presenting the client certificate it signed. */
  private HttpClient clientWithCertificate() throws Exception {
    KeyStore trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry(
        "ca", Pem.certificates(Files.readString(dir.resolve("ca.crt"))).get(0));
    TrustManagerFactory trustFactory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trustFactory.init(trust);
    KeyStore keys = KeyStore.getInstance("PKCS12");
    keys.load(null, null);
    keys.setKeyEntry(
        "client",
        Pem.privateKey(Files.readString(dir.resolve("client.key"))),
        new char[0],
        Pem.certificates(Files.readString(dir.resolve("client.crt")))
            .toArray(X509Certificate[]::new));
    KeyManagerFactory keyFactory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyFactory.init(keys, new char[0]);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keyFactory.getKeyManagers(), trustFactory.getTrustManagers(), null);
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .sslContext(context)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  @Test
  void aFloodOfWrongPasswordsDoesNotStallAnAuthorisedScrape() throws Exception {
    URI base = start("", 10);
    HttpClient client = Http.plain().client();
    assertThat(scrape(client, base.resolve("/metrics")).statusCode())
        .as("the first scrape, which puts the credentials in the cache")
        .isEqualTo(200);
    AtomicBoolean flooding = new AtomicBoolean(true);
    AtomicInteger refused = new AtomicInteger();
    List<Thread> flood = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      Thread thread = new Thread(() -> guessPasswords(flooding, refused), "flood-" + i);
      thread.setDaemon(true);
      thread.start();
      flood.add(thread);
    }
    toClose.add(
        () -> {
          flooding.set(false);
          for (Thread thread : flood) {
            thread.join(10_000);
          }
        });
    await("the flood under way").atMost(Duration.ofSeconds(30)).until(() -> refused.get() >= 200);

    assertScrapesAnswerPromptly(client, base);
    assertThat(refused.get()).as("wrong passwords answered 401 or 429").isGreaterThan(200);
  }

  /** Sends GET /metrics with a random password over one connection, again and again. */
  private void guessPasswords(AtomicBoolean flooding, AtomicInteger refused) {
    while (flooding.get()) {
      try (Socket socket = new Socket()) {
        socket.connect(address(), 5_000);
        socket.setSoTimeout(15_000);
        OutputStream out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        while (flooding.get()) {
          String password = Long.toHexString(ThreadLocalRandom.current().nextLong());
          out.write(
              ("GET /metrics HTTP/1.1\r\nHost: exporter\r\nAuthorization: Basic "
                      + Http.basicCredentials("alice", password)
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
          int status = readStatusAndSkipAnswer(in);
          if (status == 401 || status == 429) {
            refused.incrementAndGet();
          }
        }
      } catch (IOException e) {
        // the server may close a connection; open another
      }
    }
  }

  /** Reads one answer's status line and headers, then its Content-Length body; -1 at EOF. */
  private static int readStatusAndSkipAnswer(InputStream in) throws IOException {
    String statusLine = readLine(in);
    if (statusLine == null) {
      throw new IOException("closed");
    }
    long length = 0;
    for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
      if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
        length = Long.parseLong(line.substring(15).strip());
      }
    }
    in.skipNBytes(length);
    return Integer.parseInt(statusLine.split(" ")[1]);
  }

  private static String readLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        return null;
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  private static HttpResponse<String> scrape(HttpClient client, URI uri) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(5))
            .header("Authorization", authorization())
            .GET()
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /**
   * Each of {@link #SCRAPES} scrapes of /metrics and of /-/healthy answers 200 within a second (the
   * first three that do not are enough to show it).
   */
  private static void assertScrapesAnswerPromptly(HttpClient client, URI base) {
    List<String> slowOnes = new ArrayList<>();
    for (int i = 0; i < SCRAPES && slowOnes.size() < 3; i++) {
      for (String path : List.of("/metrics", "/-/healthy")) {
        long start = System.nanoTime();
        String outcome;
        try {
          outcome = "status " + scrape(client, base.resolve(path)).statusCode();
        } catch (Exception e) {
          outcome = e.getClass().getSimpleName();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (!outcome.equals("status 200") || took.compareTo(SCRAPE_BOUND) >= 0) {
          slowOnes.add(path + ": " + outcome + " after " + took.toMillis() + " ms");
        }
      }
    }
    assertThat(slowOnes).as("scrapes that failed or took a second or more").isEmpty();
  }

  /** Every connection is closed by the server within its deadline and {@code slack}. */
  private static void assertCutAfterTheDeadline(List<Held> connections, Duration slack) {
    Duration bound = WebServer.EXCHANGE_DEADLINE.plus(slack);
    await("the server closing " + connections.get(0).kind() + " connections")
        .atMost(bound.plus(SLACK))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> connections.stream().allMatch(c -> c.closedAfter().isPresent()));
    for (Held connection : connections) {
      assertThat(connection.closedAfter().orElseThrow())
          .as(connection.kind() + " connection closed after")
          .isLessThan(bound);
    }
  }
}
