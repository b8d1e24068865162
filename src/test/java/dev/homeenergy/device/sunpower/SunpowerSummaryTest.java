package dev.homeenergy.device.sunpower;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SunpowerSummaryTest {

  @Test
  void deviceListSumsInverterPower() {
    assertThat(SunpowerFixtures.dlCgiReading("devicelist_2025_build61839.json").summary())
        .contains("solar 8.15 kW, 30 inverters, 2 meters");
  }

  @Test
  void varsUsesLiveDataAndBattery() {
    SunpowerReading reading =
        SunpowerFixtures.varsReading(
            SunpowerFixtures.varsBodies("vars_livedata_with_battery.json"), null);
    assertThat(reading.summary())
        .hasValueSatisfying(
            s ->
                assertThat(s)
                    .startsWith(
                        String.format(
                            java.util.Locale.ROOT, "solar %.2f kW", reading.liveData().pvKw()))
                    .contains("battery " + Math.round(reading.liveData().soc() * 100) + " %"));
  }
}
