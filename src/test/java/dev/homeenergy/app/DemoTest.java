package dev.homeenergy.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.WebConfig;
import dev.homeenergy.device.powerwall.sim.SolarDayModel;
import dev.homeenergy.device.sunpower.sim.PvsModel;
import dev.homeenergy.testing.Http;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The demo's simulated day starts in the morning whatever the hour, so its solar panels have sun. */
class DemoTest {
  @Test
  void theDemoSitesShareOneSolarTime() {
    assertThat(PvsModel.SOLAR_TIME).isEqualTo(Demo.SITE_TIME);
    assertThat(SolarDayModel.SOLAR_TIME).isEqualTo(Demo.SITE_TIME);
  }

  @ParameterizedTest(name = "started at {0} site time")
  @ValueSource(strings = {"00:00", "03:10", "07:59", "08:00", "12:00", "19:10", "20:00", "23:59"})
  void theSimulatedClockReadsEightInTheMorningSiteTimeWithinHalfADay(String siteTime) {
    Instant real = OffsetDateTime.of(2026, 11, 25, 0, 0, 0, 0, Demo.SITE_TIME)
        .with(LocalTime.parse(siteTime)).toInstant();
    Clock simulated = Demo.startingInTheMorning(Clock.fixed(real, ZoneOffset.UTC));

    assertThat(simulated.instant().atOffset(Demo.SITE_TIME).toLocalTime()).isEqualTo(Demo.DAY_STARTS);
    assertThat(Duration.between(real, simulated.instant()).abs()).isLessThanOrEqualTo(Duration.ofHours(12));
  }

  @Test
  void aDemoStartedAtSiteMidnightProducesSolarPower() throws Exception {
    Instant midnight = OffsetDateTime.of(2026, 11, 25, 0, 0, 0, 0, Demo.SITE_TIME).toInstant();
    Clock clock = Clock.fixed(midnight, ZoneOffset.UTC);
    try (Demo demo = Demo.start(Families.all(), new WebConfig("127.0.0.1:0", "/metrics"), LogConfig.defaults(), clock);
        Exporter exporter = Exporter.start(demo.config(), Families.all().devices(), Clock.systemUTC())) {
      URI metrics = URI.create("http://127.0.0.1:" + exporter.port() + "/metrics");
      Pattern roofPower = Pattern.compile(
          "(?m)^sunpower_pvs_inverter_ac_power_watts\\{[^}]*device=\"roof\"[^}]*} (\\S+)$");
      double watts = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
        Matcher m = roofPower.matcher(Http.get(metrics).body());
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
      }, w -> w >= 0);
      assertThat(watts).isGreaterThan(0);
    }
  }
}
