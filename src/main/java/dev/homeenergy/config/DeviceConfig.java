package dev.homeenergy.config;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One validated {@code devices:} entry with every default applied.
 *
 * @param name unique name, exported as the {@code device} label
 * @param type the family's type name
 * @param address base URI of the device, e.g. {@code http://192.168.1.50:80}
 * @param interval time between the starts of two polls while the device answers
 * @param timeout hard deadline of one poll, all requests included
 * @param staleAfter readings older than this are no longer exported (default 5 × interval)
 * @param naming metric naming of the device's readings
 * @param extra family-specific settings ({@link DeviceTypeSpec#extraKeys()}); values are
 *     strings, numbers, booleans or {@link Secret}s
 */
public record DeviceConfig(
    String name,
    String type,
    URI address,
    Duration interval,
    Duration timeout,
    Duration staleAfter,
    NamingStyle naming,
    Map<String, Object> extra) {

  public DeviceConfig {
    extra = Map.copyOf(extra);
  }
}
