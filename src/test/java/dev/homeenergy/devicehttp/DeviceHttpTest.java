package dev.homeenergy.devicehttp;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.RawRecorder;
import dev.homeenergy.testing.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceHttpTest {
  private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
  private final AtomicReference<String> retryAfter = new AtomicReference<>();
  private HttpServer server;
  private URI uri;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          if (retryAfter.get() != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter.get());
          }
          exchange.sendResponseHeaders(429, -1);
          exchange.close();
        });
    server.start();
    uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/1/vehicles");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private PollException get() {
    DeviceHttp http =
        new DeviceHttp(
            DeviceHttp.plainClient(Duration.ofSeconds(5)), clock, RawRecorder.discarding());
    try {
      http.get("vehicles", uri, Deadline.after(Duration.ofSeconds(5)));
    } catch (PollException e) {
      return e;
    }
    throw new AssertionError("expected a 429");
  }

  @Test
  void aRetryAfterInSecondsIsKeptOnTheFailure() {
    retryAfter.set("7200");
    PollException failure = get();
    assertThat(failure.reason()).isEqualTo(FailureReason.RATE_LIMITED);
    assertThat(failure.retryAfter()).contains(Duration.ofHours(2));
    assertThat(failure.getMessage()).contains("retry after 7200 s");
  }

  @Test
  void aRetryAfterAsAnHttpDateIsMeasuredFromNow() {
    retryAfter.set("Tue, 24 Nov 2026 12:30:00 GMT");
    assertThat(get().retryAfter()).contains(Duration.ofMinutes(30));
  }

  @Test
  void withoutRetryAfterThereIsNone() {
    assertThat(get().retryAfter()).isEmpty();
    retryAfter.set("soon");
    assertThat(get().retryAfter()).isEmpty();
  }
}
