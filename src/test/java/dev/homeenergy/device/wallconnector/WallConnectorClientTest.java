package dev.homeenergy.device.wallconnector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.RawExchange;
import dev.homeenergy.devicehttp.SharedHttp;
import dev.homeenergy.testing.Fixtures;
import dev.homeenergy.testing.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WallConnectorClientTest {
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final List<RawExchange> raw = new CopyOnWriteArrayList<>();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private HttpServer server;

  private final CountDownLatch release = new CountDownLatch(1);
  private Duration timeout = Duration.ofSeconds(5);

  private record Answer(int status, String body) {}

  @BeforeEach
  void start() throws IOException {
    answer("vitals", Captures.VITALS_CHARGING_40A);
    answer("lifetime", Captures.LIFETIME_FW25);
    answer("wifi_status", Captures.WIFI_FW25);
    answer("version", Captures.VERSION_FW25);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/1/",
        exchange -> {
          String endpoint = exchange.getRequestURI().getPath().substring("/api/1/".length());
          hits.computeIfAbsent(endpoint, e -> new AtomicInteger()).incrementAndGet();
          if (answers.get(endpoint) == null) {
            awaitRelease();
          }
          Answer answer = answers.getOrDefault(endpoint, new Answer(500, "no answer"));
          byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(answer.status(), body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private void awaitRelease() {
    try {
      release.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void answer(String endpoint, String fixture) {
    answers.put(endpoint, new Answer(200, Fixtures.text("wallconnector", fixture)));
  }

  private int hits(String endpoint) {
    return hits.getOrDefault(endpoint, new AtomicInteger()).get();
  }

  private WallConnectorClient client(String address) {
    DeviceConfig config =
        new DeviceConfig(
            "garage",
            "wallconnector",
            URI.create(address),
            Duration.ofSeconds(10),
            timeout,
            Duration.ofSeconds(50),
            NamingStyle.NATIVE,
            Map.of());
    return new WallConnectorClient(config, SharedHttp.unshared(clock, raw::add, null));
  }

  private WallConnectorClient client() {
    return client("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Test
  void pollReadsAllFourEndpoints() throws PollException {
    WallConnectorReading reading = client().poll();

    assertThat(reading.vitals()).isEqualTo(Captures.vitals(Captures.VITALS_CHARGING_40A));
    assertThat(reading.lifetime().energyWh()).isEqualTo(5276620L);
    assertThat(reading.wifi().decodedSsid()).isEqualTo("SSIORBI");
    assertThat(reading.version().serialNumber()).isEqualTo("B7S24024J01612");
    assertThat(raw)
        .extracting(RawExchange::endpoint)
        .containsExactlyInAnyOrder("version", "vitals", "lifetime", "wifi_status");
    assertThat(raw)
        .allSatisfy(
            e -> {
              assertThat(e.status()).isEqualTo(200);
              assertThat(e.error()).isNull();
              assertThat(e.url()).endsWith("/api/1/" + e.endpoint());
            });
  }

  @Test
  void versionIsFetchedOnceAndRefreshedAfterAnHour() throws PollException {
    WallConnectorClient client = client();

    client.poll();
    clock.advance(Duration.ofMinutes(30));
    WallConnectorReading second = client.poll();
    clock.advance(Duration.ofMinutes(29).plusSeconds(59));
    client.poll();

    assertThat(hits("version")).isEqualTo(1);
    assertThat(hits("vitals")).isEqualTo(3);
    assertThat(hits("lifetime")).isEqualTo(3);
    assertThat(hits("wifi_status")).isEqualTo(3);
    assertThat(second.version().firmwareVersion()).isEqualTo("25.34.1+ge48cc9be91ebc7");

    answer("version", Captures.VERSION_2021);
    clock.advance(Duration.ofSeconds(1));
    WallConnectorReading refreshed = client.poll();

    assertThat(hits("version")).isEqualTo(2);
    assertThat(refreshed.version().firmwareVersion()).isEqualTo("21.29.1+g4152353e50f744");
  }

  @Test
  void failedVersionFetchIsRetriedOnTheNextPoll() throws PollException {
    WallConnectorClient client = client();
    answers.put("version", new Answer(503, "busy"));

    assertThatThrownBy(client::poll)
        .isInstanceOfSatisfying(
            PollException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.HTTP_STATUS));

    answer("version", Captures.VERSION_FW25);
    assertThat(client.poll().version().partNumber()).isEqualTo("1734412-02-D");
    assertThat(hits("version")).isEqualTo(2);
  }

  @Test
  void serverErrorFailsThePollWithHttpStatus() {
    answers.put("wifi_status", new Answer(500, "internal error"));

    assertThatThrownBy(() -> client().poll())
        .isInstanceOfSatisfying(
            PollException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.HTTP_STATUS))
        .hasMessageContaining("wifi_status")
        .hasMessageContaining("500");
  }

  @Test
  void truncatedLifetimeIsAParseErrorAndItsBodyIsKept() {
    String truncated = Fixtures.text("wallconnector", Captures.LIFETIME_TRUNCATED);
    answers.put("lifetime", new Answer(200, truncated));

    assertThatThrownBy(() -> client().poll())
        .isInstanceOfSatisfying(
            PollException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.PARSE))
        .hasMessageStartingWith("lifetime: ");
    RawExchange last = raw.get(raw.size() - 1);
    assertThat(last.endpoint()).isEqualTo("lifetime");
    assertThat(last.body()).isEqualTo(truncated);
    assertThat(last.error()).startsWith("lifetime: the JSON answer ends early");
    assertThat(hits("wifi_status")).isZero();
  }

  @Test
  void bareNanInLifetimeIsRepaired() throws PollException {
    answer("lifetime", Captures.LIFETIME_BARE_NAN);

    Lifetime lifetime = client().poll().lifetime();

    assertThat(lifetime.avgStartupTempCelsius()).isNull();
    assertThat(lifetime.alertCount()).isNull();
    assertThat(lifetime.energyWh()).isEqualTo(2566837L);
    assertThat(raw).allSatisfy(e -> assertThat(e.error()).isNull());
  }

  @Test
  void addressWithTrailingSlash() throws PollException {
    assertThat(client("http://127.0.0.1:" + server.getAddress().getPort() + "/").poll().vitals())
        .isNotNull();
    assertThat(hits("vitals")).isEqualTo(1);
  }

  @Test
  void silentDeviceTimesOutWithinThePollDeadline() {
    answers.remove("lifetime");
    timeout = Duration.ofMillis(300);
    WallConnectorClient client = client();
    long started = System.nanoTime();

    assertThatThrownBy(client::poll)
        .isInstanceOfSatisfying(
            PollException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.TIMEOUT))
        .hasMessageContaining("lifetime");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void refusedConnectionIsAConnectError() throws IOException {
    int port;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    assertThatThrownBy(() -> client("http://127.0.0.1:" + port).poll())
        .isInstanceOfSatisfying(
            PollException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.CONNECT));
  }

  /**
   * The crash: {@code [{},{},…]} just under the 4 MiB body cap made the tree parser build
   * ~1.4 M nodes (~100 MB) on the polling thread. A Wall Connector body is about 1 KiB, so such an
   * answer is refused by its endpoint's cap before any of it is parsed.
   */
  @Test
  void aNodeBombUnderTheAbsoluteCapCostsThePollingThreadLittle() throws PollException {
    client().poll();
    String bomb = "[" + "{},".repeat((4 * 1024 * 1024 - 64) / 3) + "{}]";
    answers.put("vitals", new Answer(200, bomb));
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    WallConnectorClient client = client();
    long before = threads.getThreadAllocatedBytes(thread);

    assertThatThrownBy(client::poll)
        .isInstanceOfSatisfying(
            PollException.class, e -> assertThat(e.reason()).isEqualTo(FailureReason.PARSE))
        .hasMessageContaining("vitals")
        .hasMessageContaining("exceeded");
    assertThat(threads.getThreadAllocatedBytes(thread) - before)
        .as("bytes allocated by the polling thread")
        .isLessThan(8L * 1024 * 1024);
  }
}
