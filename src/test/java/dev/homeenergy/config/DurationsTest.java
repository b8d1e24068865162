package dev.homeenergy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    "500ms, PT0.5S",
    "37s, PT37S",
    "1m20s, PT1M20S",
    "1.5h, PT1H30M",
    "0s, PT0S",
    "1h0m0s, PT1H",
    "2h45m, PT2H45M",
    "250us, PT0.00025S",
    "250µs, PT0.00025S",
    "1ns, PT0.000000001S",
    ".5s, PT0.5S",
    "1.s, PT1S",
    "1s500ms, PT1.5S"
  })
  void parsesGoDurations(String text, Duration expected) {
    assertThat(Durations.parse(text)).isEqualTo(expected);
  }

  @Test
  void acceptsGreekMuForMicroseconds() {
    assertThat(Durations.parse("3\u03bcs")).isEqualTo(Duration.ofNanos(3_000));
  }

  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(strings = {"10", "0", "", "s", "1.2.3s", "10 s", "1m20", "ms10", "+5s", ".s"})
  void rejectsMalformedText(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected a duration like 10s, 500ms or 1m30s, got \"" + text + "\"");
  }

  @Test
  void rejectsUnknownUnits() {
    assertThatThrownBy(() -> Durations.parse("10d"))
        .hasMessage("unknown unit \"d\" in duration \"10d\" (use ns, us, ms, s, m or h)");
  }

  @Test
  void rejectsNegativeDurations() {
    assertThatThrownBy(() -> Durations.parse("-5s"))
        .hasMessage("negative durations are not allowed, got \"-5s\"");
  }

  @Test
  void rejectsOverflow() {
    assertThat(Durations.parse("2562047h")).isEqualTo(Duration.ofHours(2562047));
    assertThatThrownBy(() -> Durations.parse("2562048h"))
        .hasMessage("duration \"2562048h\" is too long");
    assertThatThrownBy(() -> Durations.parse("99999999999999999999999s"))
        .hasMessage("duration \"99999999999999999999999s\" is too long");
  }

  @ParameterizedTest(name = "{0} formats as {1}")
  @CsvSource({
    "PT0S, 0s",
    "PT0.000000001S, 1ns",
    "PT0.0000015S, 1.5µs",
    "PT0.5S, 500ms",
    "PT0.0015S, 1.5ms",
    "PT10S, 10s",
    "PT1.5S, 1.5s",
    "PT1M20S, 1m20s",
    "PT1H, 1h0m0s",
    "PT1H30M, 1h30m0s",
    "PT26H0.25S, 26h0m0.25s"
  })
  void formatsLikeGo(Duration duration, String expected) {
    assertThat(Durations.format(duration)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} ns")
  @ValueSource(
      longs = {
        0,
        1,
        999,
        1_000,
        1_500,
        999_999,
        1_000_000,
        123_456_789,
        1_000_000_000L,
        59_999_999_999L,
        3_600_000_000_000L,
        93_784_005_006_007L,
        Long.MAX_VALUE
      })
  void formatAndParseRoundTrip(long nanos) {
    Duration duration = Duration.ofNanos(nanos);
    assertThat(Durations.parse(Durations.format(duration))).isEqualTo(duration);
  }
}
