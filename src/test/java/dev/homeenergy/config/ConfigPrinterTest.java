package dev.homeenergy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigPrinterTest {
  private final ConfigLoader loader =
      new ConfigLoader(TestSpecs.TYPES, name -> null, path -> "unused");

  @Test
  void printsTheEffectiveConfigWithDefaults() throws ConfigException {
    ExporterConfig config =
        loader.parse(
            "devices:\n  - name: garage\n    type: wallconnector\n    address: 192.168.1.50\n",
            "c.yml");
    assertThat(ConfigPrinter.toYaml(config))
        .isEqualTo(
            """
            web:
              listen_address: :10042
              telemetry_path: /metrics
              health_requires_auth: false
            log:
              level: info
              format: text
            probe:
              on_demand: false
              idle_after: 10m0s
            devices:
              - name: garage
                type: wallconnector
                address: http://192.168.1.50:80
                interval: 10s
                timeout: 5s
                stale_after: 50s
                naming: native
            """);
  }

  @Test
  void printsAnEmptyDeviceList() throws ConfigException {
    assertThat(ConfigPrinter.toYaml(loader.parse("", "c.yml"))).endsWith("devices: []\n");
  }

  @Test
  void outputLoadsBackToTheSameConfig() throws ConfigException {
    ExporterConfig config =
        loader.parse(
            """
            web:
              listen_address: "[::1]:9000"
              telemetry_path: /x/metrics
            log:
              level: warn
              format: logfmt
            devices:
              - name: garage
                type: wallconnector
                address: https://[fe80::1]/api/
                interval: 1m30s
                timeout: 1500ms
                stale_after: 1h
                naming: compat
              - name: pvs.1
                type: fake
                address: pvs.lan:9443
                username: "yes"
                site_id: "0123"
                verify_tls: true
                ratio: 0.25
            """,
            "c.yml");
    String printed = ConfigPrinter.toYaml(config);
    assertThat(loader.parse(printed, "printed.yml")).isEqualTo(config);
    assertThat(printed).contains("interval: 1m30s", "timeout: 1.5s", "stale_after: 1h0m0s");
  }

  @Test
  void quotesDeviceNamesThatWouldReadBackAsOtherTypes() throws ConfigException {
    for (String name :
        List.of(
            "yes", "No", "on", "OFF", "y", "null", "NULL", "true", "1e3", "123", "0x1F", "1_000",
            "0b101", ".inf", ".NaN", "-", "1.5", "012")) {
      ExporterConfig config =
          ExporterConfig.defaults()
              .withDevices(
                  List.of(
                      new DeviceConfig(
                          name,
                          "wallconnector",
                          URI.create("http://h:80"),
                          Duration.ofSeconds(10),
                          Duration.ofSeconds(5),
                          Duration.ofSeconds(50),
                          NamingStyle.NATIVE,
                          Map.of())));
      String printed = ConfigPrinter.toYaml(config);
      ExporterConfig loaded = loader.parse(printed, "printed.yml");
      assertThat(loaded).as(printed).isEqualTo(config);
      assertThat(ConfigPrinter.toYaml(loaded)).isEqualTo(printed);
    }
  }

  @Test
  void quotesStringsThatWouldReadBackAsOtherTypes() throws ConfigException {
    Map<String, Object> extra = new java.util.LinkedHashMap<>();
    for (String tricky :
        List.of(
            "yes",
            "no",
            "on",
            "null",
            "~",
            "123",
            "1.5",
            "0x1F",
            "1:30",
            "#x",
            "- a",
            "a: b",
            "",
            " padded ",
            "true",
            "'q'",
            "${X}",
            "$${X}",
            "1e3",
            "1_000",
            "0b101",
            ".inf",
            "=",
            "!tag",
            "&anchor",
            "*alias",
            "[a",
            "{a",
            "|",
            ">",
            "@x",
            "`x",
            "%x",
            "? x",
            "a #b",
            "trailing ",
            "two\nlines",
            "tab\there",
            "Y",
            "Off",
            "NULL",
            "<<")) {
      extra.put("username", tricky);
      ExporterConfig config =
          new ExporterConfig(
              WebConfig.defaults(),
              LogConfig.defaults(),
              List.of(
                  new DeviceConfig(
                      "p",
                      "fake",
                      URI.create("https://h:1"),
                      Duration.ofSeconds(30),
                      Duration.ofSeconds(10),
                      Duration.ofSeconds(150),
                      NamingStyle.NATIVE,
                      extra)));
      String printed = ConfigPrinter.toYaml(config);
      ExporterConfig loaded = loader.parse(printed, "printed.yml");
      assertThat(loaded).as(printed).isEqualTo(config);
      assertThat(ConfigPrinter.toYaml(loaded)).isEqualTo(printed);
    }
  }
}
