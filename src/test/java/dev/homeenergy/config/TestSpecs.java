package dev.homeenergy.config;

import java.time.Duration;
import java.util.Map;

/** Device type specs the config tests load against. */
final class TestSpecs {
  static final DeviceTypeSpec WALLCONNECTOR =
      DeviceTypeSpec.builder("wallconnector")
          .scheme("http")
          .port(80)
          .interval(Duration.ofSeconds(10))
          .timeout(Duration.ofSeconds(5))
          .build();

  /** A family with a user name, a secret password and a numeric and boolean setting. */
  static final DeviceTypeSpec FAKE =
      DeviceTypeSpec.builder("fake")
          .scheme("https")
          .port(8443)
          .interval(Duration.ofSeconds(30))
          .timeout(Duration.ofSeconds(10))
          .key("username", KeyType.text())
          .key("password", KeyType.secret())
          .key("site_id", KeyType.wholeNumber(0, Long.MAX_VALUE))
          .key("verify_tls", KeyType.flag())
          .key("ratio", KeyType.number(0, Double.POSITIVE_INFINITY))
          .build();

  static final Map<String, DeviceTypeSpec> TYPES =
      Map.of(WALLCONNECTOR.type(), WALLCONNECTOR, FAKE.type(), FAKE);

  private TestSpecs() {}
}
