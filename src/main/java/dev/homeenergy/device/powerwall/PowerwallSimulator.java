package dev.homeenergy.device.powerwall;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;
import dev.homeenergy.core.Simulator;
import dev.homeenergy.core.SimulatorOptions;
import dev.homeenergy.simulator.RequestCounter;
import dev.homeenergy.simulator.SimulatorExchanges;
import dev.homeenergy.simulator.SimulatorResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
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
  private static final Set<String> STOPPED_502 = Set.of("system_status/soe", "system_status",
      "system_status/grid_status", "system_status/grid_faults", "meters/aggregates");
  private static final Set<String> DATA_ENDPOINTS = Set.of("status", "system_status/soe",
      "operation", "sitemaster", "troubleshooting/problems", "system_status",
      "system_status/grid_status", "system_status/grid_faults", "meters/aggregates", "meters/site",
      "meters/solar", "meters/battery", "meters/load", "networks", "powerwalls", "site_info",
      "site_info/site_name", "config/completed", "devices/vitals", "logout");
  private static final String PORTAL_HTML = "<!DOCTYPE html><html><head><title>Tesla Energy Gateway"
      + "</title></head><body><div id=\"root\"></div></body></html>";
  private static final int HTTP_THREADS = 4;

  private final GatewayScenario scenario;
  private final PowerwallSimulatorSettings settings;
  private final PowerwallSimulatorFirmware firmware;
  private final Clock clock;
  private final Instant startedAt;
  private final SolarDayModel model;
  private final PowerwallSimulatorBodies bodies;
  private final PowerwallSimulatorMeterBodies meterBodies;
  private final PowerwallSimulatorAuth auth;
  private final HttpsServer httpsServer;
  private final HttpServer httpServer;
  private final ExecutorService executor;
  private final SimulatorExchanges exchanges;
  private final URI baseUri;
  private final URI httpUri;
  private final RequestCounter requestCounts = new RequestCounter();
  private final AtomicLong commissionCount = new AtomicLong(INITIAL_COMMISSION_COUNT);

  private volatile Set<PowerwallSimulatorFault> faults;
  private volatile Duration slowDelay;
  private volatile boolean forcedOffline;
  private volatile boolean closed;

  private PowerwallSimulator(SimulatorOptions options, GatewayScenario scenario,
      Set<PowerwallSimulatorFault> faults, PowerwallSimulatorSettings settings) throws IOException {
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
    this.meterBodies = new PowerwallSimulatorMeterBodies(identity, firmware,
        startedAt.minus(INITIAL_UPTIME).plusSeconds(230));
    this.auth = new PowerwallSimulatorAuth(clock, settings, bodies);

    String host = hostForUri(options.bindHost());
    this.httpsServer = HttpsServer.create(new InetSocketAddress(options.bindHost(), options.port()), 16);
    httpsServer.setHttpsConfigurator(
        PowerwallSimulatorTls.configurator(PowerwallSimulatorTls.serverContext(settings.certificate())));
    this.httpServer = HttpServer.create(new InetSocketAddress(options.bindHost(), 0), 16);
    int port = httpsServer.getAddress().getPort();
    String threadPrefix = "powerwall-sim-" + port;
    AtomicInteger threadNumber = new AtomicInteger();
    this.executor = Executors.newFixedThreadPool(HTTP_THREADS, r -> {
      Thread thread = new Thread(r, threadPrefix + "-http-" + threadNumber.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    this.exchanges = new SimulatorExchanges(this::isOffline, MAX_OUTAGE_HOLD, threadPrefix + "-timer");
    this.baseUri = URI.create("https://" + host + ":" + port);
    this.httpUri = URI.create("http://" + host + ":" + httpServer.getAddress().getPort());
    httpsServer.setExecutor(executor);
    httpsServer.createContext("/", this::handle);
    httpServer.setExecutor(executor);
    httpServer.createContext("/", this::redirect);
    httpsServer.start();
    httpServer.start();
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
  public static PowerwallSimulator start(SimulatorOptions options, PowerwallSimulatorSettings settings)
      throws IOException {
    GatewayScenario scenario = GatewayScenario.fromCliName(options.scenario());
    EnumSet<PowerwallSimulatorFault> faults = EnumSet.noneOf(PowerwallSimulatorFault.class);
    for (String name : options.faults()) {
      faults.add(PowerwallSimulatorFault.fromCliName(name));
    }
    return new PowerwallSimulator(options, scenario, Set.copyOf(faults), settings);
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
    return baseUri;
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

  /** Invalidates every token issued so far. */
  public void expireTokens() {
    auth.expireTokens();
  }

  /** Login POSTs received, whatever their outcome. */
  public long loginAttempts() {
    return auth.loginAttempts();
  }

  public long successfulLogins() {
    return auth.successfulLogins();
  }

  /** {@code commission_count} as {@code /api/status} prints it; each {@code config/completed} adds one. */
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

  /** Takes the second battery pack out of service ({@code DisabledExcessiveVoltageDrop}) or back. */
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

  /** Requests received on the HTTPS port for {@code path} (e.g. {@code /api/status}), answered or not. */
  public long requestCount(String path) {
    return requestCounts.of(path);
  }

  /** Requests received per path, sorted by path. */
  public Map<String, Long> requestCounts() {
    return requestCounts.all();
  }

  /** Exchanges accepted but not yet answered (held by an outage or delayed by {@code slow}). */
  public int pendingExchanges() {
    return exchanges.pendingCount();
  }

  @Override
  public void close() {
    closed = true;
    exchanges.close();
    httpsServer.stop(0);
    httpServer.stop(0);
    executor.shutdownNow();
  }

  private boolean inFlakyOutage(Instant now) {
    if (!scenario.flaky() || settings.flakyOutage().isZero()) {
      return false;
    }
    long period = settings.flakyPeriod().toMillis();
    long intoPeriod = Math.floorMod(Duration.between(startedAt, now).toMillis(), period);
    return intoPeriod >= period - settings.flakyOutage().toMillis();
  }

  private void handle(HttpExchange exchange) {
    String path = exchange.getRequestURI().getPath();
    requestCounts.count(path);
    try {
      if (closed) {
        exchange.close();
        return;
      }
      if (isOffline()) {
        exchanges.hold(exchange);
        return;
      }
      SimulatorResponse response = GatewayResponses.withGatewayHeaders(respond(exchange, path));
      Duration delay = slowDelay;
      if (faults.contains(PowerwallSimulatorFault.SLOW) && !delay.isZero()) {
        exchanges.sendAfter(exchange, response, delay);
      } else {
        exchanges.send(exchange, response);
      }
    } catch (IOException | RuntimeException e) {
      exchanges.send(exchange, SimulatorResponse.text(500, "simulator error: " + e));
    }
  }

  private void redirect(HttpExchange exchange) {
    if (closed) {
      exchange.close();
      return;
    }
    if (isOffline()) {
      exchanges.hold(exchange);
      return;
    }
    String target = baseUri + exchange.getRequestURI().toString();
    exchanges.send(exchange, new SimulatorResponse(301, SimulatorResponse.HTML,
        "<a href=\"" + target + "\">Moved Permanently</a>.\n\n", Map.of("Location", List.of(target))));
  }

  private SimulatorResponse respond(HttpExchange exchange, String path) throws IOException {
    String method = exchange.getRequestMethod();
    if (path.equals("/")) {
      return scenario == GatewayScenario.POWERWALL3
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
    if (!DATA_ENDPOINTS.contains(endpoint) || !scenario.answers(endpoint)
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
    if (faults.contains(PowerwallSimulatorFault.HTTP_500)) {
      return SimulatorResponse.json(500,
          bodies.error(500, "Internal Server Error", "Internal Server Error"));
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

  /** The address clients use: loopback when bound to the wildcard address. */
  private static String hostForUri(String bindHost) {
    if (bindHost.equals("0.0.0.0") || bindHost.equals("::") || bindHost.isEmpty()) {
      return "127.0.0.1";
    }
    return bindHost.contains(":") ? "[" + bindHost + "]" : bindHost;
  }
}
