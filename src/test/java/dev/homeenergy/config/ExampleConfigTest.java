package dev.homeenergy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExampleConfigTest {

  @Test
  void shippedExampleLoads() throws ConfigException {
    ExporterConfig config =
        new ConfigLoader(TestSpecs.TYPES, name -> null)
            .load(Path.of("examples/home-energy-exporter.yml"));
    assertThat(config.web()).isEqualTo(WebConfig.defaults());
    assertThat(config.log()).isEqualTo(LogConfig.defaults());
    assertThat(config.devices())
        .containsExactly(
            new DeviceConfig(
                "garage",
                "wallconnector",
                URI.create("http://192.168.1.50:80"),
                Duration.ofSeconds(10),
                Duration.ofSeconds(5),
                Duration.ofSeconds(50),
                NamingStyle.NATIVE,
                Map.of()));
  }
}
