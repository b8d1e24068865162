package dev.homeenergy.core;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.DeviceTypeSpec;
import java.io.IOException;
import java.util.List;

/**
 * The seam a device family plugs into: its config keys and defaults, its client, its namings and
 * its simulator. Families are listed once, in {@code dev.homeenergy.Families}; adding one touches
 * no core file.
 */
public interface DeviceFamily {

  /** Type name, config defaults and family-specific keys. */
  DeviceTypeSpec spec();

  default String type() {
    return spec().type();
  }

  /** Human name for help texts and the landing page, e.g. "Tesla Wall Connector Gen 3". */
  String displayName();

  /**
   * Checks what only the family can check about a device entry (a required password, a readable
   * certificate file) without creating its client or touching the network.
   *
   * @throws IllegalArgumentException naming the key ({@code devices[NAME].key: ...})
   */
  default void validate(DeviceConfig config) {}

  /** Creates the client of one configured device; it must not do I/O yet. */
  Device create(DeviceConfig config, DeviceContext context);

  /**
   * The longest a poll may take before the core abandons it: the timeout, plus any retrying the
   * family does within a poll (e.g. Powerwall's {@code retry_timeout}).
   */
  default java.time.Duration pollDeadline(DeviceConfig config) {
    return config.timeout();
  }

  /** Renders a reading of this family under the device's naming. */
  Samples render(Reading reading, DeviceConfig config);

  /** Scenario names the simulator accepts; the first is the default. */
  List<String> scenarios();

  /** Fault switch names the simulator accepts. */
  List<String> faults();

  /** Starts a simulated device serving the family's API on loopback (or the given bind host). */
  Simulator simulate(SimulatorOptions options) throws IOException;

  /**
   * Settings a demo device needs that only exist once its simulator runs (a sign-in against the
   * simulated cloud, say), merged into the demo device's {@code extra}.
   *
   * @param simulator the demo device's running simulator
   * @param scratch a private directory the demo may write to
   */
  default java.util.Map<String, Object> demoSettings(Simulator simulator, java.nio.file.Path scratch)
      throws IOException {
    return java.util.Map.of();
  }

  /** The simulated devices {@code demo} starts for this family. */
  List<DemoDevice> demoDevices();
}
