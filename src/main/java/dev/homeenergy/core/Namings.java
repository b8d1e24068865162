package dev.homeenergy.core;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import java.util.function.Function;

/**
 * A family's two namings of its readings, chosen per device by its {@code naming:} key: the native
 * Prometheus-style names and the compat names of the exporter it replaces.
 *
 * @param reading the family's reading inside what its device's poll returned
 * @param nativeNaming the native naming for a device's config
 * @param compatNaming the compat naming for a device's config
 * @param <R> the family's reading type
 */
public record Namings<R extends Reading>(
    Function<Reading, R> reading,
    Function<DeviceConfig, Naming<R>> nativeNaming,
    Function<DeviceConfig, Naming<R>> compatNaming) {

  /** Namings for a family whose polls return its reading type itself. */
  public static <R extends Reading> Namings<R> of(
      Class<R> readingType,
      Function<DeviceConfig, Naming<R>> nativeNaming,
      Function<DeviceConfig, Naming<R>> compatNaming) {
    return new Namings<>(readingType::cast, nativeNaming, compatNaming);
  }

  /** Renders a reading under the naming the device's config chose. */
  public Samples render(Reading polled, DeviceConfig config) {
    Function<DeviceConfig, Naming<R>> chosen =
        config.naming() == NamingStyle.COMPAT ? compatNaming : nativeNaming;
    return Samples.rendered(chosen.apply(config), reading.apply(polled), config.name());
  }
}
