package dev.homeenergy.faults;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.simulator.Simulator;
import java.net.URI;
import java.nio.file.Path;
import java.util.function.Predicate;
import javax.net.ssl.SSLContext;

/**
 * One device family as the fault suite drives it: its simulator, a device entry with short timeouts
 * pointing at any address, and a metric that shows the device's data is exported.
 */
interface FaultTarget {
  DeviceFamily family();

  default String type() {
    return family().type();
  }

  /** Starts the family's simulator on loopback. */
  Simulator simulator() throws Exception;

  /** The TLS context a stand-in for the device must serve, or null for plain HTTP. */
  default SSLContext tls() {
    return null;
  }

  /** Request paths whose answers must reach the exporter unchanged (logins). */
  default Predicate<String> rewriteExempt() {
    return path -> false;
  }

  /** An entry for the device {@code name} at {@code address}, served by {@code simulator}. */
  DeviceConfig device(String name, URI address, Simulator simulator, Path scratch) throws Exception;

  /** A metric every good poll exports with a {@code device} label. */
  String dataMetric();

  /** What the exporter does with a fault that is not a failure of the device. */
  Outcome outcome(dev.homeenergy.testing.FaultServer.Fault fault);

  /**
   * The expected result of a fault: a failed poll counted under a reason, or an accepted answer.
   */
  sealed interface Outcome {
    /** The device goes {@code up 0} and the fault is counted under {@code reason}. */
    record Fails(String reason) implements Outcome {}

    /**
     * The device stays {@code up 1} with nothing counted; why this is the sensible reading is in
     * {@code because}. With {@code dataKept} the data metric is still exported, without it the
     * values it comes from were left out.
     */
    record Accepted(String because, boolean dataKept) implements Outcome {}

    /**
     * The device stays {@code up 1} (some endpoints still answer), the endpoints hit are counted
     * under {@code reason} and the data metric is gone; why is in {@code because}.
     */
    record EndpointsFail(String reason, String because) implements Outcome {}
  }
}
