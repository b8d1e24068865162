package dev.homeenergy.device.wallconnector.sim;

import com.sun.net.httpserver.HttpExchange;
import dev.homeenergy.device.wallconnector.Firmware;
import dev.homeenergy.simulator.Simulator;
import dev.homeenergy.simulator.SimulatorExchanges;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.simulator.SimulatorResponse;
import dev.homeenergy.simulator.SimulatorServer;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A simulated Tesla Wall Connector Gen 3 serving {@code /api/1/vitals}, {@code lifetime}, {@code
 * wifi_status} and {@code version} over plain HTTP, so the exporter can be developed, tested and
 * demonstrated without a unit. Every request first advances a deterministic {@link ChargeModel} to
 * the options' clock, then renders the bodies for the selected {@link Firmware}, then applies the
 * active {@link Fault}s. The unit can be taken off the network ({@link #setOffline(boolean)}, or
 * periodically by the {@code flaky} scenario): connections are then accepted but never answered.
 */
public final class WallConnectorSimulator implements Simulator {
  /** Real time after which an exchange held by an outage is closed anyway. */
  public static final Duration MAX_OUTAGE_HOLD = Duration.ofSeconds(30);

  /** Default real-time delay of the {@code slow} fault. */
  public static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(10);

  private static final String API_PREFIX = "/api/1/";
  private static final String VITALS = API_PREFIX + "vitals";
  private static final String LIFETIME = API_PREFIX + "lifetime";
  private static final String WIFI_STATUS = API_PREFIX + "wifi_status";
  private static final String VERSION = API_PREFIX + "version";
  private static final String CAPTIVE_PORTAL_HTML =
      "<!DOCTYPE html><html><head><title>Sign in to network</title></head>"
          + "<body><h1>Welcome</h1><p>Please sign in to continue.</p></body></html>";

  private final SimulatorServer server;
  private final Clock clock;
  private final ChargeModel model;
  private final SimulatedBodies bodies;

  private volatile Firmware firmware;
  private volatile Set<Fault> faults;
  private volatile Duration slowDelay = DEFAULT_SLOW_DELAY;
  private volatile boolean forcedOffline;

  private WallConnectorSimulator(
      SimulatorOptions options,
      Scenario scenario,
      Set<Fault> faults,
      Firmware firmware,
      SimulatedIdentity identity)
      throws IOException {
    this.clock = options.clock();
    this.model = new ChargeModel(scenario, clock.instant());
    this.bodies = new SimulatedBodies(identity);
    this.firmware = firmware;
    this.faults = faults;
    this.server =
        SimulatorServer.http(
            "wallconnector",
            options.bindHost(),
            options.port(),
            this::isOffline,
            MAX_OUTAGE_HOLD,
            this::handle);
  }

  /** Starts a simulator with the default {@link Firmware#V25} and identity. */
  public static WallConnectorSimulator start(SimulatorOptions options) throws IOException {
    return start(options, Firmware.V25, SimulatedIdentity.defaults());
  }

  /**
   * Starts a simulator serving on {@code options.bindHost():options.port()} (port 0 picks a free
   * port).
   *
   * @throws IllegalArgumentException for an unknown scenario or fault name, listing the valid ones
   * @throws IOException if the address cannot be bound
   */
  public static WallConnectorSimulator start(
      SimulatorOptions options, Firmware firmware, SimulatedIdentity identity) throws IOException {
    Scenario scenario = Scenario.fromCliName(options.scenario());
    Set<Fault> faults = Set.copyOf(options.faults().stream().map(Fault::fromCliName).toList());
    return new WallConnectorSimulator(options, scenario, faults, firmware, identity);
  }

  /** Scenario names, the default ({@code idle}) first. */
  public static List<String> scenarioNames() {
    return Scenario.cliNames();
  }

  /** Fault switch names as accepted in {@link SimulatorOptions#faults()}. */
  public static List<String> faultNames() {
    return Fault.cliNames();
  }

  @Override
  public URI baseUri() {
    return server.baseUri();
  }

  public Scenario scenario() {
    return model.scenario();
  }

  public Firmware firmware() {
    return firmware;
  }

  public void setFirmware(Firmware firmware) {
    this.firmware = firmware;
  }

  public Set<Fault> faults() {
    return faults;
  }

  public synchronized void setFaults(Set<Fault> faults) {
    this.faults = Set.copyOf(faults);
  }

  public synchronized void enable(Fault fault) {
    EnumSet<Fault> next = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
    next.add(fault);
    faults = Set.copyOf(next);
  }

  public synchronized void disable(Fault fault) {
    EnumSet<Fault> next = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
    next.remove(fault);
    faults = Set.copyOf(next);
  }

  public Duration slowDelay() {
    return slowDelay;
  }

  /** Real-time delay of every answer while {@link Fault#SLOW} is on. */
  public void setSlowDelay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("slow delay must not be negative: " + delay);
    }
    this.slowDelay = delay;
  }

  /** Forces the unit off (or back on) the network, whatever the scenario. */
  public void setOffline(boolean offline) {
    this.forcedOffline = offline;
  }

  /**
   * Whether requests are currently left unanswered: forced offline or in a {@code flaky} outage.
   */
  public boolean isOffline() {
    return forcedOffline || model.inOutage(clock.instant());
  }

  /** Advances the model to the clock and returns what the unit reports now. */
  public ChargeModelSnapshot snapshot() {
    synchronized (model) {
      model.advanceTo(clock.instant());
      return model.snapshot();
    }
  }

  /** Lifetime {@code energy_wh} as the unit would print it now. */
  public long lifetimeEnergyWh() {
    return snapshot().lifetime().printedEnergyWh();
  }

  /** Requests received for {@code path} (e.g. {@code /api/1/vitals}), answered or not. */
  public long requestCount(String path) {
    return server.requests().of(path);
  }

  /** Requests received per path, sorted by path. */
  public Map<String, Long> requestCounts() {
    return server.requests().all();
  }

  /** Exchanges accepted but not yet answered (held by an outage or delayed by {@code slow}). */
  public int pendingExchanges() {
    return server.exchanges().pendingCount();
  }

  @Override
  public void close() {
    server.close();
  }

  private void handle(HttpExchange exchange, SimulatorExchanges exchanges) {
    SimulatorResponse response =
        respond(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
    if (faults.contains(Fault.SLOW) && !slowDelay.isZero()) {
      exchanges.sendAfter(exchange, response, slowDelay);
    } else {
      exchanges.send(exchange, response);
    }
  }

  private SimulatorResponse respond(String method, String path) {
    boolean known =
        path.equals(VITALS)
            || path.equals(LIFETIME)
            || path.equals(WIFI_STATUS)
            || path.equals(VERSION);
    if (!path.startsWith(API_PREFIX)) {
      return SimulatorResponse.text(404, "Not Found");
    }
    if (!known) {
      return SimulatorResponse.text(500, "Internal Server Error");
    }
    if (!method.equals("GET")) {
      return SimulatorResponse.text(405, "Method Not Allowed");
    }
    Set<Fault> active = faults;
    if (active.contains(Fault.HTTP_500)) {
      return SimulatorResponse.text(500, "Internal Server Error");
    }
    if (active.contains(Fault.GARBAGE)) {
      return new SimulatorResponse(200, SimulatorResponse.HTML, CAPTIVE_PORTAL_HTML);
    }
    ChargeModelSnapshot now = snapshot();
    String body =
        switch (path) {
          case VITALS -> bodies.vitals(now.vitals(), firmware);
          case LIFETIME -> bodies.lifetime(now.lifetime(), active.contains(Fault.NAN));
          case WIFI_STATUS -> bodies.wifiStatus(now.wifiRssi());
          default -> bodies.version(firmware);
        };
    if (active.contains(Fault.TRUNCATED)) {
      body = body.substring(0, body.length() - 1);
    }
    return SimulatorResponse.json(body);
  }
}
