package dev.homeenergy.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceValidationTest {
  private final ConfigLoader loader =
      new ConfigLoader(TestSpecs.TYPES, name -> null, path -> "unused");

  private String problems(String yaml) {
    try {
      loader.parse(yaml, "cfg.yml");
    } catch (ConfigException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected the config to be rejected");
  }

  @Test
  void reportsMissingRequiredKeysAtTheEntry() {
    assertThat(
            problems(
                """
                devices:
                  - name: garage
                    type: wallconnector
                  -
                  - type: wallconnector
                    address: 10.0.0.1
                """))
        .isEqualTo(
            """
            cfg.yml:2: devices[0]: missing required key "address"
            cfg.yml:4: devices[1]: missing required keys "name", "type" and "address"
            cfg.yml:5: devices[2]: missing required key "name\"""");
  }

  @Test
  void reportsDeviceEntriesThatAreNotMappings() {
    assertThat(problems("devices:\n  - garage\n  - [a, b]\n"))
        .isEqualTo(
            """
            cfg.yml:2: devices[0]: expected a mapping (key: value lines), got a single value
            cfg.yml:3: devices[1]: expected a mapping (key: value lines), got a list""");
  }

  @Test
  void reportsInvalidNames() {
    assertThat(problems("devices:\n  - name: my garage\n    type: wallconnector\n    address: h\n"))
        .isEqualTo(
            "cfg.yml:2: devices[0].name: invalid device name \"my garage\": use only letters,"
                + " digits, _, . and -");
  }

  @Test
  void reportsDuplicateNamesAtTheSecondWithTheFirstLine() {
    assertThat(
            problems(
                """
                devices:
                  - name: garage
                    type: wallconnector
                    address: 10.0.0.1
                  - type: wallconnector
                    address: 10.0.0.2
                    name: garage
                """))
        .isEqualTo(
            "cfg.yml:7: devices[1].name: duplicate device name \"garage\" (first used at line 2)");
  }

  @Test
  void reportsUnknownTypeListingKnownOnes() {
    assertThat(
            problems(
                """
                devices:
                  - name: a
                    type: wallconector
                    address: 10.0.0.1
                  - name: b
                    type: powerwall
                    address: 10.0.0.2
                """))
        .isEqualTo(
            """
            cfg.yml:3: devices[0].type: unknown device type "wallconector" (did you mean "wallconnector"?); known types: fake, wallconnector
            cfg.yml:6: devices[1].type: unknown device type "powerwall"; known types: fake, wallconnector""");
  }

  @Test
  void unknownTypeStillChecksTheCommonKeys() {
    assertThat(
            problems(
                "devices:\n  - name: a\n    type: nope\n    address: ftp://x\n    interval: 5\n"))
        .isEqualTo(
            """
            cfg.yml:3: devices[0].type: unknown device type "nope"; known types: fake, wallconnector
            cfg.yml:4: devices[0].address: invalid address "ftp://x": scheme must be http or https
            cfg.yml:5: devices[0].interval: expected a duration like 10s, 500ms or 1m30s, got "5\"""");
  }

  @Test
  void reportsUnknownDeviceKeysWithSuggestions() {
    assertThat(
            problems(
                """
                devices:
                  - name: garage
                    type: wallconnector
                    address: 10.0.0.1
                    intervall: 10s
                    password: x
                    stale: 1m
                """))
        .isEqualTo(
            """
            cfg.yml:5: devices[0].intervall: unknown key "intervall" (did you mean "interval"?)
            cfg.yml:6: devices[0].password: unknown key "password"
            cfg.yml:7: devices[0].stale: unknown key "stale\"""");
  }

  @Test
  void familyKeysAndSecretFileKeysAreAllowedForTheirType() {
    assertThat(
            problems(
                """
                devices:
                  - name: pvs
                    type: fake
                    address: pvs.lan
                    usernme: admin
                    pasword_file: /run/secret
                """))
        .isEqualTo(
            """
            cfg.yml:5: devices[0].usernme: unknown key "usernme" (did you mean "username"?)
            cfg.yml:6: devices[0].pasword_file: unknown key "pasword_file" (did you mean "password_file"?)""");
  }

  @Test
  void reportsDuplicateDeviceKeys() {
    assertThat(
            problems(
                "devices:\n  - name: a\n    type: wallconnector\n    address: h\n    address: i\n"))
        .isEqualTo("cfg.yml:5: devices[0].address: duplicate key (first defined at line 4)");
  }

  @Test
  void reportsBadDurationsAndAddresses() {
    assertThat(
            problems(
                """
                devices:
                  - name: a
                    type: wallconnector
                    address: http://user:pw@10.0.0.1
                    interval: 10x
                    timeout: 0s
                    stale_after: -1m
                """))
        .isEqualTo(
            """
            cfg.yml:4: devices[0].address: credentials in the address are not allowed; put them in the device's own keys
            cfg.yml:5: devices[0].interval: unknown unit "x" in duration "10x" (use ns, us, ms, s, m or h)
            cfg.yml:6: devices[0].timeout: must be greater than 0s
            cfg.yml:7: devices[0].stale_after: negative durations are not allowed, got "-1m\"""");
  }

  @Test
  void reportsZeroInterval() {
    assertThat(problems("devices:\n  - {name: a, type: wallconnector, address: h, interval: 0s}\n"))
        .isEqualTo("cfg.yml:2: devices[0].interval: must be greater than 0s");
  }

  @Test
  void reportsInvalidNaming() {
    assertThat(
            problems("devices:\n  - {name: a, type: wallconnector, address: h, naming: legacy}\n"))
        .isEqualTo(
            "cfg.yml:2: devices[0].naming: invalid naming \"legacy\"; expected one of: native, compat");
  }

  @Test
  void reportsTimeoutLongerThanInterval() {
    assertThat(
            problems(
                """
                devices:
                  - name: a
                    type: wallconnector
                    address: h
                    interval: 10s
                    timeout: 15s
                """))
        .isEqualTo("cfg.yml:6: devices[0].timeout: timeout 15s is longer than interval 10s");
  }

  @Test
  void anUnsetTimeoutIsTheFamilyDefaultButNeverLongerThanTheInterval() throws ConfigException {
    ExporterConfig config =
        loader.parse(
            """
            devices:
              - {name: short, type: wallconnector, address: h, interval: 2s}
              - {name: long, type: wallconnector, address: h, interval: 1m}
            """,
            "cfg.yml");
    assertThat(config.devices().get(0).timeout()).isEqualTo(java.time.Duration.ofSeconds(2));
    assertThat(config.devices().get(1).timeout()).isEqualTo(java.time.Duration.ofSeconds(5));
  }

  @Test
  void durationsLongerThanAYearAreRefusedAtTheirKey() {
    assertThat(
            problems(
                """
                devices:
                  - name: a
                    type: wallconnector
                    address: h
                    interval: 2562047h
                    stale_after: 8761h
                """))
        .isEqualTo(
            """
            cfg.yml:5: devices[0].interval: duration "2562047h" is longer than the maximum of \
            8760h0m0s (365 days)
            cfg.yml:6: devices[0].stale_after: duration "8761h" is longer than the maximum of \
            8760h0m0s (365 days)""");
  }

  @Test
  void theLongestAcceptedIntervalPrintsWithItsDerivedStaleAfter() throws ConfigException {
    ExporterConfig config =
        loader.parse(
            "devices:\n  - {name: a, type: wallconnector, address: h, interval: 8760h}\n", "c");
    assertThat(ConfigPrinter.toYaml(config))
        .contains("interval: 8760h0m0s", "stale_after: 8760h0m0s");
    assertThat(loader.parse(ConfigPrinter.toYaml(config), "printed")).isEqualTo(config);
  }

  @Test
  void timeoutEqualToIntervalIsAccepted() throws ConfigException {
    ExporterConfig config =
        loader.parse(
            "devices:\n  - {name: a, type: wallconnector, address: h, interval: 2s, timeout: 2s}\n",
            "cfg.yml");
    assertThat(config.devices().get(0).staleAfter()).isEqualTo(java.time.Duration.ofSeconds(10));
  }

  @Test
  void reportsStaleAfterShorterThanInterval() {
    assertThat(
            problems(
                "devices:\n  - {name: a, type: wallconnector, address: h, interval: 1m, stale_after: 30s}\n"))
        .isEqualTo(
            "cfg.yml:2: devices[0].stale_after: stale_after 30s is shorter than interval 1m0s");
  }

  @Test
  void reportsASecondCompatDeviceOfTheSameType() {
    assertThat(
            problems(
                """
                devices:
                  - name: garage
                    type: wallconnector
                    address: 10.0.0.1
                    naming: compat
                  - name: barn
                    type: wallconnector
                    address: 10.0.0.2
                    naming: compat
                  - name: pvs
                    type: fake
                    address: 10.0.0.3
                    naming: compat
                """))
        .isEqualTo(
            "cfg.yml:9: devices[1].naming: only one wallconnector device may use naming: compat,"
                + " and \"garage\" (line 5) already does: compat names carry no device label, so"
                + " both devices would export identical series; use naming: native for this one");
  }

  @Test
  void compatAndNativeDevicesOfOneTypeMayMix() throws ConfigException {
    ExporterConfig config =
        loader.parse(
            """
            devices:
              - {name: a, type: wallconnector, address: 10.0.0.1, naming: compat}
              - {name: b, type: wallconnector, address: 10.0.0.2}
            """,
            "cfg.yml");
    assertThat(config.devices())
        .extracting(DeviceConfig::naming)
        .containsExactly(NamingStyle.COMPAT, NamingStyle.NATIVE);
  }

  @Test
  void readsFamilyKeysWithTheirTypes() throws ConfigException {
    DeviceConfig device =
        loader
            .parse(
                """
                devices:
                  - name: pvs
                    type: fake
                    address: pvs.lan
                    username: admin
                    site_id: 0123
                    verify_tls: false
                    ratio: 1.5
                """,
                "cfg.yml")
            .devices()
            .get(0);
    assertThat(device.address()).isEqualTo(URI.create("https://pvs.lan:8443"));
    assertThat(device.extra())
        .isEqualTo(Map.of("username", "admin", "site_id", 123L, "verify_tls", false, "ratio", 1.5));
    assertThat(device.interval()).isEqualTo(TestSpecs.FAKE.defaultInterval());
    assertThat(device.timeout()).isEqualTo(TestSpecs.FAKE.defaultTimeout());
  }

  @Test
  void theDeclaredTypeDecidesNotTheYamlTag() throws ConfigException {
    DeviceConfig device =
        loader
            .parse(
                "devices:\n  - {name: p, type: fake, address: h, site_id: '42', username: 7}\n",
                "c")
            .devices()
            .get(0);
    assertThat(device.extra()).isEqualTo(Map.of("site_id", 42L, "username", "7"));
  }

  @Test
  void withoutTypeKeysAreCheckedAgainstAllFamilies() {
    assertThat(
            problems("devices:\n  - name: a\n    address: h\n    username: u\n    colour: red\n"))
        .isEqualTo(
            """
            cfg.yml:2: devices[0]: missing required key "type"
            cfg.yml:5: devices[0].colour: unknown key "colour\"""");
  }

  @Test
  void aliasesReuseValues() throws ConfigException {
    ExporterConfig config =
        loader.parse(
            """
            devices:
              - {name: a, type: wallconnector, address: h, interval: &slow 1m}
              - {name: b, type: wallconnector, address: i, interval: *slow}
            """,
            "cfg.yml");
    assertThat(config.devices().get(1).interval()).isEqualTo(java.time.Duration.ofMinutes(1));
  }
}
