package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.homeenergy.core.Highlights;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The status page's view of a Powerwall with TEDAPI: alerts as warnings, strings in the summary.
 */
class TedapiHighlightsTest {
  private static PowerwallReading powerwall3() {
    TedapiData data =
        TedapiParser.parse(
            TedapiMappingTest.capture("pw3_config"),
            TedapiMappingTest.capture("pw3_status_basic"),
            Map.of(TedapiMappingTest.PW3, TedapiMappingTest.capture("pw3_components")));
    return PowerwallReading.parse(new PowerwallResponses(Map.of(), List.of()))
        .withTedapi(
            new TedapiReading(Map.of(), List.of(), false, List.of(), null, data), List.of());
  }

  @Test
  void aPowerwall3WithoutApiDataShowsTheTedapiValuesAndItsAlerts() {
    Highlights h = powerwall3().highlights();

    assertThat(h.batteryWatts()).isEqualTo(855.0);
    assertThat(h.gridWatts()).isEqualTo(6.0);
    assertThat(h.batteryPercent()).isCloseTo(77.89, within(0.01));
    assertThat(h.islanded()).isFalse();
    assertThat(h.warnings())
        .contains(
            "Powerwall alert FWUpdateFailed",
            "Alert PCH_a054_pwsDisabledMpptEnableLine on pch of " + TedapiMappingTest.PW3)
        .noneMatch(w -> w.contains("SystemConnectedToGrid"));
  }

  @Test
  void theSummaryListsEachInvertersStrings() {
    assertThat(powerwall3().summary())
        .hasValueSatisfying(
            s ->
                assertThat(s)
                    .contains(
                        "strings "
                            + TedapiMappingTest.PW3.substring(
                                TedapiMappingTest.PW3.indexOf("--") + 2)
                            + ": A 0.00 kW; B 0.00 kW; C 0.00 kW; D 0.00 kW; E 0.00 kW; F 0.00 kW"));
  }
}
