package dev.homeenergy.device.tesla;

import dev.homeenergy.config.DeviceConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Tesla-specific keys of a device entry that the polling client needs.
 *
 * @param tokenFile where the OAuth tokens live (the seed 002 layout)
 * @param vehicles {@code all}, or the VINs / display names to read
 * @param energySites {@code all}, or the energy site ids to read
 * @param budgetDollars monthly Fleet API budget the poller keeps to
 * @param locationScope whether the token has {@code vehicle_location}, so {@code location_data} is
 *     asked for
 * @param policy how often each car is read and when it is left to sleep
 * @param vehicleIndex read only the car at this position of the vehicle list (clamped to the list,
 *     as the seed 002 exporter did), or null for {@code vehicles}
 */
public record TeslaSettings(
    Path tokenFile,
    List<String> vehicles,
    List<String> energySites,
    double budgetDollars,
    boolean locationScope,
    VehicleSleepPolicy.Settings policy,
    Integer vehicleIndex) {

  public TeslaSettings {
    vehicles = List.copyOf(vehicles);
    energySites = List.copyOf(energySites);
  }

  /** Settings selecting cars by {@code vehicles}. */
  public TeslaSettings(
      Path tokenFile,
      List<String> vehicles,
      List<String> energySites,
      double budgetDollars,
      boolean locationScope,
      VehicleSleepPolicy.Settings policy) {
    this(tokenFile, vehicles, energySites, budgetDollars, locationScope, policy, null);
  }

  /** Whether the car with this VIN or display name is to be read. */
  public boolean wantsVehicle(String vin, String name) {
    return vehicles.contains("all")
        || vehicles.contains(vin)
        || (name != null && vehicles.contains(name));
  }

  /** Whether the energy site with this id is to be read. */
  public boolean wantsSite(String siteId) {
    return energySites.contains("all") || energySites.contains(siteId);
  }

  /**
   * Reads a list setting (a comma-separated text from a drop-in command); {@code all} when absent.
   */
  static List<String> list(DeviceConfig config, String key) {
    Object value = config.extra().getOrDefault(key, List.of("all"));
    List<String> items =
        value instanceof List<?> list
            ? list.stream().map(String::valueOf).toList()
            : Arrays.asList(String.valueOf(value).split(","));
    return items.stream()
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .map(s -> s.equalsIgnoreCase("all") ? s.toLowerCase(Locale.ROOT) : s)
        .toList();
  }
}
