package dev.homeenergy.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Family keys declared with their types: read by the same walker as the generic keys (problems with
 * their lines, all in one pass), typed in {@code extra}, defaults filled in; and a family's minimum
 * interval and its rules across keys.
 */
class FamilyKeyTypesTest {
  private static final DeviceTypeSpec SLOW_DEVICE =
      DeviceTypeSpec.builder("slowpoke")
          .interval(Duration.ofMinutes(2))
          .timeout(Duration.ofMinutes(1))
          .key("retry_timeout", KeyType.duration())
          .minimumInterval(Duration.ofSeconds(30), "it reboots when polled faster")
          .build();
  private final ConfigLoader loader =
      new ConfigLoader(Map.of(SLOW_DEVICE.type(), SLOW_DEVICE), name -> null, path -> "unused");

  /** One key of every type, two of them required, and a rule across keys. */
  private static final DeviceTypeSpec TYPED =
      DeviceTypeSpec.builder("typed")
          .key(FamilyKey.required("client_id", KeyType.text(), "the app's id"))
          .key(FamilyKey.required("secret", KeyType.secret(), "secret or secret_file"))
          .key(FamilyKey.withDefault("use_tls", KeyType.flag(), false))
          .key("retry", KeyType.duration(Duration.ofSeconds(1)))
          .key("index", KeyType.wholeNumber(0, 9))
          .key(FamilyKey.withDefault("budget", KeyType.number(0, Double.POSITIVE_INFINITY), 10.0))
          .key(FamilyKey.withDefault("region", KeyType.oneOf("na", "eu"), "na"))
          .key("base", KeyType.url())
          .key(FamilyKey.withDefault("names", KeyType.textList(), List.of("all")))
          .key("cert", KeyType.readableFile())
          .build();

  private static final DeviceCheck BASE_NEEDS_TLS =
      (device, problems) -> {
        if (device.extra().containsKey("base") && !device.flag("use_tls", false)) {
          problems.add("base", "needs use_tls: true");
        }
      };
  private final ConfigLoader typedLoader =
      new ConfigLoader(
          Map.of(TYPED.type(), TYPED),
          BASE_NEEDS_TLS,
          Map.of("TLS", "true")::get,
          path -> "s3cret");

