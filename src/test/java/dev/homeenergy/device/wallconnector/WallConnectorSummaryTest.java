package dev.homeenergy.device.wallconnector;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WallConnectorSummaryTest {

  @Test
  void chargingShowsCurrentVoltageAndSessionEnergy() {
    assertThat(Captures.reading(Captures.VITALS_CHARGING_40A).summary())
        .contains("charging at 40.1 A, 252 V; session 0.05 kWh");
  }

  @Test
  void idleWithoutVehicle() {
    assertThat(Captures.reading(Captures.VITALS_FW21_IDLE).summary()).contains("no vehicle");
  }

  @Test
  void energyKeptAfterUnplugIsTheLastSession() {
    assertThat(Captures.reading(Captures.VITALS_UNPLUGGED_RETAINED).summary())
        .hasValueSatisfying(s -> assertThat(s).startsWith("no vehicle; last session "));
  }

  @Test
  void noVitalsNoSummary() {
    assertThat(new WallConnectorReading(null, null, null, null).summary()).isEmpty();
  }
}
