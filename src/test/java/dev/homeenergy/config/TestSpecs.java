package dev.homeenergy.config;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Device type specs the config tests load against. */
final class TestSpecs {
  static final DeviceTypeSpec WALLCONNECTOR =
      new DeviceTypeSpec(
          "wallconnector", "http", 80, Duration.ofSeconds(10), Duration.ofSeconds(5), Set.of(), Set.of());

  /** A family with a user name, a secret password and a numeric and boolean setting. */
  static final DeviceTypeSpec FAKE =
      new DeviceTypeSpec(
          "fake",
          "https",
          8443,
          Duration.ofSeconds(30),
          Duration.ofSeconds(10),
          Set.of("username", "password", "site_id", "verify_tls", "ratio"),
          Set.of("password"));

  static final Map<String, DeviceTypeSpec> TYPES =
      Map.of(WALLCONNECTOR.type(), WALLCONNECTOR, FAKE.type(), FAKE);

  private TestSpecs() {}
}
