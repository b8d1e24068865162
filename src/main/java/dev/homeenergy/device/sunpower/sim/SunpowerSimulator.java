package dev.homeenergy.device.sunpower.sim;

import com.sun.net.httpserver.HttpExchange;
import dev.homeenergy.simulator.RequestCounter;
import dev.homeenergy.simulator.Simulator;
import dev.homeenergy.simulator.SimulatorExchanges;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.simulator.SimulatorResponse;
import dev.homeenergy.simulator.SimulatorServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated SunPower PVS6 over plain HTTP. Legacy firmware answers {@code
 * /cgi-bin/dl_cgi?Command=DeviceList|Start|Stop|Get_Comm|GridProfileGet|CheckFW} in cJSON's tab
 * format, DeviceList taking a real-time latency per listed device; the 2025 firmware answers 403 to
 * every command and serves {@code /auth?login|logout} and the varserver {@code /vars} instead.
 * {@code /cgi-bin/dl_cgi/supervisor/info} is open on both. Every request first advances a
 * deterministic {@link PvsModel} to the options' clock; {@link PvsFault}s can be switched at run
 * time.
 */
public final class SunpowerSimulator implements Simulator {
  /** The 2025 firmware's login user. */
  public static final String LOGIN_USER = "ssm_owner";

  private static final String DL_CGI = "/cgi-bin/dl_cgi";
  private static final String SUPERVISOR_INFO = DL_CGI + "/supervisor/info";
  private static final String AUTH = "/auth";
  private static final String VARS = "/vars";
  private static final int MAX_VARS_BODY = 1024;
  private static final Duration MAX_HOLD = Duration.ofSeconds(30);
  private static final String AUTH_UNAUTHORIZED =
      "{\"status\": 401, \"description\" : \"Unauthorized\"}";
  private static final String AUTH_BAD_REQUEST =
      "{\"status\": 400, \"description\" : \"Bad request\"}";

  private final SimulatorServer server;
  private final Clock clock;
  private final PvsScenario scenario;
  private final SunpowerSimulatorSettings settings;
  private final PvsModel model;
  private final SunpowerSimulatorIdentity identity;
  private final SunpowerSimulatorLegacyBodies legacy;
  private final SunpowerSimulatorVars vars = new SunpowerSimulatorVars();
  private final SunpowerSimulatorSessions sessions;
  private final RequestCounter commandCounts = new RequestCounter();
  private final AtomicLong logins = new AtomicLong();

  private volatile Set<PvsFault> faults;
  private volatile Duration slowDelay;

  private SunpowerSimulator(
      SimulatorOptions options,
      PvsScenario scenario,
      Set<PvsFault> faults,
      SunpowerSimulatorSettings settings)
      throws IOException {
    this.clock = options.clock();
    this.scenario = scenario;
    this.settings = settings;
    this.faults = faults;
    this.slowDelay = settings.slowDelay();
    this.model = new PvsModel(clock.instant(), settings.inverterCount());
    this.identity = new SunpowerSimulatorIdentity(settings.serial(), scenario.locked());
    this.legacy = new SunpowerSimulatorLegacyBodies(identity);
    this.sessions = new SunpowerSimulatorSessions(settings.sessionLifetime());
    this.server =
        SimulatorServer.http(
            "sunpower", options.bindHost(), options.port(), () -> false, MAX_HOLD, this::handle);
  }

  /** Starts a simulator with {@link SunpowerSimulatorSettings#defaults()}. */
  public static SunpowerSimulator start(SimulatorOptions options) throws IOException {
    return start(options, SunpowerSimulatorSettings.defaults());
  }

  /**
   * Starts a simulator serving on {@code options.bindHost():options.port()} (port 0 picks a free
   * port).
   *
   * @throws IllegalArgumentException for an unknown scenario or fault name, listing the valid ones
   * @throws IOException if the address cannot be bound
   */
  public static SunpowerSimulator start(
      SimulatorOptions options, SunpowerSimulatorSettings settings) throws IOException {
    PvsScenario scenario = PvsScenario.fromCliName(options.scenario());
    Set<PvsFault> faults =
        Set.copyOf(options.faults().stream().map(PvsFault::fromCliName).toList());
    return new SunpowerSimulator(options, scenario, faults, settings);
  }

  /** Scenario names, the default ({@code legacy}) first. */
  public static List<String> scenarioNames() {
    return PvsScenario.cliNames();
  }

  /** Fault switch names as accepted in {@link SimulatorOptions#faults()}. */
  public static List<String> faultNames() {
    return PvsFault.cliNames();
  }

  @Override
  public URI baseUri() {
    return server.baseUri();
  }

  public PvsScenario scenario() {
    return scenario;
  }

  public SunpowerSimulatorSettings settings() {
    return settings;
  }

