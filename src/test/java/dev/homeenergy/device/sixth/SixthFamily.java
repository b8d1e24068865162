package dev.homeenergy.device.sixth;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.DeviceTypeSpec;
import dev.homeenergy.core.Device;
import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.core.Namings;
import java.time.Duration;

/**
 * The example family (docs/architecture.md, "Adding a family"): a smart plug answering {@code GET
 * /api/status} with its power, energy and relay state as JSON. It lives in the tests only, to show
 * that a family is this package, its {@code sim} package and one line of the family list.
 */
public final class SixthFamily implements DeviceFamily {
  public static final String TYPE = "sixth";
  private static final DeviceTypeSpec SPEC = typeSpec();

  /**
   * The {@code type: sixth} entry: plain HTTP on port 80, polled every 10 s, no family-specific
   * keys.
   */
  private static DeviceTypeSpec typeSpec() {
    return DeviceTypeSpec.builder(TYPE)
        .scheme("http")
        .port(80)
        .interval(Duration.ofSeconds(10))
        .timeout(Duration.ofSeconds(5))
        .build();
  }

  @Override
  public DeviceTypeSpec spec() {
    return SPEC;
  }

  @Override
  public String displayName() {
    return "Sixth Plug (example family)";
  }

  @Override
  public Device create(DeviceConfig config, DeviceContext context) {
    return new SixthClient(config, context);
  }

  @Override
  public Namings<SixthReading> namings() {
    return SixthNamings.BOTH;
  }
}
