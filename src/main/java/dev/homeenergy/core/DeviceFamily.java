package dev.homeenergy.core;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.DeviceTypeSpec;
import dev.homeenergy.config.FamilyProblems;
import java.time.Duration;

/**
 * The production seam a device family plugs into: its config keys and defaults, its client and its
 * namings. Its simulator is a separate {@code FamilySimulator}; the family list pairs the two, so
 * adding a family is one package plus one line there and touches no core file.
 */
public interface DeviceFamily {

  /**
   * Type name, config defaults and the family's keys, each with its type, so the config loader
   * reads and checks them with their lines and {@code extra} holds typed values.
   */
  DeviceTypeSpec spec();

  default String type() {
    return spec().type();
  }

  /** Human name for help texts and the landing page, e.g. "Tesla Wall Connector Gen 3". */
  String displayName();

  /**
   * Checks what the typed keys of {@link #spec()} cannot (a rule across keys, a certificate file
   * that holds no certificate) without creating the client or touching the network. Reports every
   * problem, each naming its key; the config loader adds the entry's path and the key's line.
   */
  default void validate(DeviceConfig config, FamilyProblems problems) {}

  /** Creates the client of one configured device; it must not do I/O yet. */
  Device create(DeviceConfig config, DeviceContext context);

  /**
   * The longest a poll may take before the engine abandons it: the timeout, plus any retrying the
   * family does within a poll (e.g. Powerwall's {@code retry_timeout}).
   */
  default Duration pollDeadline(DeviceConfig config) {
    return config.timeout();
  }

  /**
   * What {@code home-energy-exporter doctor} checks of one device beyond the network: by default
   * one poll through the family's own client. A family overrides it for steps of its own (a login,
   * each endpoint) and hints at its usual mistakes. Must not do I/O before {@link
   * DeviceDoctor#check()}.
   */
  default DeviceDoctor doctor(DeviceConfig config, DeviceContext context) {
    return DeviceDoctor.polling(config.address(), () -> create(config, context));
  }

  /** The native and compat namings of this family's readings. */
  Namings<?> namings();

  /** Renders a reading of this family under the device's naming. */
  default Samples render(Reading reading, DeviceConfig config) {
    return namings().render(reading, config);
  }
}
