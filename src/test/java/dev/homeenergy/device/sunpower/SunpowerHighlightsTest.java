package dev.homeenergy.device.sunpower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.homeenergy.core.Highlights;
import org.junit.jupiter.api.Test;

/** The PVS's values for the status page's summary, from captured bodies of both APIs. */
class SunpowerHighlightsTest {

  @Test
  void deviceListGivesSolarFromTheInvertersAndNothingItCannotKnow() {
    Highlights highlights =
        SunpowerFixtures.dlCgiReading("devicelist_2025_build61839.json").highlights();

    assertThat(highlights.solarWatts()).isCloseTo(8150, within(5.0));
    assertThat(highlights.loadWatts()).isNull();
    assertThat(highlights.gridWatts()).isNull();
    assertThat(highlights.batteryPercent()).isNull();
    assertThat(highlights.islanded()).isNull();
  }

  @Test
  void varsLiveDataGivesLoadGridAndBatteryInWatts() {
    SunpowerReading reading =
        SunpowerFixtures.varsReading(
            SunpowerFixtures.varsBodies("vars_livedata_with_battery.json"), null);
    LiveData live = reading.liveData();

    Highlights highlights = reading.highlights();

    assertThat(highlights.solarWatts()).isCloseTo(live.pvKw() * 1000, within(0.001));
    assertThat(highlights.loadWatts()).isCloseTo(live.loadKw() * 1000, within(0.001));
    assertThat(highlights.gridWatts()).isCloseTo(live.netKw() * 1000, within(0.001));
    assertThat(highlights.batteryWatts()).isCloseTo(live.storageKw() * 1000, within(0.001));
    assertThat(highlights.batteryPercent()).isCloseTo(live.soc() * 100, within(0.001));
  }
}
