package dev.homeenergy.device.wallconnector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.core.Highlights;
import org.junit.jupiter.api.Test;

/** The Wall Connector's charging power for the status page's summary. */
class WallConnectorHighlightsTest {

  private static Vitals vitals(boolean contactorClosed, double amps) {
    return new Vitals(
        contactorClosed,
        true,
        60L,
        240.0,
        60.0,
        amps,
        amps,
        amps,
        0.0,
        0.0,
        240.0,
        240.0,
        0.0,
        null,
        null,
        null,
        30.0,
        25.0,
        35.0,
        100L,
        null,
        null,
        null,
        null,
        1000.0,
        1,
        11,
        null,
        null);
  }

  @Test
  void chargingPowerIsVoltsTimesAmpsWhileTheContactorIsClosed() {
    assertThat(new WallConnectorReading(vitals(true, 32), null, null, null).highlights())
        .isEqualTo(Highlights.builder().chargingWatts(240.0 * 32 * 2).build());
    assertThat(
            new WallConnectorReading(vitals(false, 0.4), null, null, null)
                .highlights()
                .chargingWatts())
        .isZero();
    assertThat(new WallConnectorReading(null, null, null, null).highlights())
        .isEqualTo(Highlights.NONE);
  }
}