  @Test
  void everyKeyTypeLandsInExtraTypedWithDefaultsFilledIn(@TempDir Path dir) throws Exception {
    Path cert = Files.writeString(dir.resolve("cert.pem"), "pem");
    ExporterConfig config =
        typedLoader.parse(
            """
        devices:
          - name: t
            type: typed
            address: h
            client_id: 0042
            secret_file: secret.txt
            use_tls: ${TLS}
            retry: 1m
            index: 3
            base: https://proxy.example/api
            names: [a, " b "]
            cert: %s
        """
                .formatted(cert),
            "cfg.yml");
    assertThat(config.devices().get(0).extra())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "client_id",
                "0042",
                "secret",
                new Secret("s3cret"),
                "use_tls",
                true,
                "retry",
                Duration.ofMinutes(1),
                "index",
                3L,
                "budget",
                10.0,
                "region",
                "na",
                "base",
                URI.create("https://proxy.example/api"),
                "names",
                List.of("a", "b"),
                "cert",
                cert));
  }

  @Test
  void aCommaSeparatedListIsSplit() throws ConfigException {
    ExporterConfig config =
        typedLoader.parse(
            """
        devices:
          - {name: t, type: typed, address: h, client_id: c, secret: s, names: "VIN1, my car"}
        """,
            "cfg.yml");
    assertThat(config.devices().get(0).extra()).containsEntry("names", List.of("VIN1", "my car"));
  }

  @Test
  void everyProblemOfEveryKeyComesWithItsLineInOnePass() {
    assertThatThrownBy(
            () ->
                typedLoader.parse(
                    """
        devices:
          - name: t
            type: typed
            address: h
            use_tls: yes
            retry: 10ms
            index: 10
            budget: ten
            region: mars
            base: https://me:hunter2@proxy.example
            names: {a: b}
            cert: no-such.pem
          - name: u
            type: typed
            address: h
            client_id: c
            secret: s
            use_tls: "true"
        """,
                    "cfg.yml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            """
            cfg.yml:2: devices[0].client_id: required for typed (the app's id)
            cfg.yml:2: devices[0].secret: required for typed (secret or secret_file)
            cfg.yml:5: devices[0].use_tls: expected true or false, got "yes"
            cfg.yml:6: devices[0].retry: must be at least 1s, got 10ms
            cfg.yml:7: devices[0].index: must be between 0 and 9, got 10
            cfg.yml:8: devices[0].budget: expected a number, got "ten"
            cfg.yml:9: devices[0].region: expected one of: na, eu, got "mars"
            cfg.yml:10: devices[0].base: credentials in the URL are not allowed; secrets belong in their own keys \
            (ideally <key>_file)
            cfg.yml:11: devices[0].names: expected a single value, got a mapping
            cfg.yml:12: devices[0].cert: cannot read "no-such.pem": no such file
            cfg.yml:18: devices[1].use_tls: expected true or false without quotes, got "true\"""")
        .message()
        .asString()
        .doesNotContain("hunter2");
  }

  @Test
  void aFamilysRuleAcrossKeysIsReportedAtTheKeyItNames() {
    assertThatThrownBy(
            () ->
                typedLoader.parse(
                    """
        devices:
          - name: t
            type: typed
            address: h
            client_id: c
            secret: s
            base: https://proxy.example
        """,
                    "cfg.yml"))
        .hasMessage("cfg.yml:7: devices[0].base: needs use_tls: true");
  }

  @Test
  void typedKeysPrintAndLoadBack() throws ConfigException {
    ExporterConfig config =
        typedLoader.parse(
            """
        devices:
          - {name: t, type: typed, address: h, client_id: c, secret_file: s.txt, use_tls: true,
             base: "https://proxy.example", names: "a,b", index: 0}
        """,
            "cfg.yml");
    String printed = ConfigPrinter.toYaml(config);
    assertThat(printed)
        .contains("budget: 10.0")
        .contains("region: na")
        .contains("base: https://proxy.example")
        .contains("secret_file: s.txt")
        .doesNotContain("secret: ");
    ConfigLoader noSecretFiles =
        new ConfigLoader(
            Map.of(TYPED.type(), TYPED), BASE_NEEDS_TLS, name -> null, path -> "s3cret");
    assertThat(noSecretFiles.parse(printed, "printed.yml")).isEqualTo(config);
  }

  @Test
  void durationKeysBecomeDurations() throws ConfigException {
    ExporterConfig config =
        loader.parse(
            """
        devices:
          - name: pvs
            type: slowpoke
            address: 192.0.2.7
            retry_timeout: 1m30s
        """,
            "cfg.yml");
    assertThat(config.devices().get(0).extra())
        .containsEntry("retry_timeout", Duration.ofSeconds(90));
  }

  @Test
  void aBadDurationKeyIsReportedWithItsLine() {
    assertThatThrownBy(
            () ->
                loader.parse(
                    """
        devices:
          - name: pvs
            type: slowpoke
            address: 192.0.2.7
            retry_timeout: soon
        """,
                    "cfg.yml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("cfg.yml:5: devices[0].retry_timeout:");
  }

  @Test
  void anIntervalBelowTheFamilysMinimumIsRefusedWithTheReason() {
    assertThatThrownBy(
            () ->
                loader.parse(
                    """
        devices:
          - name: pvs
            type: slowpoke
            address: 192.0.2.7
            interval: 10s
            timeout: 5s
        """,
                    "cfg.yml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "cfg.yml:5: devices[0].interval: interval 10s is below the minimum of 30s for slowpoke: "
                + "it reboots when polled faster");
  }

  @Test
  void durationKeysPrintInGoFormAndLoadBack() throws ConfigException {
    ExporterConfig config =
        loader.parse(
            """
        devices:
          - name: pvs
            type: slowpoke
            address: 192.0.2.7
            retry_timeout: 1m30s
        """,
            "cfg.yml");
    String printed = ConfigPrinter.toYaml(config);
    assertThat(printed).contains("retry_timeout: 1m30s");
    assertThat(loader.parse(printed, "printed.yml")).isEqualTo(config);
  }
}
