package dev.homeenergy.device.tesla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.testing.Fixtures;
import dev.homeenergy.testing.Promtool;
import dev.homeenergy.testing.RenderedSamples;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Both namings' expositions through {@code promtool check metrics}; skipped without promtool. */
class TeslaNamingPromtoolIT {

  @Test
  void nativeWithAllFieldsIsLintClean() throws Exception {
    TeslaReading reading =
        TeslaPayloadFixtures.parse(
            TeslaPayloadFixtures.responses(
                Map.of(
                    TeslaPayloadFixtures.HA_VIN,
                        Fixtures.text("tesla", TeslaPayloadFixtures.HA_VEHICLE_DATA),
                    TeslaPayloadFixtures.DOCS_VIN,
                        Fixtures.text("tesla", TeslaPayloadFixtures.DOCS_VEHICLE_DATA),
                    TeslaPayloadFixtures.ASLEEP_VIN,
                        Fixtures.text("tesla", "tesla-api__vehicle_data_ownerapi_2020.json"))));

    Promtool.Result result =
        Promtool.checkMetrics(
            RenderedSamples.render(new TeslaNativeNaming(true), reading, "tesla").text());

    assertThat(result.problems()).isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  @Test
  void compatHasOnlyTheSeedsOwnLintProblem() throws Exception {
    Promtool.Result result =
        Promtool.checkMetrics(
            RenderedSamples.render(new TeslaCompatNaming(), TeslaPayloadFixtures.reading(), "tesla")
                .text());

    assertThat(result.problems())
        .containsExactly(
            "tesla_charge_time_remaining_hours use base unit \"seconds\" instead of \"hours\"");
    assertThat(result.exitCode()).isEqualTo(3);
  }
}
