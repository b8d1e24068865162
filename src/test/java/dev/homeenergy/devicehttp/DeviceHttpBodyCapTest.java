package dev.homeenergy.devicehttp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.RawRecorder;
import dev.homeenergy.testing.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Bodies over the cap are abandoned early and counted as {@code parse}; bodies under it pass. */
class DeviceHttpBodyCapTest {
  private static final int CAP = 64 * 1024;
  private static final long HUGE = 50L * 1024 * 1024;

  private final AtomicLong sent = new AtomicLong();
  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/declared", exchange -> stream(exchange, HUGE));
    server.createContext("/chunked", exchange -> stream(exchange, 0));
    server.createContext(
        "/exact",
        exchange -> {
          byte[] body = new byte[CAP];
          Arrays.fill(body, (byte) 'x');
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  private void stream(com.sun.net.httpserver.HttpExchange exchange, long declaredLength)
      throws IOException {
    exchange.sendResponseHeaders(200, declaredLength);
    byte[] block = new byte[8192];
    Arrays.fill(block, (byte) '7');
    try (OutputStream out = exchange.getResponseBody()) {
      for (long written = 0; written < HUGE; written += block.length) {
        out.write(block);
        sent.addAndGet(block.length);
      }
    } catch (IOException clientHungUp) {
      exchange.close();
    }
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String get(String path) throws PollException {
    DeviceHttp http =
        new DeviceHttp(
            DeviceHttp.plainClient(Duration.ofSeconds(5)),
            MutableClock.at("2026-11-24T12:00:00Z"),
            RawRecorder.discarding(),
            CAP);
    return http.get(
        "vitals",
        URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path),
        Deadline.after(Duration.ofSeconds(10)));
  }

  private PollException failure(String path) {
    try {
      get(path);
    } catch (PollException e) {
      return e;
    }
    throw new AssertionError("expected the body to be refused");
  }

  @Test
  void aDeclaredLengthOverTheCapIsRefusedAsParse() {
    PollException failure = failure("/declared");
    assertThat(failure.reason()).isEqualTo(FailureReason.PARSE);
    assertThat(failure.getMessage())
        .startsWith("vitals: the answer from 127.0.0.1:")
        .endsWith(" exceeded " + CAP + " bytes");
    assertThat(sent.get()).isLessThan(HUGE / 4);
  }

  /**
   * Repeated: the client's own error for the abandoned exchange once raced the cap's and was
   * counted as connect.
   */
  @RepeatedTest(10)
  void anUndeclaredBodyIsAbandonedOnceItPassesTheCap() {
    sent.set(0);
    PollException failure = failure("/chunked");
    assertThat(failure.reason()).isEqualTo(FailureReason.PARSE);
    assertThat(failure.getMessage()).contains("exceeded " + CAP + " bytes");
    assertThat(sent.get()).isLessThan(HUGE / 4);
  }

  @Test
  void aBodyOfExactlyTheCapIsRead() throws PollException {
    assertThat(get("/exact").getBytes(StandardCharsets.UTF_8)).hasSize(CAP);
  }
}
