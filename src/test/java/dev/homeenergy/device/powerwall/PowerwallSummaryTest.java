package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PowerwallSummaryTest {

  @Test
  void chargeAndAggregatePowerInKilowatts() {
    assertThat(PayloadFixtures.reading(PayloadFixtures.fw2144Running()).summary())
        .contains("charge 42.4 %, site 0.07 kW, battery -0.06 kW, load 1.15 kW, solar 1.14 kW");
  }

  @Test
  void nothingReadNothingShown() {
    assertThat(PayloadFixtures.reading(Map.of("status", "status_fw21.44_running.json")).summary())
        .isEmpty();
  }
}
