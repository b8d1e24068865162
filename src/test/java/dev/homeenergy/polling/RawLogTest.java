package dev.homeenergy.polling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.core.RawExchange;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RawLogTest {
  private static RawExchange exchange(String body) {
    return new RawExchange(
        "vitals",
        "http://192.0.2.1/api/1/vitals",
        200,
        Instant.parse("2026-12-03T12:00:00Z"),
        Duration.ofMillis(12),
        body,
        null);
  }

  @Test
  void aBodyOverTheCapIsKeptCutWithAMarker() {
    RawLog log = new RawLog();
    String huge = "{\"padding\":\"" + "x".repeat(4 * 1024 * 1024) + "\"}";

    log.record(exchange(huge));

    String kept = log.latest().get(0).body();
    assertThat(kept.length()).isLessThan(RawLog.MAX_BODY_CHARS + 200);
    assertThat(kept)
        .startsWith(huge.substring(0, 1000))
        .endsWith(
            "[truncated: the body was "
                + huge.length()
                + " characters; the raw view keeps the first "
                + RawLog.MAX_BODY_CHARS
                + "]");
  }

  @Test
  void aBodyWithinTheCapIsKeptAsItCame() {
    RawLog log = new RawLog();
    RawExchange exchange = exchange("{\"grid_v\":241.2}");

    log.record(exchange);

    assertThat(log.latest()).containsExactly(exchange);
  }
}
