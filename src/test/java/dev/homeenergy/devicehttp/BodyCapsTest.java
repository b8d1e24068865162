package dev.homeenergy.devicehttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BodyCapsTest {
  @Test
  void theLongestMatchingPrefixDecidesAndTheFallbackCoversTheRest() {
    BodyCaps caps = BodyCaps.of(1000).with("vars ", 5000).with("vars /sys/devices", 7000);

    assertThat(caps.forEndpoint("vars /sys/info")).isEqualTo(5000);
    assertThat(caps.forEndpoint("vars /sys/devices/inverter")).isEqualTo(7000);
    assertThat(caps.forEndpoint("auth")).isEqualTo(1000);
  }

  @Test
  void noCapGoesBeyondTheAbsoluteCeiling() {
    assertThatThrownBy(() -> BodyCaps.of(BoundedBody.DEFAULT_MAX_BYTES + 1))
        .hasMessageContaining("between 1 and " + BoundedBody.DEFAULT_MAX_BYTES);
    assertThatThrownBy(() -> BodyCaps.of(10).with("vitals", 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
