package dev.homeenergy.device.tesla.sim;

import com.sun.net.httpserver.HttpExchange;
import dev.homeenergy.device.tesla.sim.FleetSimulatorApi.SimCar;
import dev.homeenergy.simulator.Simulator;
import dev.homeenergy.simulator.SimulatorExchanges;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.simulator.SimulatorResponse;
import dev.homeenergy.simulator.SimulatorServer;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A simulated Tesla Fleet API and auth server on one loopback port. {@link #baseUri()} is the Fleet
 * API base ({@code /api/1/…}, {@code /status}); the same port serves {@code /oauth2/v3/authorize}
 * and {@code /oauth2/v3/token} ({@link #authBase()}, {@link #tokenBase()}). Cars follow a {@link
 * FleetVehicleModelDay} and fall asleep when left alone ({@link FleetVehicleModel}); energy sites
 * follow a {@link FleetSimulatorEnergySite} day; answers are billed per {@link
 * FleetSimulatorBilling}. Everything is driven by the options' clock.
 */
public final class TeslaSimulator implements Simulator {
  /**
   * Real time after which an exchange held while offline is closed anyway (never offline today).
   */
  private static final Duration MAX_HOLD = Duration.ofSeconds(30);

  private final Clock clock;
  private final FleetScenario scenario;
  private final TeslaSimulatorSettings settings;
  private final TeslaSimulatorAuth auth;
  private final FleetSimulatorBilling billing = new FleetSimulatorBilling();
  private final Map<String, SimCar> cars;
  private final List<FleetSimulatorEnergySite> sites;
  private final FleetSimulatorApi api;
  private final SimulatorServer server;

  private volatile Set<FleetFault> faults;

  private TeslaSimulator(
      SimulatorOptions options,
      FleetScenario scenario,
      Set<FleetFault> faults,
      TeslaSimulatorSettings settings)
      throws IOException {
    this.clock = options.clock();
    this.scenario = scenario;
    this.settings = settings;
    this.faults = Set.copyOf(faults);
    this.auth = new TeslaSimulatorAuth(clock, settings);
    List<SimCar> carList = FleetSimulatorApi.cars(settings, scenario, clock.instant());
    this.cars = FleetSimulatorApi.byVin(carList);
    List<FleetSimulatorEnergySite> siteList = new ArrayList<>();
    for (int i = 0; i < settings.energySites(); i++) {
      siteList.add(FleetSimulatorEnergySite.of(i));
    }
    this.sites = List.copyOf(siteList);
    this.api =
        new FleetSimulatorApi(
            clock, settings, scenario, auth, billing, carList, sites, () -> this.faults);
    this.server =
        SimulatorServer.http(
            "tesla", options.bindHost(), options.port(), () -> false, MAX_HOLD, this::handle);
  }

  /** Starts a simulator with {@link TeslaSimulatorSettings#defaults()}. */
  public static TeslaSimulator start(SimulatorOptions options) throws IOException {
    return start(options, TeslaSimulatorSettings.defaults());
  }

  /**
   * Starts a simulator on {@code options.bindHost():options.port()} (port 0 picks a free port).
   *
   * @throws IllegalArgumentException for an unknown scenario or fault name, listing the valid ones
   * @throws IOException if the address cannot be bound
   */
  public static TeslaSimulator start(SimulatorOptions options, TeslaSimulatorSettings settings)
      throws IOException {
    FleetScenario scenario = FleetScenario.fromCliName(options.scenario());
    Set<FleetFault> faults =
        Set.copyOf(options.faults().stream().map(FleetFault::fromCliName).toList());
    return new TeslaSimulator(options, scenario, faults, settings);
  }

  /** Scenario names, the default ({@code daily}) first. */
  public static List<String> scenarioNames() {
    return FleetScenario.cliNames();
  }

  /** Fault switch names as accepted in {@link SimulatorOptions#faults()}. */
  public static List<String> faultNames() {
    return FleetFault.cliNames();
  }

  /** The Fleet API base, {@code http://127.0.0.1:<port>}. */
  @Override
  public URI baseUri() {
    return server.baseUri();
  }

  /**
   * The auth host base ({@code auth.tesla.com}'s stand-in); authorize is at {@link
   * #authorizeUri()}.
   */
  public URI authBase() {
    return server.baseUri();
  }

  /**
   * The token host base ({@code fleet-auth.prd.vn.cloud.tesla.com}'s stand-in); see {@link
   * #tokenUri()}.
   */
  public URI tokenBase() {
    return server.baseUri();
  }

  public URI authorizeUri() {
    return server.baseUri().resolve(TeslaSimulatorAuth.AUTHORIZE_PATH);
  }

  public URI tokenUri() {
    return server.baseUri().resolve(TeslaSimulatorAuth.TOKEN_PATH);
  }

  public FleetScenario scenario() {
    return scenario;
  }

  public TeslaSimulatorSettings settings() {
    return settings;
  }

  public Set<FleetFault> faults() {
    return faults;
  }

  public void setFaults(Set<FleetFault> newFaults) {
    this.faults = Set.copyOf(newFaults);
  }

  /** VINs of the simulated cars, in list order. */
  public List<String> vins() {
    return List.copyOf(cars.keySet());
  }

  /** Vehicle ids ({@code id}) in list order. */
  public List<Long> vehicleIds() {
    return cars.values().stream().map(car -> car.car().id()).toList();
  }

  public List<Long> energySiteIds() {
    return sites.stream().map(FleetSimulatorEnergySite::energySiteId).toList();
  }

  /** {@code online}, {@code asleep} (or {@code offline} in {@code offline_sleepers}) now. */
  public String vehicleState(String vin) {
    return api.state(car(vin), clock.instant());
  }

  /** Simulated seconds the car has been online since start. */
  public long awakeSeconds(String vin) {
    return car(vin).model().awakeSeconds(clock.instant());
  }

  /** Times the car went from asleep to online, by {@code wake_up} or by its own schedule. */
  public long wakeUps(String vin) {
    return car(vin).model().wakeUps(clock.instant());
  }

  /** {@code wake_up} requests received for the car. */
  public long wakeRequests(String vin) {
    return car(vin).model().wakeRequests();
  }

  /**
   * Data requests that kept this parked car awake past the quiet period (see {@link
   * FleetVehicleModel}).
   */
  public long timesKeptAwake(String vin) {
    return car(vin).model().timesKeptAwake();
  }

  /** {@link #timesKeptAwake(String)} summed over all cars. */
  public long timesKeptAwake() {
    return cars.values().stream().mapToLong(car -> car.model().timesKeptAwake()).sum();
  }

  /**
   * Every access, refresh and id token it has handed out, for tests that check no token ever shows.
   */
  public Set<String> issuedTokens() {
    return auth.issuedTokens();
  }

  /**
   * Token requests received for {@code grantType} (e.g. {@code refresh_token}), whatever the
   * outcome.
   */
  public long tokenRequests(String grantType) {
    return auth.tokenRequests(grantType);
  }

  /** Billed requests of {@code kind} ({@link FleetSimulatorBilling#DATA}, {@code WAKE}…). */
  public long billedRequests(String kind) {
    return billing.requests(kind);
  }

  /** Billed requests per kind, sorted by kind. */
  public Map<String, Long> billedRequests() {
    return billing.all();
  }

  /** Spend so far at the §9 prices, in dollars. */
  public double billedDollars() {
    return billing.dollars();
  }

  /** Requests received for {@code path}, answered or not (auth included). */
  public long requestCount(String path) {
    return server.requests().of(path);
  }

  @Override
  public void close() {
    server.close();
  }

  private SimCar car(String vin) {
    SimCar car = cars.get(vin);
    if (car == null) {
      throw new NoSuchElementException("no simulated car with VIN " + vin);
    }
    return car;
  }

  private void handle(HttpExchange exchange, SimulatorExchanges exchanges) throws IOException {
    exchanges.send(exchange, respond(exchange));
  }

  private SimulatorResponse respond(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    if (path.equals(TeslaSimulatorAuth.AUTHORIZE_PATH)) {
      return method.equals("GET")
          ? auth.authorize(TeslaSimulatorRequests.query(exchange))
          : notAllowed();
    }
    if (path.equals(TeslaSimulatorAuth.TOKEN_PATH)) {
      return method.equals("POST")
          ? auth.token(TeslaSimulatorRequests.bodyParameters(exchange))
          : notAllowed();
    }
    if (path.equals("/status")) {
      return SimulatorResponse.text(200, "ok");
    }
    if (FleetSimulatorApi.handles(path)) {
      return api.respond(exchange);
    }
    return FleetSimulatorBodies.error(404, "not_found");
  }

  private static SimulatorResponse notAllowed() {
    return FleetSimulatorBodies.error(405, "method not allowed");
  }
}