  public Set<PvsFault> faults() {
    return faults;
  }

  public void setFaults(Set<PvsFault> faults) {
    this.faults = Set.copyOf(faults);
  }

  public synchronized void enable(PvsFault fault) {
    EnumSet<PvsFault> next = EnumSet.noneOf(PvsFault.class);
    next.addAll(faults);
    next.add(fault);
    faults = Set.copyOf(next);
  }

  public synchronized void disable(PvsFault fault) {
    EnumSet<PvsFault> next = EnumSet.noneOf(PvsFault.class);
    next.addAll(faults);
    next.remove(fault);
    faults = Set.copyOf(next);
  }

  public Duration slowDelay() {
    return slowDelay;
  }

  /** Extra real-time delay of DeviceList while {@link PvsFault#SLOW} is on. */
  public void setSlowDelay(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("slow delay must not be negative: " + delay);
    }
    this.slowDelay = delay;
  }

  /** Ends every {@code /auth} session now, as a PVS reboot or the session timeout would. */
  public void expireSessions() {
    sessions.expireAll();
  }

  /** Advances the model to the clock and returns the site's latest reading. */
  public PvsModelSnapshot snapshot() {
    synchronized (model) {
      model.advanceTo(clock.instant());
      return model.snapshot();
    }
  }

  /** Devices a DeviceList lists now (supervisor, meters, inverters, ESS devices). */
  public int deviceCount() {
    return SunpowerSimulatorLegacyBodies.deviceCount(
        settings.inverterCount(), scenario.storage(), faults);
  }

  /**
   * Every {@code /auth} session id it has handed out, for tests that check no session ever shows.
   */
  public Set<String> issuedSessions() {
    return sessions.issued();
  }

  /** Successful {@code /auth?login} requests. */
  public long logins() {
    return logins.get();
  }

  /**
   * Requests received for {@code path} (e.g. {@code /cgi-bin/dl_cgi}, {@code /vars}), answered or
   * not.
   */
  public long requestCount(String path) {
    return server.requests().of(path);
  }

  /** Requests received per path, sorted by path. */
  public Map<String, Long> requestCounts() {
    return server.requests().all();
  }

  /** {@code dl_cgi?Command=} requests received for {@code command} (e.g. {@code DeviceList}). */
  public long commandCount(String command) {
    return commandCounts.of(command);
  }

  /** Exchanges accepted but not yet answered (DeviceList latency, {@code slow}). */
  public int pendingExchanges() {
    return server.exchanges().pendingCount();
  }

  @Override
  public void close() {
    server.close();
  }

  private void handle(HttpExchange exchange, SimulatorExchanges exchanges) throws IOException {
    if (faults.contains(PvsFault.HTTP_500)) {
      exchanges.send(exchange, SimulatorResponse.text(500, "Internal Server Error"));
      return;
    }
    switch (exchange.getRequestURI().getPath()) {
      case DL_CGI -> command(exchange, exchanges);
      case SUPERVISOR_INFO ->
          exchanges.send(exchange, SimulatorResponse.json(legacy.supervisorInfo()));
      case AUTH -> exchanges.send(exchange, servesVars() ? auth(exchange) : notFound());
      case VARS -> exchanges.send(exchange, servesVars() ? vars(exchange) : notFound());
      default -> exchanges.send(exchange, notFound());
    }
  }

  private void command(HttpExchange exchange, SimulatorExchanges exchanges) {
    String command =
        SunpowerSimulatorVars.parse(exchange.getRequestURI().getRawQuery()).get("Command");
    if (command != null) {
      commandCounts.count(command);
    }
    if (scenario.locked()
        || faults.contains(PvsFault.DL_CGI_FORBIDDEN)
        || ("DeviceList".equals(command) && takeForbiddenOnce())) {
      exchanges.send(
          exchange, SimulatorResponse.json(403, SunpowerSimulatorLegacyBodies.FORBIDDEN));
      return;
    }
    if (command == null) {
      exchanges.send(exchange, SimulatorResponse.json(400, legacy.unknownCommand("")));
      return;
    }
    Instant now = clock.instant();
    Set<PvsFault> active = faults;
    switch (command) {
      case "DeviceList" -> deviceList(exchange, exchanges, now, active);
      case "Start" -> exchanges.send(exchange, SimulatorResponse.json(legacy.start()));
      case "Stop" -> exchanges.send(exchange, SimulatorResponse.json(legacy.stop()));
      case "Get_Comm" -> exchanges.send(exchange, SimulatorResponse.json(legacy.comm(now)));
      case "CheckFW" -> exchanges.send(exchange, SimulatorResponse.json(legacy.checkFirmware()));
      case "GridProfileGet" ->
          exchanges.send(
              exchange,
              SimulatorResponse.json(
                  active.contains(PvsFault.GRID_PROFILE_ERROR)
                      ? legacy.gridProfileError()
                      : legacy.gridProfile()));
      default ->
          exchanges.send(exchange, SimulatorResponse.json(400, legacy.unknownCommand(command)));
    }
  }

  private boolean servesVars() {
    return scenario.locked() || faults.contains(PvsFault.DL_CGI_FORBIDDEN);
  }

  private synchronized boolean takeForbiddenOnce() {
    if (!faults.contains(PvsFault.FORBIDDEN_ONCE)) {
      return false;
    }
    disable(PvsFault.FORBIDDEN_ONCE);
    return true;
  }

  private void deviceList(
      HttpExchange exchange, SimulatorExchanges exchanges, Instant now, Set<PvsFault> active) {
    PvsModelSnapshot snapshot = snapshot();
    int devices =
        SunpowerSimulatorLegacyBodies.deviceCount(
            settings.inverterCount(), scenario.storage(), active);
    Duration perDevice = settings.perDeviceLatency();
    String body = legacy.deviceList(snapshot, now, perDevice, scenario.storage(), active);
    Duration delay = perDevice.multipliedBy(devices);
    if (active.contains(PvsFault.SLOW)) {
      delay = delay.plus(slowDelay);
    }
    if (delay.isZero()) {
      exchanges.send(exchange, SimulatorResponse.json(body));
    } else {
      exchanges.sendAfter(exchange, SimulatorResponse.json(body), delay);
    }
  }

  private SimulatorResponse auth(HttpExchange exchange) {
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("POST")) {
      return SimulatorResponse.json(
          405, "{\"status\": 405, \"description\" : \"Method Not Allowed\"}");
    }
    String query = exchange.getRequestURI().getRawQuery();
    Instant now = clock.instant();
    if ("login".equals(query)) {
      if (!credentialsValid(exchange.getRequestHeaders().getFirst("Authorization"))) {
        return SimulatorResponse.json(401, AUTH_UNAUTHORIZED);
      }
      String address = exchange.getRemoteAddress().getAddress().getHostAddress();
      String session = sessions.login(address, now);
      logins.incrementAndGet();
      return SimulatorResponse.json("{\"session\": \"" + session + "\" }")
          .withHeader("Set-Cookie", List.of("session=" + session + "; Secure; HttpOnly"));
    }
    if ("logout".equals(query)) {
      return sessions.logout(sessionCookie(exchange), now)
          ? new SimulatorResponse(204, SimulatorResponse.JSON, "")
          : SimulatorResponse.json(401, AUTH_UNAUTHORIZED);
    }
    return SimulatorResponse.json(400, AUTH_BAD_REQUEST);
  }

  private boolean credentialsValid(String authorization) {
    if (authorization == null) {
      return false;
    }
    String[] parts = authorization.trim().split("\\s+", 2);
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("basic")) {
      return false;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(parts[1]), StandardCharsets.UTF_8);
      return decoded.equals(LOGIN_USER + ":" + settings.password());
    } catch (IllegalArgumentException notBase64) {
      return false;
    }
  }

  private SimulatorResponse vars(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String query;
    if (method.equals("GET")) {
      query = exchange.getRequestURI().getRawQuery();
    } else if (method.equals("POST")) {
      byte[] body;
      try (InputStream in = exchange.getRequestBody()) {
        body = in.readNBytes(MAX_VARS_BODY + 1);
      }
      if (body.length > MAX_VARS_BODY) {
        return SimulatorResponse.json(
            413, SunpowerSimulatorVars.error(413, "Invalid Content-Length"));
      }
      query = new String(body, StandardCharsets.UTF_8);
    } else {
      return SimulatorResponse.json(405, SunpowerSimulatorVars.error(405, "Method Not Allowed"));
    }
    Instant now = clock.instant();
    boolean authenticated = sessions.valid(sessionCookie(exchange), now);
    Set<PvsFault> active = faults;
    return vars.answer(
        query,
        authenticated,
        written -> {
          synchronized (model) {
            model.advanceTo(now);
            return SunpowerSimulatorVarsNamespace.variables(
                identity,
                model.snapshot(),
                model.measurement(),
                now,
                scenario.storage(),
                active,
                written);
          }
        });
  }

  private static String sessionCookie(HttpExchange exchange) {
    List<String> cookies = exchange.getRequestHeaders().get("Cookie");
    if (cookies == null) {
      return null;
    }
    for (String header : cookies) {
      for (String cookie : header.split(";")) {
        String trimmed = cookie.trim();
        if (trimmed.startsWith("session=")) {
          return trimmed.substring("session=".length());
        }
      }
    }
    return null;
  }

  private static SimulatorResponse notFound() {
    return SimulatorResponse.text(404, "Not Found");
  }
}
