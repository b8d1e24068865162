package dev.homeenergy.device.tesla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.testing.RenderedSamples;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TeslaFleetUsageNamingTest {

  private static RenderedSamples render(TeslaResponses.FleetUsage usage) {
    TeslaReading reading =
        new TeslaReading(TeslaPayloadFixtures.AT, List.of(), List.of(), usage, List.of());
    return RenderedSamples.render(new TeslaFleetUsageNaming(), reading, "tesla");
  }

  @Test
  void requestsCostProjectionBudgetAndRateLimit() {
    RenderedSamples s = render(TeslaPayloadFixtures.USAGE);

    assertThat(s.exposedTypes())
        .containsExactlyInAnyOrder(
            "tesla_fleet_api_requests_total counter",
            "tesla_fleet_api_cost_dollars_total counter",
            "tesla_fleet_api_projected_month_dollars gauge",
            "tesla_fleet_api_budget_dollars gauge",
            "tesla_fleet_api_rate_limited_until_timestamp_seconds gauge");
    assertThat(s.value("tesla_fleet_api_requests", "device", "tesla", "kind", "data"))
        .isEqualTo(120);
    assertThat(s.value("tesla_fleet_api_requests", "device", "tesla", "kind", "wake")).isEqualTo(2);
    assertThat(s.value("tesla_fleet_api_cost_dollars", "device", "tesla")).isEqualTo(0.28);
    assertThat(s.value("tesla_fleet_api_projected_month_dollars", "device", "tesla"))
        .isEqualTo(8.64);
    assertThat(s.value("tesla_fleet_api_budget_dollars", "device", "tesla")).isEqualTo(10);
    assertThat(s.value("tesla_fleet_api_rate_limited_until_timestamp_seconds", "device", "tesla"))
        .isEqualTo(Instant.parse("2026-11-24T12:05:00.500Z").toEpochMilli() / 1000.0);
  }

  @Test
  void noRateLimitNoTimestamp() {
    RenderedSamples s = render(new TeslaResponses.FleetUsage(Map.of(), 0, 0, 10, null));

    assertThat(s.names())
        .containsExactly(
            "tesla_fleet_api_cost_dollars",
            "tesla_fleet_api_projected_month_dollars",
            "tesla_fleet_api_budget_dollars");
  }

  @Test
  void nativeNamingIncludesUsageSitesAndVehicles() {
    RenderedSamples s =
        RenderedSamples.render(new TeslaNativeNaming(false), TeslaPayloadFixtures.reading(), "t");

    assertThat(s.has("tesla_fleet_api_requests")).isTrue();
    assertThat(s.has("tesla_energy_site_solar_power_watts")).isTrue();
    assertThat(s.has("tesla_vehicle_battery_level_ratio")).isTrue();
    assertThat(s.has("tesla_vehicle_vehicle_config_rhd")).isFalse();
  }
}
