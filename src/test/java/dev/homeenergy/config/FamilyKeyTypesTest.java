package dev.homeenergy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Duration-typed family keys and a family's minimum interval. */
class FamilyKeyTypesTest {
  private static final DeviceTypeSpec SLOW_DEVICE = new DeviceTypeSpec(
      "slowpoke", "http", 80, Duration.ofMinutes(2), Duration.ofMinutes(1),
      Set.of("retry_timeout"), Set.of(), Set.of("retry_timeout"),
      Duration.ofSeconds(30), "it reboots when polled faster");
  private final ConfigLoader loader =
      new ConfigLoader(Map.of(SLOW_DEVICE.type(), SLOW_DEVICE), name -> null, path -> "unused");

  @Test
  void durationKeysBecomeDurations() throws ConfigException {
    ExporterConfig config = loader.parse("""
        devices:
          - name: pvs
            type: slowpoke
            address: 192.0.2.7
            retry_timeout: 1m30s
        """, "cfg.yml");
    assertThat(config.devices().get(0).extra()).containsEntry("retry_timeout", Duration.ofSeconds(90));
  }

  @Test
  void aBadDurationKeyIsReportedWithItsLine() {
    assertThatThrownBy(() -> loader.parse("""
        devices:
          - name: pvs
            type: slowpoke
            address: 192.0.2.7
            retry_timeout: soon
        """, "cfg.yml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("cfg.yml:5: devices[0].retry_timeout:");
  }

  @Test
  void anIntervalBelowTheFamilysMinimumIsRefusedWithTheReason() {
    assertThatThrownBy(() -> loader.parse("""
        devices:
          - name: pvs
            type: slowpoke
            address: 192.0.2.7
            interval: 10s
            timeout: 5s
        """, "cfg.yml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("cfg.yml:5: devices[0].interval: interval 10s is below the minimum of 30s for slowpoke: "
            + "it reboots when polled faster");
  }

  @Test
  void durationKeysPrintInGoFormAndLoadBack() throws ConfigException {
    ExporterConfig config = loader.parse("""
        devices:
          - name: pvs
            type: slowpoke
            address: 192.0.2.7
            retry_timeout: 1m30s
        """, "cfg.yml");
    String printed = ConfigPrinter.toYaml(config);
    assertThat(printed).contains("retry_timeout: 1m30s");
    assertThat(loader.parse(printed, "printed.yml")).isEqualTo(config);
  }
}
