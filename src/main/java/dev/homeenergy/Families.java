package dev.homeenergy;

import dev.homeenergy.config.DeviceTypeSpec;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.device.powerwall.PowerwallFamily;
import dev.homeenergy.device.sunpower.SunpowerFamily;
import dev.homeenergy.device.tesla.TeslaFamily;
import dev.homeenergy.device.wallconnector.WallConnectorFamily;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The one place that lists every device family the exporter knows. */
public final class Families {
  private Families() {}

  /** Every family, in the order the demo and the help texts show them. */
  public static List<DeviceFamily> all() {
    return List.of(new WallConnectorFamily(), new PowerwallFamily(), new SunpowerFamily(), new TeslaFamily());
  }

  /** The config specs of {@code families}, by type name. */
  public static Map<String, DeviceTypeSpec> specs(List<DeviceFamily> families) {
    Map<String, DeviceTypeSpec> specs = new LinkedHashMap<>();
    families.forEach(f -> specs.put(f.type(), f.spec()));
    return specs;
  }

  public static Optional<DeviceFamily> byType(List<DeviceFamily> families, String type) {
    return families.stream().filter(f -> f.type().equals(type)).findFirst();
  }
}
