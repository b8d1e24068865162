package dev.homeenergy.device.powerwall.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.homeenergy.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SolarDayModelTest {
  /** Local solar midnight (UTC-8). */
  private final MutableClock clock = MutableClock.at("2026-06-21T08:00:00Z");

  private List<SolarDaySnapshot> day(SolarDayModel model, Duration every) {
    List<SolarDaySnapshot> snapshots = new ArrayList<>();
    Instant end = clock.instant().plus(Duration.ofDays(1));
    while (clock.instant().isBefore(end)) {
      clock.advance(every);
      model.advanceTo(clock.instant());
      snapshots.add(model.snapshot());
    }
    return snapshots;
  }

  private static int solarHour(SolarDaySnapshot s) {
    return s.time().atOffset(SolarDayModel.SOLAR_TIME).getHour();
  }

  @Test
  void powersBalanceExactlyInWholeWatts() {
    SolarDayModel model = new SolarDayModel(clock.instant(), 2, false);

    for (SolarDaySnapshot s : day(model, Duration.ofMinutes(1))) {
      assertThat(s.siteW()).isEqualTo(s.loadW() - s.solarW() - s.batteryW());
      assertThat(s.solarW()).isEqualTo(Math.rint(s.solarW()));
      assertThat(s.loadW()).isEqualTo(Math.rint(s.loadW()));
      assertThat(s.batteryW()).isEqualTo(Math.rint(s.batteryW()));
      assertThat(s.packs().stream().mapToDouble(SolarDayPack::powerW).sum())
          .isCloseTo(s.batteryW(), within(1e-6));
      assertThat(Math.abs(s.batteryW())).isLessThanOrEqualTo(2 * SolarDayModel.PACK_MAX_POWER_W);
    }
  }

  @Test
  void solarFollowsDaylightWithASmallDrawAtNight() {
    List<SolarDaySnapshot> day =
        day(new SolarDayModel(clock.instant(), 2, false), Duration.ofMinutes(5));

    assertThat(day)
        .filteredOn(s -> solarHour(s) < 5 || solarHour(s) >= 19)
        .allSatisfy(s -> assertThat(s.solarW()).isBetween(-12.0, -8.0));
    assertThat(day)
        .filteredOn(s -> solarHour(s) >= 11 && solarHour(s) < 13)
        .allSatisfy(s -> assertThat(s.solarW()).isBetween(3_000.0, SolarDayModel.PEAK_SOLAR_W));
    assertThat(day.stream().mapToDouble(SolarDaySnapshot::solarW).max().orElseThrow())
        .isGreaterThan(5_000);
    assertThat(day).allSatisfy(s -> assertThat(s.loadW()).isBetween(300.0, 5_000.0));
  }

  @Test
  void batteryChargesFromSurplusAndStaysBetweenReserveAndFull() {
    List<SolarDaySnapshot> day =
        day(new SolarDayModel(clock.instant(), 2, false), Duration.ofMinutes(1));

    assertThat(day)
        .allSatisfy(
            s ->
                assertThat(s.percentage())
                    .isBetween(SolarDayModel.BACKUP_RESERVE_PERCENT - 1e-9, 100 + 1e-9));
    assertThat(day)
        .filteredOn(s -> solarHour(s) == 12)
        .allSatisfy(s -> assertThat(s.batteryW()).isNegative());
    assertThat(day.stream().mapToDouble(SolarDaySnapshot::percentage).max().orElseThrow())
        .isGreaterThan(99.9);
    assertThat(day)
        .filteredOn(s -> solarHour(s) == 20)
        .allSatisfy(s -> assertThat(s.batteryW()).isPositive());
    assertThat(day).anySatisfy(s -> assertThat(s.siteW()).isNegative());
    assertThat(day).anySatisfy(s -> assertThat(s.siteW()).isPositive());
  }

  @Test
  void lifetimeCountersAreMonotonicAndMatchTheIntegratedPower() {
    SolarDayModel model = new SolarDayModel(clock.instant(), 2, false);
    SolarDaySnapshot first = model.snapshot();
    List<SolarDaySnapshot> day = day(model, Duration.ofMinutes(10));
    SolarDaySnapshot last = day.get(day.size() - 1);

    SolarDayLifetime previous = first.lifetime();
    for (SolarDaySnapshot s : day) {
      SolarDayLifetime now = s.lifetime();
      assertThat(now.siteImportedWh()).isGreaterThanOrEqualTo(previous.siteImportedWh());
      assertThat(now.siteExportedWh()).isGreaterThanOrEqualTo(previous.siteExportedWh());
      assertThat(now.batteryImportedWh()).isGreaterThanOrEqualTo(previous.batteryImportedWh());
      assertThat(now.batteryExportedWh()).isGreaterThanOrEqualTo(previous.batteryExportedWh());
      assertThat(now.loadImportedWh()).isGreaterThanOrEqualTo(previous.loadImportedWh());
      assertThat(now.solarImportedWh()).isGreaterThanOrEqualTo(previous.solarImportedWh());
      assertThat(now.solarExportedWh()).isGreaterThanOrEqualTo(previous.solarExportedWh());
      previous = now;
    }
    SolarDayLifetime a = first.lifetime();
    SolarDayLifetime b = last.lifetime();
    double grid =
        (b.siteImportedWh() - a.siteImportedWh()) - (b.siteExportedWh() - a.siteExportedWh());
    double load = b.loadImportedWh() - a.loadImportedWh();
    double solar =
        (b.solarExportedWh() - a.solarExportedWh()) - (b.solarImportedWh() - a.solarImportedWh());
    double battery =
        (b.batteryExportedWh() - a.batteryExportedWh())
            - (b.batteryImportedWh() - a.batteryImportedWh());
    assertThat(grid).isCloseTo(load - solar - battery, within(1e-3));
    assertThat(first.remainingWh() - last.remainingWh()).isCloseTo(battery, within(1e-3));
    assertThat(load).isBetween(10_000.0, 40_000.0);
    assertThat(solar).isBetween(25_000.0, 50_000.0);
  }

  @Test
  void islandedTheGridCarriesNothingSolarIsCurtailedAndLoadIsShedWhenEmpty() {
    List<SolarDaySnapshot> day =
        day(new SolarDayModel(clock.instant(), 1, true), Duration.ofMinutes(1));

    assertThat(day)
        .allSatisfy(
            s -> {
              assertThat(s.islanded()).isTrue();
              assertThat(s.siteW()).isZero();
              assertThat(s.batteryW()).isEqualTo(s.loadW() - s.solarW());
              assertThat(s.percentage()).isBetween(-1e-9, 100 + 1e-9);
            });
    SolarDaySnapshot full =
        day.stream()
            .filter(s -> s.percentage() > 99.999 && solarHour(s) == 13)
            .findFirst()
            .orElseThrow();
    assertThat(full.solarW()).isEqualTo(full.loadW());
  }

  @Test
  void aDisabledPackHoldsItsChargeAndCarriesNoPower() {
    SolarDayModel model = new SolarDayModel(clock.instant(), 2, false);
    clock.advance(Duration.ofHours(10));
    model.advanceTo(clock.instant());
    model.setDisabledPack(true);
    double held = model.snapshot().packs().get(1).remainingWh();

    for (SolarDaySnapshot s : day(model, Duration.ofMinutes(10))) {
      SolarDayPack second = s.packs().get(1);
      assertThat(second.disabled()).isTrue();
      assertThat(second.powerW()).isZero();
      assertThat(second.remainingWh()).isEqualTo(held);
      assertThat(s.fullPackWh()).isEqualTo(SolarDayModel.PACK_CAPACITY_WH);
      assertThat(Math.abs(s.batteryW())).isLessThanOrEqualTo(SolarDayModel.PACK_MAX_POWER_W);
    }
  }

  @Test
  void theSameClockPlaysTheSameDayWhateverTheRequestPattern() {
    SolarDayModel coarse = new SolarDayModel(clock.instant(), 2, false);
    SolarDayModel fine = new SolarDayModel(clock.instant(), 2, false);
    Instant end = clock.instant().plus(Duration.ofHours(14));

    coarse.advanceTo(end);
    for (Instant t = clock.instant(); t.isBefore(end); t = t.plusSeconds(7)) {
      fine.advanceTo(t);
    }
    fine.advanceTo(end);

    assertThat(fine.snapshot()).isEqualTo(coarse.snapshot());
  }
}
