package dev.homeenergy.device.tesla.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.device.tesla.sim.FleetVehicleModelDay.Activity;
import dev.homeenergy.simulator.SiteTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class FleetVehicleModelDayTest {
  private static final FleetVehicleModelDay FIRST = FleetVehicleModelDay.forCar(0, true);
  private static final FleetVehicleModelDay SECOND = FleetVehicleModelDay.forCar(1, true);

  private static Instant site(String localDateTime) {
    return LocalDateTime.parse(localDateTime).toInstant(SiteTime.OFFSET);
  }

  @Test
  void theCarsKeepTheSitesLocalDaySoTheyChargeInTheEveningAndAreOutAtMidday() {
    assertThat(FIRST.activity(site("2026-06-21T19:30:00"))).isEqualTo(Activity.CHARGING);
    assertThat(FIRST.activity(site("2026-06-21T07:45:00"))).isEqualTo(Activity.DRIVING);
    assertThat(FIRST.activity(site("2026-06-21T12:00:00"))).isEqualTo(Activity.PARKED);
    assertThat(FIRST.pluggedIn(site("2026-06-21T12:00:00"))).as("away at midday").isFalse();
    assertThat(SECOND.activity(site("2026-06-21T12:00:00"))).isEqualTo(Activity.PARKED);
    assertThat(SECOND.pluggedIn(site("2026-06-21T03:00:00"))).as("home at night").isTrue();
  }

  @Test
  void twoCarsShowDifferentValuesThroughTheDay() {
    Instant start = site("2026-06-21T00:00:00");
    int samples = 0;
    int sameLevel = 0;
    for (Instant at = start;
        at.isBefore(start.plus(Duration.ofDays(1)));
        at = at.plus(Duration.ofMinutes(10))) {
      samples++;
      if (Math.round(FIRST.batteryLevel(at)) == Math.round(SECOND.batteryLevel(at))) {
        sameLevel++;
      }
      assertThat(FIRST.odometer(at)).isNotEqualTo(SECOND.odometer(at));
    }
    assertThat(sameLevel)
        .as("samples with the same charge, of " + samples)
        .isLessThan(samples / 20);
    assertThat(FIRST.chargeLimit()).isNotEqualTo(SECOND.chargeLimit());
  }

  @Test
  void eachCarsDayIsTheSameEveryTime() {
    assertThat(FleetVehicleModelDay.forCar(1, true)).isEqualTo(SECOND);
    Instant at = site("2026-06-21T17:20:00");
    assertThat(FleetVehicleModelDay.forCar(1, true).batteryLevel(at))
        .isEqualTo(SECOND.batteryLevel(at));
  }

  @Test
  void theNextBoundaryIsTheNextChangeOnTheLocalDay() {
    assertThat(FIRST.nextBoundary(site("2026-06-21T12:00:00")))
        .isEqualTo(site("2026-06-21T17:00:00"));
    assertThat(FIRST.nextBoundary(site("2026-06-21T23:00:00")))
        .isEqualTo(site("2026-06-22T07:30:00"));
  }
}
