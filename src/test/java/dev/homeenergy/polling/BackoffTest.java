package dev.homeenergy.polling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void doublesFromTheIntervalUpToTheCap() {
    Backoff backoff = Backoff.forInterval(Duration.ofSeconds(10));
    assertThat(backoff.delayAfter(1, 0.5)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.delayAfter(2, 0.5)).isEqualTo(Duration.ofSeconds(20));
    assertThat(backoff.delayAfter(3, 0.5)).isEqualTo(Duration.ofSeconds(40));
    assertThat(backoff.delayAfter(4, 0.5)).isEqualTo(Duration.ofSeconds(60));
    assertThat(backoff.delayAfter(400, 0.5)).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void jitterSpreadsTheDelayByTwentyPercentEitherWay() {
    Backoff backoff = Backoff.forInterval(Duration.ofSeconds(10));
    assertThat(backoff.delayAfter(1, 0.0)).isEqualTo(Duration.ofSeconds(8));
    assertThat(backoff.delayAfter(1, 0.999999))
        .isBetween(Duration.ofMillis(11_999), Duration.ofSeconds(12));
  }

  @Test
  void aLongIntervalIsItsOwnCap() {
    Backoff backoff = Backoff.forInterval(Duration.ofMinutes(5));
    assertThat(backoff.max()).isEqualTo(Duration.ofMinutes(5));
    assertThat(backoff.delayAfter(3, 0.5)).isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void aFastPolledDeviceCapsAtTenIntervals() {
    Backoff backoff = Backoff.forInterval(Duration.ofMillis(100));
    assertThat(backoff.max()).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delayAfter(9, 0.5)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1), 0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
