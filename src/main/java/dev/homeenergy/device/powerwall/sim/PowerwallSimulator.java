package dev.homeenergy.device.powerwall.sim;

import com.sun.net.httpserver.HttpExchange;
import dev.homeenergy.simulator.Simulator;
import dev.homeenergy.simulator.SimulatorExchanges;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.simulator.SimulatorResponse;
import dev.homeenergy.simulator.SimulatorServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated Tesla Energy Gateway (Powerwall) serving the local {@code /api/} over HTTPS with its
 * own self-signed certificate, plus a plain-HTTP port that redirects everything to HTTPS, as
 * firmware since 1.20 does. Clients log in with {@code POST /api/login/Basic} and present the token
 * as {@code AuthCookie} cookie or bearer token. Every data request first advances a deterministic
 * {@link SolarDayModel} to the options' clock, then renders the bodies of the scenario's firmware.
 * The gateway can be taken off the network ({@link #setOffline(boolean)}, or periodically by the
 * {@code flaky} scenario): connections are then accepted but never answered.
 *
 * <p>Data requests without a live token answer 401 {@code {"code":401,"error":"Token
 * Expired","message":"Token Expired"}}; the real body for an expired token was never captured, so
 * this one is invented in the gateway's error shape.
 */
public final class PowerwallSimulator implements Simulator {
  public static final String DEFAULT_PASSWORD = PowerwallSimulatorSettings.DEFAULT_PASSWORD;

  /** Real time after which an exchange held by an outage is closed anyway. */
  public static final Duration MAX_OUTAGE_HOLD = Duration.ofSeconds(30);

  private static final String API = "/api/";
  private static final String LOGIN = "login/Basic";
  private static final Duration INITIAL_UPTIME = Duration.ofSeconds(831_359, 932_079_901);
  private static final long INITIAL_COMMISSION_COUNT = 11;
  private static final Set<String> STOPPED_502 =
      Set.of(
          "system_status/soe",
          "system_status",
          "system_status/grid_status",
          "system_status/grid_faults",
          "meters/aggregates");
  private static final Set<String> DATA_ENDPOINTS =
      Set.of(
          "status",
          "system_status/soe",
          "operation",
          "sitemaster",
          "troubleshooting/problems",
          "system_status",
          "system_status/grid_status",
          "system_status/grid_faults",
          "meters/aggregates",
          "meters/site",
          "meters/solar",
          "meters/battery",
          "meters/load",
          "networks",
          "powerwalls",
          "site_info",
          "site_info/site_name",
          "config/completed",
          "devices/vitals",
          "logout");
  private static final String PORTAL_HTML =
      "<!DOCTYPE html><html><head><title>Tesla Energy Gateway"
          + "</title></head><body><div id=\"root\"></div></body></html>";

  private final GatewayScenario scenario;
  private final PowerwallSimulatorSettings settings;
  private final PowerwallSimulatorFirmware firmware;
  private final Clock clock;
  private final Instant startedAt;
  private final SolarDayModel model;
  private final PowerwallSimulatorBodies bodies;
  private final PowerwallSimulatorMeterBodies meterBodies;
  private final PowerwallSimulatorAuth auth;
  private final SimulatorServer server;
  private final URI httpUri;
  private final AtomicLong commissionCount = new AtomicLong(INITIAL_COMMISSION_COUNT);
  private final PowerwallSimulatorTedapi tedapi;

  private volatile Set<PowerwallSimulatorFault> faults;
  private volatile Duration slowDelay;
  private volatile boolean forcedOffline;

  private PowerwallSimulator(
      SimulatorOptions options,
      GatewayScenario scenario,
      Set<PowerwallSimulatorFault> faults,
      PowerwallSimulatorSettings settings)
      throws IOException {
    this.scenario = scenario;
    this.settings = settings;
    this.firmware = PowerwallSimulatorFirmware.of(scenario);
    this.clock = options.clock();
    this.startedAt = clock.instant();
    this.faults = faults;
    this.slowDelay = settings.slowDelay();
    PowerwallSimulatorIdentity identity = PowerwallSimulatorIdentity.defaults();
    this.model = new SolarDayModel(startedAt, scenario.packs(), scenario.gridOutage());
    this.bodies = new PowerwallSimulatorBodies(identity, firmware, scenario.packs());
    this.meterBodies =
        new PowerwallSimulatorMeterBodies(
            identity, firmware, startedAt.minus(INITIAL_UPTIME).plusSeconds(230));
    this.auth = new PowerwallSimulatorAuth(clock, settings, bodies);
    this.tedapi =
        scenario.tedapi()
            ? new PowerwallSimulatorTedapi(scenario, this::snapshot, () -> this.faults)
            : null;

    this.server =
        SimulatorServer.https(
            "powerwall",
            options.bindHost(),
            options.port(),
            PowerwallSimulatorTls.configurator(
                PowerwallSimulatorTls.serverContext(settings.certificate())),
            this::isOffline,
            MAX_OUTAGE_HOLD,
            this::handle);
    try {
      this.httpUri = server.listenPlain(this::redirect);
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** Starts a simulator with {@link PowerwallSimulatorSettings#defaults()}. */
  public static PowerwallSimulator start(SimulatorOptions options) throws IOException {
    return start(options, PowerwallSimulatorSettings.defaults());
  }

  /**
   * Starts a simulator serving HTTPS on {@code options.bindHost():options.port()} (port 0 picks a
   * free port) and plain HTTP on another free port.
   *
   * @throws IllegalArgumentException for an unknown scenario or fault name, listing the valid ones
   * @throws IOException if an address cannot be bound
   */
  public static PowerwallSimulator start(
      SimulatorOptions options, PowerwallSimulatorSettings settings) throws IOException {
    GatewayScenario scenario = GatewayScenario.fromCliName(options.scenario());
    if (scenario.tedapi() && settings.password().equals(DEFAULT_PASSWORD)) {
      String gateway = PowerwallSimulatorTedapi.GATEWAY_PASSWORD;
      settings = settings.withPassword(gateway.substring(gateway.length() - 5));
    }
    Set<PowerwallSimulatorFault> faults =
        Set.copyOf(options.faults().stream().map(PowerwallSimulatorFault::fromCliName).toList());
    return new PowerwallSimulator(options, scenario, faults, settings);
  }

  /** Scenario names, the default ({@code powerwall2}) first. */
  public static List<String> scenarioNames() {
    return GatewayScenario.cliNames();
  }

  /** Fault switch names as accepted in {@link SimulatorOptions#faults()}. */
  public static List<String> faultNames() {
    return PowerwallSimulatorFault.cliNames();
  }

  /** {@code https://127.0.0.1:<port>}. */
  @Override
  public URI baseUri() {
    return server.baseUri();
  }

  /** The plain-HTTP port, which answers every request with a 301 to {@link #baseUri()}. */
  public URI httpUri() {
    return httpUri;
  }

  public GatewayScenario scenario() {
    return scenario;
  }

  public PowerwallSimulatorSettings settings() {
    return settings;
  }

  /** The certificate the HTTPS port presents. */
  public X509Certificate certificate() {
    return PowerwallSimulatorTls.certificate(settings.certificate());
  }

  public void setPassword(String password) {
    auth.setPassword(password);
  }

  /** The password TEDAPI requests must carry, or null when the scenario has no TEDAPI. */
  public String gatewayPassword() {
    return tedapi == null ? null : PowerwallSimulatorTedapi.GATEWAY_PASSWORD;
  }

  /** Changes the gateway password TEDAPI accepts. */
  public void setGatewayPassword(String password) {
    if (tedapi != null) {
      tedapi.setPassword(password);
    }
  }

  /** The leader's DIN as {@code /tedapi/din} answers it, or null without TEDAPI. */
  public String tedapiDin() {
    return tedapi == null ? null : tedapi.din();
  }

  /** The DIN of the simulated follower Powerwall 3. */
  public static String followerDin() {
    return PowerwallSimulatorTedapi.FOLLOWER_DIN;
  }

  /** The DIN of the Tesla Remote Meter on the {@code powerwall2-tedapi} site. */
  public static String remoteMeterDin() {
    return PowerwallSimulatorTedapi.REMOTE_METER_DIN;
  }

  /** Invalidates every token issued so far. */
  public void expireTokens() {
    auth.expireTokens();
  }

  /** Login POSTs received, whatever their outcome. */
  /** Every session token it has handed out, for tests that check no token ever shows. */
  public Set<String> issuedTokens() {
    return auth.issuedTokens();
  }

  public long loginAttempts() {
    return auth.loginAttempts();
  }

  public long successfulLogins() {
    return auth.successfulLogins();
  }

  /**
   * {@code commission_count} as {@code /api/status} prints it; each {@code config/completed} adds
   * one.
   */
  public long commissionCount() {
    return commissionCount.get();
  }

  public Set<PowerwallSimulatorFault> faults() {
    return faults;
  }

  public synchronized void setFaults(Set<PowerwallSimulatorFault> newFaults) {
    this.faults = Set.copyOf(newFaults);
  }

  /** Real-time delay of every answer while {@link PowerwallSimulatorFault#SLOW} is on. */
  public void setSlowDelay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("slow delay must not be negative: " + delay);
    }
    this.slowDelay = delay;
  }

  /** Forces the gateway off (or back on) the network, whatever the scenario. */
  public void setOffline(boolean offline) {
    this.forcedOffline = offline;
  }

  /**
   * Takes the second battery pack out of service ({@code DisabledExcessiveVoltageDrop}) or back.
   */
  public void setDisabledPack(boolean disabled) {
    synchronized (model) {
      model.advanceTo(clock.instant());
      model.setDisabledPack(disabled);
    }
  }

  /** Whether requests are left unanswered now: forced offline or in a {@code flaky} outage. */
  public boolean isOffline() {
    return forcedOffline || inFlakyOutage(clock.instant());
  }

  /** Advances the model to the clock and returns what the gateway measures now. */
  public SolarDaySnapshot snapshot() {
    synchronized (model) {
      model.advanceTo(clock.instant());
      return model.snapshot();
    }
  }

  /**
   * Requests received on the HTTPS port for {@code path} (e.g. {@code /api/status}), answered or
   * not.
   */
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

  private boolean inFlakyOutage(Instant now) {
    if (!scenario.flaky() || settings.flakyOutage().isZero()) {
      return false;
    }
    long period = settings.flakyPeriod().toMillis();
    long intoPeriod = Math.floorMod(Duration.between(startedAt, now).toMillis(), period);
    return intoPeriod >= period - settings.flakyOutage().toMillis();
  }

  private void handle(HttpExchange exchange, SimulatorExchanges exchanges) throws IOException {
    if (tedapi != null && exchange.getRequestURI().getPath().startsWith("/tedapi/")) {
      if (isOffline()) {
        exchanges.hold(exchange);
      } else {
        tedapi.handle(exchange);
      }
      return;
    }
    SimulatorResponse response =
        GatewayResponses.withGatewayHeaders(respond(exchange, exchange.getRequestURI().getPath()));
    Duration delay = slowDelay;
    if (faults.contains(PowerwallSimulatorFault.SLOW) && !delay.isZero()) {
      exchanges.sendAfter(exchange, response, delay);
    } else {
      exchanges.send(exchange, response);
    }
  }

  private void redirect(HttpExchange exchange, SimulatorExchanges exchanges) {
    String target = server.baseUri() + exchange.getRequestURI().toString();
    exchanges.send(
        exchange,
        new SimulatorResponse(
            301,
            SimulatorResponse.HTML,
            "<a href=\"" + target + "\">Moved Permanently</a>.\n\n",
            Map.of("Location", List.of(target))));
  }

  private SimulatorResponse respond(HttpExchange exchange, String path) throws IOException {
    String method = exchange.getRequestMethod();
    if (path.equals("/")) {
      return scenario.powerwall3()
          ? GatewayResponses.notFound()
          : new SimulatorResponse(200, SimulatorResponse.HTML, PORTAL_HTML, Map.of());
    }
    if (!path.startsWith(API)) {
      return GatewayResponses.notFound();
    }
    String endpoint = path.substring(API.length());
    if (endpoint.equals(LOGIN)) {
      if (!method.equals("POST")) {
        return SimulatorResponse.text(405, "Method Not Allowed");
      }
      String body;
      try (InputStream in = exchange.getRequestBody()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      return auth.login(exchange.getRequestHeaders().getFirst("Content-Type"), body);
    }
    if (!DATA_ENDPOINTS.contains(endpoint)
        || !scenario.answers(endpoint)
        || (endpoint.equals("devices/vitals") && firmware.is23())) {
      return GatewayResponses.notFound();
    }
    if (!method.equals("GET")) {
      return SimulatorResponse.text(405, "Method Not Allowed");
    }
    if (!auth.authorized(exchange.getRequestHeaders())) {
      return SimulatorResponse.json(401, bodies.error(401, "Token Expired", "Token Expired"));
    }
    if (endpoint.equals("logout")) {
      auth.logout(exchange.getRequestHeaders());
      return SimulatorResponse.text(204, "");
    }
    if (faults.contains(PowerwallSimulatorFault.FORBIDDEN_NETWORKS)
        && endpoint.equals("networks")) {
      return SimulatorResponse.json(
          403, bodies.error(403, "Forbidden", "Unable to GET to resource"));
    }
    if (faults.contains(PowerwallSimulatorFault.HTTP_500)) {
      return SimulatorResponse.json(
          500, bodies.error(500, "Internal Server Error", "Internal Server Error"));
    }
    if (scenario.sitemasterStopped() && STOPPED_502.contains(endpoint)) {
      return GatewayResponses.badGateway();
    }
    if (endpoint.equals("devices/vitals")) {
      return new SimulatorResponse(200, "application/octet-stream", "", Map.of());
    }
    return SimulatorResponse.json(body(endpoint));
  }

  private String body(String endpoint) {
    SolarDaySnapshot now = snapshot();
    return switch (endpoint) {
      case "status" -> status(commissionCount.get(), now);
      case "config/completed" -> status(commissionCount.incrementAndGet(), now);
      case "system_status/soe" -> bodies.soe(now.percentage());
      case "operation" -> bodies.operation(SolarDayModel.BACKUP_RESERVE_PERCENT);
      case "sitemaster" -> bodies.sitemaster(!scenario.sitemasterStopped());
      case "troubleshooting/problems" -> bodies.problems();
      case "system_status" -> meterBodies.systemStatus(now);
      case "system_status/grid_status" -> bodies.gridStatus(now.islanded());
      case "meters/aggregates" -> meterBodies.aggregates(now);
      case "meters/site" -> meterBodies.siteMeters(now);
      case "meters/solar" -> meterBodies.solarMeters(now);
      case "networks" -> bodies.networks();
      case "powerwalls" -> bodies.powerwalls(now.time(), now.nanos());
      case "site_info" -> bodies.siteInfo();
      case "site_info/site_name" -> bodies.siteName();
      default -> bodies.emptyArray();
    };
  }

  private String status(long count, SolarDaySnapshot now) {
    Duration upTime = INITIAL_UPTIME.plus(Duration.between(startedAt, now.time()));
    return bodies.status(startedAt.minus(INITIAL_UPTIME), upTime, count);
  }
}
