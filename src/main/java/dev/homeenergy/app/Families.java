package dev.homeenergy.app;

import dev.homeenergy.config.DeviceCheck;
import dev.homeenergy.config.DeviceTypeSpec;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.device.powerwall.PowerwallFamily;
import dev.homeenergy.device.powerwall.sim.PowerwallFamilySimulator;
import dev.homeenergy.device.sunpower.SunpowerFamily;
import dev.homeenergy.device.sunpower.sim.SunpowerFamilySimulator;
import dev.homeenergy.device.tesla.TeslaFamily;
import dev.homeenergy.device.tesla.sim.TeslaFamilySimulator;
import dev.homeenergy.device.wallconnector.WallConnectorFamily;
import dev.homeenergy.device.wallconnector.sim.WallConnectorFamilySimulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The device families an exporter knows, in the order the demo and the help texts show them. {@link
 * #all()} is the one place that lists them; everything else (config keys, commands, help, the demo)
 * learns the families from here.
 *
 * @param list the families, each with its simulator
 */
public record Families(List<Family> list) {

  public Families {
    list = List.copyOf(list);
  }

  /** Every family this build knows. */
  public static Families all() {
    return new Families(
        List.of(
            new Family(new WallConnectorFamily(), new WallConnectorFamilySimulator()),
            new Family(new PowerwallFamily(), new PowerwallFamilySimulator()),
            new Family(new SunpowerFamily(), new SunpowerFamilySimulator()),
            new Family(new TeslaFamily(), new TeslaFamilySimulator())));
  }

  /** These families plus one more (a test's family, say). */
  public Families with(Family another) {
    List<Family> more = new ArrayList<>(list);
    more.add(another);
    return new Families(more);
  }

  /** The production side of every family, for the exporter. */
  public List<DeviceFamily> devices() {
    return list.stream().map(Family::device).toList();
  }

  /** The config specs of every family, by type name. */
  public Map<String, DeviceTypeSpec> specs() {
    Map<String, DeviceTypeSpec> specs = new LinkedHashMap<>();
    list.forEach(f -> specs.put(f.type(), f.device().spec()));
    return specs;
  }

  /** Each family's own check of a device entry of its type, for the config loader. */
  public DeviceCheck checks() {
    return (device, problems) ->
        byType(device.type()).ifPresent(f -> f.device().validate(device, problems));
  }

  /** The type names, in list order. */
  public List<String> types() {
    return list.stream().map(Family::type).toList();
  }

  public Optional<Family> byType(String type) {
    return list.stream().filter(f -> f.type().equals(type)).findFirst();
  }
}
