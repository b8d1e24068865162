package dev.homeenergy.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.WebConfig;
import dev.homeenergy.testing.Http;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The whole demo (every simulator and the exporter polling them) started at site midnight still has
 * sun.
 */
class DemoIT {
  @Test
  void aDemoStartedAtSiteMidnightProducesSolarPower() throws Exception {
    Instant midnight = OffsetDateTime.of(2026, 11, 25, 0, 0, 0, 0, Demo.SITE_TIME).toInstant();
    Clock clock = Clock.fixed(midnight, ZoneOffset.UTC);
    try (Demo demo =
            Demo.start(
                Families.all(),
                new WebConfig("127.0.0.1:0", "/metrics"),
                LogConfig.defaults(),
                clock);
        Exporter exporter =
            Exporter.start(demo.config(), Families.all().devices(), Clock.systemUTC())) {
      URI metrics = URI.create("http://127.0.0.1:" + exporter.port() + "/metrics");
      Pattern roofPower =
          Pattern.compile(
              "(?m)^sunpower_pvs_inverter_ac_power_watts\\{[^}]*device=\"roof\"[^}]*} (\\S+)$");
      double watts =
          await()
              .atMost(Duration.ofSeconds(30))
              .pollInterval(Duration.ofMillis(200))
              .until(
                  () -> {
                    Matcher m = roofPower.matcher(Http.get(metrics).body());
                    return m.find() ? Double.parseDouble(m.group(1)) : -1;
                  },
                  w -> w >= 0);
      assertThat(watts).isGreaterThan(0);
    }
  }
}
