package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.core.PowerWords;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PowerwallSummaryTest {

  @Test
  void chargeAndPowerFlowsWordedAsTheSummaryTilesWordThem() {
    assertThat(PayloadFixtures.reading(PayloadFixtures.fw2144Running()).summary())
        .contains(
            "charge 42.4 %, solar 1.14 kW, home load 1.15 kW, battery charging 60 W,"
                + " grid importing 72 W");
  }

  @Test
  void theLineSaysWhatTheBatteryTileSaysForTheSameReading() {
    PowerwallReading reading = PayloadFixtures.reading(PayloadFixtures.fw2144Running());
    double battery = reading.highlights().batteryWatts();
    assertThat(reading.summary())
        .hasValueSatisfying(
            line -> assertThat(line).contains("battery " + PowerWords.battery(battery)));
    assertThat(PowerWords.battery(-1470)).isEqualTo("charging 1.47 kW");
    assertThat(PowerWords.battery(640)).isEqualTo("discharging 640 W");
    assertThat(PowerWords.battery(-20)).isEqualTo("idle");
  }

  @Test
  void aDinIsShortenedToItsSerial() {
    assertThat(PowerwallReading.serial("1707000-30-L--TG12520300269B")).isEqualTo("TG12520300269B");
    assertThat(PowerwallReading.serial("TG12520300269B")).isEqualTo("TG12520300269B");
  }

  @Test
  void nothingReadNothingShown() {
    assertThat(PayloadFixtures.reading(Map.of("status", "status_fw21.44_running.json")).summary())
        .isEmpty();
  }
}
