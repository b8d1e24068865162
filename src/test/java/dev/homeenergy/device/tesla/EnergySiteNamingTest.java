package dev.homeenergy.device.tesla;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.testing.Fixtures;
import dev.homeenergy.testing.RenderedSamples;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnergySiteNamingTest {
  private static final String[] SITE = {
    "device", "tesla", "site_id", "12345", "site_name", "address"
  };

  private static RenderedSamples render() {
    return RenderedSamples.render(new EnergySiteNaming(), TeslaPayloadFixtures.reading(), "tesla");
  }

  private static String[] state(String value) {
    return new String[] {
      "device", "tesla", "site_id", "12345", "site_name", "address", "state", value
    };
  }

  @Test
  void liveStatusAndSiteInfoInBaseUnits() {
    RenderedSamples s = render();

    assertThat(s.value("tesla_energy_site_solar_power_watts", SITE)).isEqualTo(16176);
    assertThat(s.value("tesla_energy_site_battery_power_watts", SITE)).isEqualTo(-13950);
    assertThat(s.value("tesla_energy_site_load_power_watts", SITE)).isEqualTo(2226);
    assertThat(s.value("tesla_energy_site_grid_power_watts", SITE)).isEqualTo(0);
    assertThat(s.value("tesla_energy_site_charge_ratio", SITE)).isEqualTo(90.21333866145918 / 100);
    assertThat(s.value("tesla_energy_site_energy_left_joules", SITE))
        .isEqualTo(37784.05263157895 * 3600);
    assertThat(s.value("tesla_energy_site_total_pack_energy_joules", SITE))
        .isEqualTo(41883.0 * 3600);
    assertThat(s.value("tesla_energy_site_grid_status", state("Active"))).isEqualTo(1);
    assertThat(s.value("tesla_energy_site_island_status", state("on_grid"))).isEqualTo(1);
    assertThat(s.value("tesla_energy_site_storm_mode_active", SITE)).isEqualTo(0);
    assertThat(s.value("tesla_energy_site_backup_reserve_ratio", SITE)).isEqualTo(1);
    assertThat(s.value("tesla_energy_site_operation_mode", state("self_consumption"))).isEqualTo(1);
    assertThat(s.value("tesla_energy_site_batteries", SITE)).isEqualTo(2);
    assertThat(s.value("tesla_energy_site_nameplate_energy_joules", SITE))
        .isEqualTo(27000.0 * 3600);
    assertThat(
            s.value(
                "tesla_energy_site",
                "device",
                "tesla",
                "site_id",
                "12345",
                "site_name",
                "address",
                "resource_type",
                "battery",
                "version",
                "23.4.2-1 f8e490"))
        .isEqualTo(1);
  }

  @Test
  void everySampleCarriesSiteIdAndName() {
    assertThat(render().list())
        .allSatisfy(
            x -> {
              assertThat(x.labels().get("site_id")).isEqualTo("12345");
              assertThat(x.labels().get("site_name")).isEqualTo("address");
            });
  }

  @Test
  void siteWithoutLiveStatusHasOnlyInfo() {
    TeslaReading reading =
        TeslaPayloadFixtures.parse(
            new TeslaResponses(
                TeslaPayloadFixtures.AT,
                null,
                Fixtures.text("tesla", "teslatte__products_2023-11-06.json"),
                java.util.Map.of(),
                java.util.Map.of(),
                java.util.Map.of(),
                TeslaPayloadFixtures.USAGE,
                List.of()));

    assertThat(RenderedSamples.render(new EnergySiteNaming(), reading, "t").names())
        .containsExactly("tesla_energy_site");
  }
}
