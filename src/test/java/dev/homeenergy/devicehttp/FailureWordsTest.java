package dev.homeenergy.devicehttp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.RawRecorder;
import dev.homeenergy.testing.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Provokes each kind of failure against real loopback servers and checks that the message a person
 * sees names the address and the cause, in words, without Java or JSON-library internals.
 */
class FailureWordsTest {
  private static final String HTML = "<!DOCTYPE html><html><body>Login</body></html>";
  private static final Duration SHORT = Duration.ofMillis(400);
  private static final CountDownLatch RELEASE = new CountDownLatch(1);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static HttpServer plain;
  private static HttpsServer tls;
  private static int closedPort;
  private static ServerSocket plainHttpOnly;

  @BeforeAll
  static void start() throws Exception {
    plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    answer(plain, "/html", 200, HTML);
    answer(plain, "/truncated", 200, "{\"vitals\": {\"grid_v\": 241.");
    answer(plain, "/garbage", 200, "{\"a\": nope}");
    answer(plain, "/vars", 404, "");
    plain.createContext(
        "/silent",
        exchange -> {
          try {
            RELEASE.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.close();
        });
    plain.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    plain.start();
    tls = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    tls.setHttpsConfigurator(new HttpsConfigurator(serverContext()));
    answer(tls, "/", 200, "{}");
    tls.start();
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    plainHttpOnly = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    Thread answering = new Thread(FailureWordsTest::answerBadRequest, "plain-http-only");
    answering.setDaemon(true);
    answering.start();
  }

  /** Answers whatever arrives as a plain web server answers a TLS hello: with a 400 in text. */
  private static void answerBadRequest() {
    while (!plainHttpOnly.isClosed()) {
      try (java.net.Socket socket = plainHttpOnly.accept()) {
        socket.getInputStream().read(new byte[512]);
        socket
            .getOutputStream()
            .write(
                "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
      } catch (IOException closed) {
        return;
      }
    }
  }

  @AfterAll
  static void stop() throws IOException {
    RELEASE.countDown();
    plainHttpOnly.close();
    plain.stop(0);
    tls.stop(0);
  }

  static Stream<Arguments> failures() {
    return Stream.of(
        Arguments.of(
            "refused port",
            "http://127.0.0.1:" + closedPort() + "/api/1/vitals",
            FailureReason.CONNECT,
            List.of("connection refused by 127.0.0.1:" + closedPort())),
        Arguments.of(
            "unresolvable name",
            "http://no-such-host.invalid/api/1/vitals",
            FailureReason.CONNECT,
            List.of("no such host no-such-host.invalid")),
        Arguments.of(
            "HTML body",
            plainBase() + "/html",
            FailureReason.PARSE,
            List.of("the device answered an HTML page, not JSON")),
        Arguments.of(
            "truncated JSON",
            plainBase() + "/truncated",
            FailureReason.PARSE,
            List.of("the JSON answer ends early")),
        Arguments.of(
            "invalid JSON",
            plainBase() + "/garbage",
            FailureReason.PARSE,
            List.of("the answer is not valid JSON (at line 1, column")),
        Arguments.of(
            "plain HTTP server on a TLS address",
            "https://127.0.0.1:" + plainHttpOnly.getLocalPort() + "/",
            FailureReason.CONNECT,
            List.of("port " + plainHttpOnly.getLocalPort() + " of 127.0.0.1 does not speak TLS")),
        Arguments.of(
            "TLS server given plain http",
            "http://127.0.0.1:" + tls.getAddress().getPort() + "/",
            FailureReason.CONNECT,
            List.of(
                "127.0.0.1:" + tls.getAddress().getPort(),
                "without an HTTP answer (if it speaks only TLS, use https)")),
        Arguments.of(
            "404",
            plainBase() + "/vars",
            FailureReason.HTTP_STATUS,
            List.of("HTTP 404 from 127.0.0.1:" + plain.getAddress().getPort())),
        Arguments.of(
            "timeout",
            plainBase() + "/silent",
            FailureReason.TIMEOUT,
            List.of("no answer from 127.0.0.1:" + plain.getAddress().getPort() + " within")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("failures")
  void eachFailureNamesTheAddressAndTheCauseInWords(
      String kind, String address, FailureReason reason, List<String> words) {
    PollException failure = failureOf(URI.create(address));

    assertThat(failure.reason()).as(kind).isEqualTo(reason);
    assertThat(failure.getMessage()).as(kind).startsWith("vitals: ");
    for (String word : words) {
      assertThat(failure.getMessage()).as(kind).contains(word);
    }
    assertPlain(failure.getMessage());
  }

  @Test
  void aMissingFileIsNamedWithoutTheExceptionsName() {
    String words =
        FailureWords.file(new NoSuchFileException(Path.of("/etc/token.json").toString()));

    assertThat(words).isEqualTo("no file at /etc/token.json");
    assertPlain(words);
  }

  @Test
  void plainTakesOutClassNamesAndSourceNotes() {
    String words =
        FailureWords.plain(
            "javax.net.ssl.SSLHandshakeException: PKIX path building failed:"
                + " sun.security.provider.certpath.SunCertPathBuilderException: unable to find"
                + " valid certification path [Source: REDACTED; line: 1]");

    assertThat(words)
        .isEqualTo("PKIX path building failed: unable to find valid certification path");
    assertPlain(words);
  }

  private static void assertPlain(String message) {
    assertThat(message)
        .doesNotContain("Exception")
        .doesNotContain("java.")
        .doesNotContain("com.fasterxml")
        .doesNotContain("[Source:");
  }

  private static PollException failureOf(URI uri) {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .sslContext(SelfSignedTrust.context(SelfSignedTrust.trustingAny()))
            .build();
    DeviceHttp http =
        new DeviceHttp(client, MutableClock.at("2026-12-03T12:00:00Z"), RawRecorder.discarding());
    try {
      Duration limit = uri.getPath().equals("/silent") ? SHORT : Duration.ofSeconds(5);
      String body = http.get("vitals", uri, Deadline.after(limit));
      try {
        JSON.readTree(body);
      } catch (JsonProcessingException e) {
        return new PollException(FailureReason.PARSE, "vitals: " + FailureWords.json(body, e));
      }
    } catch (PollException e) {
      return e;
    }
    throw new AssertionError(uri + " answered usable JSON");
  }

  private static int closedPort() {
    return closedPort;
  }

  private static String plainBase() {
    return "http://127.0.0.1:" + plain.getAddress().getPort();
  }

  private static void answer(HttpServer server, String path, int status, String body) {
    server.createContext(
        path,
        exchange -> {
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
          if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
          }
          exchange.close();
        });
  }

  private static SSLContext serverContext() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in =
        FailureWordsTest.class.getResourceAsStream(
            "/dev/homeenergy/device/powerwall/sim/simulator-gateway.p12")) {
      if (in == null) {
        throw new IOException("the simulator's keystore is not on the class path");
      }
      store.load(in, "simulator".toCharArray());
    }
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, "simulator".toCharArray());
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return context;
  }
}
