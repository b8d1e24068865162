package dev.homeenergy.simulator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The simulator side of a device family: the scenarios and faults its simulated device plays, how
 * to start one, and the devices the demo runs. Each family implements it in its {@code sim}
 * package, which its client code never imports; the family list pairs it with the family.
 */
public interface FamilySimulator {

  /** Scenario names the simulator accepts; the first is the default. */
  List<String> scenarios();

  /** Fault switch names the simulator accepts. */
  List<String> faults();

  /**
   * The family's own settings of a simulated device, each a {@code simulate} flag; the family reads
   * their values from {@link SimulatorOptions#settings()}. Most families have none.
   */
  default List<SimulatorKnob> knobs() {
    return List.of();
  }

  /**
   * A few words for {@code simulate --help} about what the simulated device needs (e.g. {@code
   * HTTPS, password simulated-password}); empty when there is nothing to say.
   */
  default String usageNote() {
    return "";
  }

  /**
   * What a user needs to point the exporter at a running simulator beyond its address (the
   * simulated gateway's password, the simulated cloud's client id and secret), one line each, which
   * {@code simulate} prints under the simulator's address; empty when the address is enough.
   */
  default List<String> describe(Simulator simulator) {
    return List.of();
  }

  /** Starts a simulated device serving the family's API on loopback (or the given bind host). */
  Simulator start(SimulatorOptions options) throws IOException;

  /** The simulated devices {@code demo} starts for this family. */
  List<DemoDevice> demoDevices();

  /**
   * Settings a demo device needs that only exist once its simulator runs (a sign-in against the
   * simulated cloud, say), merged into the demo device's {@code extra}.
   *
   * @param simulator the demo device's running simulator
   * @param scratch a private directory the demo may write to
   */
  default Map<String, Object> demoSettings(Simulator simulator, Path scratch) throws IOException {
    return Map.of();
  }
}
