package dev.homeenergy.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.device.powerwall.sim.SolarDayModel;
import dev.homeenergy.device.sunpower.sim.PvsModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo's simulated day starts in the morning whatever the hour, so its solar panels have sun.
 */
class DemoTest {
  @Test
  void theDemoSitesShareOneSolarTime() {
    assertThat(PvsModel.SOLAR_TIME).isEqualTo(Demo.SITE_TIME);
    assertThat(SolarDayModel.SOLAR_TIME).isEqualTo(Demo.SITE_TIME);
  }

  @ParameterizedTest(name = "started at {0} site time")
  @ValueSource(strings = {"00:00", "03:10", "07:59", "08:00", "12:00", "19:10", "20:00", "23:59"})
  void theSimulatedClockReadsEightInTheMorningSiteTimeWithinHalfADay(String siteTime) {
    Instant real =
        OffsetDateTime.of(2026, 11, 25, 0, 0, 0, 0, Demo.SITE_TIME)
            .with(LocalTime.parse(siteTime))
            .toInstant();
    Clock simulated = Demo.startingInTheMorning(Clock.fixed(real, ZoneOffset.UTC));

    assertThat(simulated.instant().atOffset(Demo.SITE_TIME).toLocalTime())
        .isEqualTo(Demo.DAY_STARTS);
    assertThat(Duration.between(real, simulated.instant()).abs())
        .isLessThanOrEqualTo(Duration.ofHours(12));
  }
}
