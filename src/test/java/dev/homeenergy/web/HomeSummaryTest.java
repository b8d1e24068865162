package dev.homeenergy.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.Highlights;
import dev.homeenergy.core.Samples;
import dev.homeenergy.polling.DeviceStatus;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The summary gathered from fixed highlights of several devices. */
class HomeSummaryTest {
  private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

  private static DeviceStatus status(String name, Duration ago, Highlights highlights) {
    DeviceConfig config =
        new DeviceConfig(
            name,
            "fake",
            URI.create("http://192.0.2.1/"),
            Duration.ofSeconds(10),
            Duration.ofSeconds(5),
            Duration.ofMinutes(1),
            NamingStyle.NATIVE,
            Map.of());
    return DeviceStatus.initial(config)
        .succeeded(
            NOW.minus(ago), Duration.ofMillis(1), Samples.empty(), List.of(), null, highlights);
  }

  private static DeviceStatus fresh(String name, Highlights highlights) {
    return status(name, Duration.ofSeconds(5), highlights);
  }

  @Test
  void siteValuesComeFromTheFirstDeviceThatReportsEach() {
    HomeSummary summary =
        HomeSummary.of(
            List.of(
                fresh(
                    "gateway", Highlights.builder().batteryPercent(55.0).gridWatts(300.0).build()),
                fresh(
                    "pvs",
                    Highlights.builder()
                        .solarWatts(4000.0)
                        .gridWatts(310.0)
                        .loadWatts(900.0)
                        .build()),
                fresh("site", Highlights.builder().solarWatts(4100.0).build())),
            NOW);

    assertThat(summary.solar()).isEqualTo(new HomeSummary.Value(4000.0, List.of("pvs")));
    assertThat(summary.grid()).isEqualTo(new HomeSummary.Value(300.0, List.of("gateway")));
    assertThat(summary.load()).isEqualTo(new HomeSummary.Value(900.0, List.of("pvs")));
    assertThat(summary.batteryPercent()).isEqualTo(new HomeSummary.Value(55.0, List.of("gateway")));
    assertThat(summary.batteryWatts()).isNull();
    assertThat(summary.charging()).isNull();
    assertThat(summary.islanded()).isEmpty();
    assertThat(summary.anyTile()).isTrue();
  }

  @Test
  void withoutASolarDeviceThereIsNoSolarValueAndWithoutDevicesNoTileAtAll() {
    HomeSummary charger =
        HomeSummary.of(
            List.of(fresh("garage", Highlights.builder().chargingWatts(0.0).build())), NOW);
    assertThat(charger.solar()).isNull();
    assertThat(charger.charging()).isEqualTo(new HomeSummary.Value(0.0, List.of("garage")));

    HomeSummary none = HomeSummary.of(List.of(fresh("plug", Highlights.NONE)), NOW);
    assertThat(none.anyTile()).isFalse();
    assertThat(none.cars()).isEmpty();
  }

  @Test
  void anIslandedSiteAndAStoppedSitemasterAreFlaggedWithTheirDevices() {
    HomeSummary summary =
        HomeSummary.of(
            List.of(
                fresh("outage", Highlights.builder().islanded(true).gridWatts(0.0).build()),
                fresh("stopped", Highlights.builder().warning("Sitemaster stopped").build()),
                fresh("fine", Highlights.builder().islanded(false).build())),
            NOW);

    assertThat(summary.islanded()).containsExactly("outage");
    assertThat(summary.warnings())
        .containsExactly(new HomeSummary.Notice("stopped", "Sitemaster stopped"));
  }

  @Test
  void twoCarsAreListedAndWithoutAChargerTheirChargingAddsUp() {
    Highlights.Car red =
        new Highlights.Car("Red", 80.0, 400.0, "Charging", 7200.0, Highlights.Wakefulness.AWAKE);
    Highlights.Car blue =
        new Highlights.Car("Blue", 40.0, 200.0, "Stopped", null, Highlights.Wakefulness.AWAKE);
    HomeSummary summary =
        HomeSummary.of(
            List.of(fresh("cars", Highlights.builder().car(red).car(blue).build())), NOW);

    assertThat(summary.cars())
        .containsExactly(
            new HomeSummary.DeviceCar("cars", red), new HomeSummary.DeviceCar("cars", blue));
    assertThat(summary.charging()).isEqualTo(new HomeSummary.Value(7200.0, List.of("cars")));
  }

  @Test
  void chargersWinOverTheCarsOwnChargingPowerSoNothingCountsTwice() {
    Highlights.Car red =
        new Highlights.Car("Red", 80.0, 400.0, "Charging", 7200.0, Highlights.Wakefulness.AWAKE);
    HomeSummary summary =
        HomeSummary.of(
            List.of(
                fresh("cars", Highlights.builder().car(red).build()),
                fresh("garage", Highlights.builder().chargingWatts(7300.0).build()),
                fresh("carport", Highlights.builder().chargingWatts(1000.0).build())),
            NOW);

    assertThat(summary.charging())
        .isEqualTo(new HomeSummary.Value(8300.0, List.of("garage", "carport")));
  }

  @Test
  void onlyTheChargersDeliveringPowerAreNamedAndAllOfThemWhileNoneDoes() {
    HomeSummary one =
        HomeSummary.of(
            List.of(
                fresh("garage", Highlights.builder().chargingWatts(7300.0).build()),
                fresh("carport", Highlights.builder().chargingWatts(0.0).build())),
            NOW);
    HomeSummary none =
        HomeSummary.of(
            List.of(
                fresh("garage", Highlights.builder().chargingWatts(0.0).build()),
                fresh("carport", Highlights.builder().chargingWatts(0.0).build())),
            NOW);

    assertThat(one.charging()).isEqualTo(new HomeSummary.Value(7300.0, List.of("garage")));
    assertThat(none.charging()).isEqualTo(new HomeSummary.Value(0.0, List.of("garage", "carport")));
  }

  @Test
  void aStaleDeviceAddsNothingButAFreshOneThatLastFailedStillDoes() {
    DeviceStatus stale =
        status(
            "old",
            Duration.ofMinutes(2),
            Highlights.builder().solarWatts(1.0).islanded(true).build());
    DeviceStatus failedSinceButFresh =
        fresh("gateway", Highlights.builder().solarWatts(2.0).build())
            .failed(NOW, Duration.ofMillis(1), FailureReason.TIMEOUT, "timed out");

    HomeSummary summary = HomeSummary.of(List.of(stale, failedSinceButFresh), NOW);

    assertThat(summary.solar()).isEqualTo(new HomeSummary.Value(2.0, List.of("gateway")));
    assertThat(summary.islanded()).isEmpty();
  }
}
