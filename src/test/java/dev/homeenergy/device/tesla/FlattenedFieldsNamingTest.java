package dev.homeenergy.device.tesla;

import static dev.homeenergy.device.tesla.TeslaPayloadFixtures.HA_VIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.core.Sample;
import dev.homeenergy.testing.Fixtures;
import dev.homeenergy.testing.RenderedSamples;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FlattenedFieldsNamingTest {
  private static final String[] HA = {"device", "tesla", "vin", HA_VIN, "name", "Test"};

  private static RenderedSamples haOnly(boolean allFields) {
    TeslaReading reading =
        TeslaPayloadFixtures.parse(
            TeslaPayloadFixtures.responses(
                Map.of(HA_VIN, Fixtures.text("tesla", TeslaPayloadFixtures.HA_VEHICLE_DATA))));
    return RenderedSamples.render(new VehicleNaming(allFields), reading, "tesla");
  }

  @Test
  void everyNumericAndBooleanFieldButTheThreeIdentifiers() {
    List<Sample> all = haOnly(true).list();
    List<Sample> curated = haOnly(false).list();

    assertThat(all).containsAll(curated);
    assertThat(all.size() - curated.size()).isEqualTo(192 - 3);
    assertThat(all).hasSizeGreaterThan(200);
  }

  @Test
  void noFlattenedNameCollidesWithACuratedName() {
    Set<String> curated = haOnly(false).names();
    Set<String> flattened =
        haOnly(true).list().stream()
            .filter(s -> !haOnly(false).list().contains(s))
            .map(s -> s.family().name())
            .collect(Collectors.toSet());

    assertThat(flattened).doesNotContainAnyElementsOf(curated);
    assertThat(flattened).allSatisfy(n -> assertThat(n).matches("tesla_vehicle_[a-z0-9_]+"));
  }

  @Test
  void unitsOnlyWhereTheFieldNameTellsThem() {
    RenderedSamples s = haOnly(true);

    assertThat(s.value("tesla_vehicle_charge_state_battery_level_ratio", HA)).isEqualTo(0.77);
    assertThat(s.value("tesla_vehicle_charge_state_charge_limit_soc_max_ratio", HA)).isEqualTo(1.0);
    assertThat(s.value("tesla_vehicle_charge_state_battery_range_meters", HA))
        .isEqualTo(266.87 * 1609.344);
    assertThat(s.value("tesla_vehicle_charge_state_charge_range_added_ideal_meters", HA))
        .isEqualTo(0);
    assertThat(s.value("tesla_vehicle_charge_state_module_temp_min_celsius", HA)).isEqualTo(16.5);
    assertThat(s.value("tesla_vehicle_climate_state_inside_temp_celsius", HA)).isEqualTo(29.8);
    assertThat(s.value("tesla_vehicle_charge_state_off_peak_hour_end_time", HA)).isEqualTo(900);
    assertThat(s.value("tesla_vehicle_charge_state_max_range_charge_count_value", HA)).isEqualTo(0);
    assertThat(s.value("tesla_vehicle_vehicle_state_tpms_pressure_fl", HA)).isEqualTo(2.775);
    assertThat(s.value("tesla_vehicle_vehicle_config_rhd", HA)).isEqualTo(1);
    assertThat(s.value("tesla_vehicle_api_version", HA)).isEqualTo(71);
    assertThat(s.family("tesla_vehicle_charge_state_battery_range_meters").unit())
        .isEqualTo("meters");
    assertThat(s.family("tesla_vehicle_vehicle_config_rhd").unit()).isNull();
    assertThat(s.has("tesla_vehicle_id")).isFalse();
    assertThat(s.has("tesla_vehicle_vehicle_id")).isFalse();
  }

  /**
   * Found by the mapper property test: a field named only by symbols threw
   * IndexOutOfBoundsException.
   */
  @Test
  void aFieldNamedOnlyBySymbolsIsSkipped() throws Exception {
    com.fasterxml.jackson.databind.JsonNode raw =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(
                "{\"\\\"\": 1, \"日本\": true, \"charge_state\": {\"--\": 2, \"battery_level\": 80}}");
    dev.homeenergy.core.Samples.Builder out = dev.homeenergy.core.Samples.builder();
    new FlattenedFieldsNaming()
        .render(raw, io.prometheus.metrics.model.snapshots.Labels.of("vin", "V"), out);
    assertThat(out.build().list())
        .extracting(sample -> sample.family().name())
        .containsExactlyInAnyOrder(
            "tesla_vehicle_charge_state", "tesla_vehicle_charge_state_battery_level_ratio");
  }

  @Test
  void fieldNamesTellingKilowattsHoursOrSecondsAreConverted() {
    assertThat(FlattenedFieldName.of(List.of("charge_state", "fast_charger_kw"), false))
        .isEqualTo(
            new FlattenedFieldName(
                dev.homeenergy.core.MetricFamily.gauge(
                    "tesla_vehicle_charge_state_fast_charger_watts",
                    "watts",
                    "vehicle_data charge_state.fast_charger_kw (kW) in watts"),
                1000));
    assertThat(FlattenedFieldName.of(List.of("charge_state", "lifetime_kwh"), false).factor())
        .isEqualTo(3.6e6);
    assertThat(
            FlattenedFieldName.of(List.of("charge_state", "minutes_to_full_charge"), false)
                .family()
                .name())
        .isEqualTo("tesla_vehicle_charge_state_to_full_charge_seconds");
    assertThat(
            FlattenedFieldName.of(
                    List.of("vehicle_state", "software_update", "expected_duration_sec"), false)
                .family()
                .name())
        .isEqualTo("tesla_vehicle_vehicle_state_software_update_expected_duration_seconds");
    assertThat(
            FlattenedFieldName.of(List.of("vehicle_state", "homelink_device_count"), false)
                .family()
                .name())
        .isEqualTo("tesla_vehicle_vehicle_state_homelink_device_count_value");
    assertThat(
            FlattenedFieldName.of(List.of("gui_settings", "guiRangeDisplay"), true).family().name())
        .isEqualTo("tesla_vehicle_gui_settings_gui_range_display");
  }
}
