package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.homeenergy.core.Highlights;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status page's values and flags from captured gateway bodies. */
class PowerwallHighlightsTest {

  @Test
  void aRunningGatewayGivesItsPowerFlowsAndChargeOnTheGrid() {
    Highlights highlights = PayloadFixtures.reading(PayloadFixtures.fw2144Running()).highlights();

    assertThat(highlights.batteryPercent()).isCloseTo(42.4, within(0.05));
    assertThat(highlights.gridWatts()).isCloseTo(70, within(5.0));
    assertThat(highlights.batteryWatts()).isCloseTo(-60, within(5.0));
    assertThat(highlights.loadWatts()).isCloseTo(1150, within(5.0));
    assertThat(highlights.solarWatts()).isCloseTo(1140, within(5.0));
    assertThat(highlights.islanded()).isFalse();
    assertThat(highlights.warnings()).isEmpty();
    assertThat(highlights.cars()).isEmpty();
    assertThat(highlights.chargingWatts()).isNull();
  }

  @Test
  void anIslandedGatewayIsFlagged() {
    Highlights highlights =
        PayloadFixtures.fw2144RunningWith("system_status/grid_status", "grid_status_islanded.json")
            .highlights();

    assertThat(highlights.islanded()).isTrue();
  }

  @Test
  void aStoppedSitemasterIsAWarningWhileTheLiveEndpointsAreMissing() {
    Map<String, String> files = PayloadFixtures.fw2144Running();
    files.put("sitemaster", "sitemaster_fw21.44_stopped.json");
    files.put("status", "status_fw21.44_stopped.json");
    files.remove("meters/aggregates");
    files.remove("system_status/soe");
    files.remove("system_status/grid_status");

    Highlights highlights = PayloadFixtures.reading(files).highlights();

    assertThat(highlights.warnings()).containsExactly(PowerwallHighlights.SITEMASTER_STOPPED);
    assertThat(highlights.warnings().get(0)).startsWith("Sitemaster stopped");
    assertThat(highlights.solarWatts()).isNull();
    assertThat(highlights.batteryPercent()).isNull();
  }

  @Test
  void gridStatesOtherThanConnectedMeanOffTheGrid() {
    assertThat(PowerwallHighlights.islanded("SystemGridConnected")).isFalse();
    assertThat(PowerwallHighlights.islanded("SystemIslandedActive")).isTrue();
    assertThat(PowerwallHighlights.islanded("SystemTransitionToGrid")).isTrue();
    assertThat(PowerwallHighlights.islanded("SystemWaitForUser")).isTrue();
    assertThat(PowerwallHighlights.islanded("")).isNull();
    assertThat(PowerwallHighlights.islanded(null)).isNull();
  }
}
