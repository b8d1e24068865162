package dev.homeenergy.device.wallconnector;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.DeviceTypeSpec;
import dev.homeenergy.core.Device;
import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.DeviceDoctor;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.core.Namings;
import java.time.Duration;

/**
 * Tesla Wall Connector Gen 3 over its local, unauthenticated HTTP API ({@code /api/1/vitals},
 * {@code lifetime}, {@code wifi_status}, {@code version}).
 */
public final class WallConnectorFamily implements DeviceFamily {
  public static final String TYPE = "wallconnector";
  private static final DeviceTypeSpec SPEC =
      DeviceTypeSpec.builder(TYPE)
          .scheme("http")
          .port(80)
          .interval(Duration.ofSeconds(10))
          .timeout(Duration.ofSeconds(5))
          .minimumInterval(
              Duration.ofSeconds(1),
              "a shorter interval only keeps the charger's Wi-Fi module busy (check the unit:"
                  + " 10ms is not 10s)")
          .build();

  private static final Namings<WallConnectorReading> NAMINGS =
      Namings.of(WallConnectorReading.class, c -> new NativeNaming(), c -> new CompatNaming());

  @Override
  public DeviceTypeSpec spec() {
    return SPEC;
  }

  @Override
  public String displayName() {
    return "Tesla Wall Connector Gen 3";
  }

  @Override
  public Device create(DeviceConfig config, DeviceContext context) {
    return new WallConnectorClient(config, context);
  }

  @Override
  public DeviceDoctor doctor(DeviceConfig config, DeviceContext context) {
    return new WallConnectorDoctor(config, context);
  }

  @Override
  public Namings<WallConnectorReading> namings() {
    return NAMINGS;
  }
}
