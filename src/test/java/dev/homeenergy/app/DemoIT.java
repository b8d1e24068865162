package dev.homeenergy.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.config.WebConfig;
import dev.homeenergy.testing.Http;
import dev.homeenergy.testing.LogCapture;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The whole demo (every simulator and the exporter polling them): started at site midnight it still
 * has sun, and its first look is calm.
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

  @Test
  void theDemosPowerwall3ShowsItsStringsAndRemoteMeterWithoutAWallOfAlerts() throws Exception {
    try (Demo demo =
            Demo.start(
                Families.all(),
                new WebConfig("127.0.0.1:0", "/metrics"),
                LogConfig.defaults(),
                Clock.systemUTC());
        Exporter exporter =
            Exporter.start(demo.config(), Families.all().devices(), Clock.systemUTC())) {
      URI base = URI.create("http://127.0.0.1:" + exporter.port());
      String metrics =
          await()
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(500))
              .until(
                  () -> Http.get(base.resolve("/metrics")).body(),
                  body ->
                      body.contains("powerwall_pv_string_power_watts{device=\"powerwall3\"")
                          && body.contains(
                              "powerwall_remote_meter_ct_power_watts{ct=\"1\",device=\"powerwall3\""));
      assertThat(metrics)
          .contains("powerwall_alert_active{alert=\"SystemConnectedToGrid\",device=\"powerwall3\"}")
          .doesNotContain("powerwall_component_alert_active{");
      assertThat(metrics)
          .as("a Powerwall 3's missing /api endpoints are no errors")
          .doesNotContain(
              "home_energy_exporter_device_endpoint_errors_total{device=\"powerwall3\"");
      String page = Http.get(base.resolve("/")).body();
      assertThat(page)
          .contains("powerwall3")
          .doesNotContain("powerwall3 needs attention")
          .doesNotContain("Alert ")
          .containsPattern("battery (charging|discharging|idle)")
          .doesNotContainPattern("battery -\\d")
          .contains("/api endpoints absent on this firmware")
          .doesNotContain("strings 1707000-");
      JsonNode raw =
          new ObjectMapper().readTree(Http.get(base.resolve("/devices/powerwall3/raw")).body());
      Map<String, JsonNode> exchanges = new HashMap<>();
      raw.get("exchanges").forEach(e -> exchanges.put(e.get("endpoint").asText(), e));
      assertThat(exchanges.get("absent").at("/body/endpoints").has("operation")).isTrue();
      assertThat(exchanges.get("tedapi/firmware").at("/body/version").asText()).isNotEmpty();
      exchanges.forEach(
          (endpoint, e) -> {
            if (endpoint.startsWith("tedapi/")) {
              assertThat(e.get("duration_seconds").asDouble()).as(endpoint).isPositive();
            }
          });
    }
  }

  @Test
  void theDemoVerifiesItsOwnGatewaysCertificatesInsteadOfWarningAboutThem() throws Exception {
    try (LogCapture log = LogCapture.start();
        Demo demo =
            Demo.start(
                Families.all(),
                new WebConfig("127.0.0.1:0", "/metrics"),
                LogConfig.defaults(),
                Clock.systemUTC());
        Exporter exporter =
            Exporter.start(demo.config(), Families.all().devices(), Clock.systemUTC())) {
      URI metrics = URI.create("http://127.0.0.1:" + exporter.port() + "/metrics");
      List<String> gateways =
          demo.config().devices().stream()
              .filter(d -> d.type().equals("powerwall"))
              .map(DeviceConfig::name)
              .toList();
      assertThat(gateways).isNotEmpty();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> Http.get(metrics).body(),
              body ->
                  gateways.stream()
                      .allMatch(
                          name ->
                              body.contains(
                                  "home_energy_exporter_device_up{device=\""
                                      + name
                                      + "\",type=\"powerwall\"} 1.0")));
      assertThat(demo.config().devices())
          .filteredOn(d -> d.type().equals("powerwall"))
          .allSatisfy(d -> assertThat(d.extra()).containsKey("tls_cert_file"));
      assertThat(log.events()).noneMatch(line -> line.contains("not verified"));
    }
  }
}
