package dev.homeenergy.device.tesla.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.homeenergy.device.tesla.sim.FleetSimulatorBodies.Car;
import dev.homeenergy.device.tesla.sim.TeslaSimulatorAuth.Grant;
import dev.homeenergy.device.tesla.sim.TeslaSimulatorSettings.PartnerRegistration;
import dev.homeenergy.simulator.SimulatorResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@code /api/1/} part of the Tesla simulator: bearer-token and scope checks, the {@code
 * rate_limited}/{@code server_error} faults, the per-car limits of {@link FleetSimulatorRateLimits}
 * (429 with {@code Retry-After}), the wrong-region 421, partner registration, vehicles and energy
 * sites, and billing of each answer (fleet.md §9: {@code vehicle_data} and the energy-site reads as
 * {@code data}, {@code wake_up} as {@code wake}; list reads only when {@link
 * TeslaSimulatorSettings#billListRequests()}).
 */
final class FleetSimulatorApi {
  private static final String PREFIX = "/api/1/";

  /** A car with its identity and power-state model. */
  record SimCar(Car car, FleetVehicleModel model) {}

  private final Clock clock;
  private final TeslaSimulatorSettings settings;
  private final FleetScenario scenario;
  private final TeslaSimulatorAuth auth;
  private final FleetSimulatorBilling billing;
  private final List<SimCar> cars;
  private final List<FleetSimulatorEnergySite> sites;
  private final Supplier<Set<FleetFault>> faults;
  private final FleetSimulatorRateLimits limits = new FleetSimulatorRateLimits();

  FleetSimulatorApi(
      Clock clock,
      TeslaSimulatorSettings settings,
      FleetScenario scenario,
      TeslaSimulatorAuth auth,
      FleetSimulatorBilling billing,
      List<SimCar> cars,
      List<FleetSimulatorEnergySite> sites,
      Supplier<Set<FleetFault>> faults) {
    this.clock = clock;
    this.settings = settings;
    this.scenario = scenario;
    this.auth = auth;
    this.billing = billing;
    this.cars = List.copyOf(cars);
    this.sites = List.copyOf(sites);
    this.faults = faults;
  }

  static boolean handles(String path) {
    return path.startsWith(PREFIX);
  }

  SimulatorResponse respond(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    String[] parts = path.substring(PREFIX.length()).split("/");
    String kind = billingKind(parts);
    Set<FleetFault> active = faults.get();
    if (active.contains(FleetFault.SERVER_ERROR)) {
      return FleetSimulatorBodies.error(503, "service unavailable");
    }
    TeslaSimulatorAuth.Check check =
        auth.check(exchange.getRequestHeaders().getFirst("Authorization"));
    if (check.grant() == null) {
      return check.rejection();
    }
    if (active.contains(FleetFault.RATE_LIMITED)) {
      return billed(kind, rateLimited(settings.retryAfter().toSeconds()));
    }
    if (!settings.region().equals(settings.accountRegion())) {
      return billed(
          kind,
          FleetSimulatorBodies.error(
              421,
              "user out of region, use base URL: "
                  + TeslaSimulatorSettings.fleetBaseUrl(settings.accountRegion())
                  + ", see https://developer.tesla.com/docs/fleet-api#regional-requirements"));
    }
    return billed(kind, route(method, parts, check.grant(), exchange));
  }

  private SimulatorResponse route(String method, String[] parts, Grant grant, HttpExchange exchange)
      throws IOException {
    String first = parts[0];
    if (first.equals("partner_accounts") && parts.length == 1) {
      return method.equals("POST") ? registerPartner(grant, exchange) : notAllowed();
    }
    if (first.equals("users") && parts.length == 2 && parts[1].equals("region")) {
      ObjectNode region = FleetSimulatorBodies.JSON.createObjectNode();
      region.put("region", settings.accountRegion());
      region.put(
          "fleet_api_base_url", TeslaSimulatorSettings.fleetBaseUrl(settings.accountRegion()));
      return FleetSimulatorBodies.wrap(region);
    }
    if (grant.partner()) {
      return FleetSimulatorBodies.error(403, "Unauthorized missing scopes");
    }
    if (first.equals("products") && parts.length == 1) {
      return get(method, () -> products());
    }
    if (first.equals("vehicles")
        && parts.length == 3
        && parts[2].equals("vehicle_data")
        && faults.get().contains(FleetFault.ASLEEP_DATA)) {
      return FleetSimulatorBodies.error(408, "vehicle unavailable: vehicle is offline or asleep");
    }
    if (first.equals("vehicles")
        && parts.length == 1
        && faults.get().contains(FleetFault.OWNER_API)) {
      return FleetSimulatorBodies.error(
          412,
          "Endpoint is only available on fleetapi. Visit https://developer.tesla.com/docs for more info");
    }
    if (first.equals("vehicles")) {
      return vehicles(method, parts, grant, exchange);
    }
    if (first.equals("energy_sites") && parts.length == 3) {
      if (!grant.has("energy_device_data")) {
        return FleetSimulatorBodies.error(403, "Unauthorized missing scopes");
      }
      FleetSimulatorEnergySite site = site(parts[1]);
      if (site == null) {
        return FleetSimulatorBodies.error(404, "not_found");
      }
      return switch (parts[2]) {
        case "live_status" ->
            get(method, () -> FleetSimulatorBodies.wrap(site.liveStatus(clock.instant())));
        case "site_info" -> get(method, () -> FleetSimulatorBodies.wrap(site.siteInfo()));
        default -> FleetSimulatorBodies.error(404, "not_found");
      };
    }
    return FleetSimulatorBodies.error(404, "not_found");
  }

  private SimulatorResponse vehicles(
      String method, String[] parts, Grant grant, HttpExchange exchange) {
    if (!grant.has("vehicle_device_data")) {
      return FleetSimulatorBodies.error(403, "Unauthorized missing scopes");
    }
    Instant now = clock.instant();
    if (parts.length == 1) {
      return get(
          method,
          () -> {
            ArrayNode list = FleetSimulatorBodies.array();
            cars.forEach(car -> list.add(FleetSimulatorBodies.vehicle(car.car(), state(car, now))));
            return FleetSimulatorBodies.wrap(list);
          });
    }
    SimCar car = car(parts[1]);
    if (car == null) {
      return FleetSimulatorBodies.error(404, "not_found");
    }
    if (parts.length == 2) {
      return get(
          method,
          () ->
              FleetSimulatorBodies.wrap(FleetSimulatorBodies.vehicle(car.car(), state(car, now))));
    }
    if (parts.length == 3 && parts[2].equals("wake_up")) {
      if (!method.equals("POST")) {
        return notAllowed();
      }
      long retryAfter = limits.acquire(car.car().vin(), FleetSimulatorBilling.WAKE, now);
      if (retryAfter > 0) {
        return rateLimited(retryAfter);
      }
      car.model().wakeRequest(now);
      return FleetSimulatorBodies.wrap(FleetSimulatorBodies.vehicle(car.car(), state(car, now)));
    }
    if (parts.length == 3 && parts[2].equals("vehicle_data")) {
      return get(
          method,
          () -> {
            long retryAfter = limits.acquire(car.car().vin(), FleetSimulatorBilling.DATA, now);
            if (retryAfter > 0) {
              return rateLimited(retryAfter);
            }
            if (!car.model().dataRequest(now)) {
              return FleetSimulatorBodies.error(
                  408, "vehicle unavailable: vehicle is offline or asleep");
            }
            return FleetSimulatorBodies.wrap(
                FleetSimulatorBodies.vehicleData(
                    car.car(),
                    car.model().day(),
                    now,
                    sections(TeslaSimulatorRequests.query(exchange).get("endpoints")),
                    grant.has("vehicle_location")));
          });
    }
    return FleetSimulatorBodies.error(404, "not_found");
  }

  private SimulatorResponse registerPartner(Grant grant, HttpExchange exchange) throws IOException {
    if (!grant.partner()) {
      return FleetSimulatorBodies.error(401, "partner token required (client_credentials)");
    }
    String domain = TeslaSimulatorRequests.bodyParameters(exchange).get("domain");
    if (domain == null || domain.isBlank() || !domain.equals(domain.toLowerCase())) {
      return FleetSimulatorBodies.error(400, "invalid_field: domain must be a lowercase host name");
    }
    if (settings.partnerRegistration() == PartnerRegistration.PRECONDITION_FAILED) {
      return FleetSimulatorBodies.error(
          412, "precondition failed: account is not registered in this region");
    }
    if (settings.partnerRegistration() == PartnerRegistration.KEY_DOWNLOAD_FAILED) {
      return FleetSimulatorBodies.error(
          424,
          "Public key download failed for url: https://"
              + domain
              + "/.well-known/appspecific/com.tesla.3p.public-key.pem");
    }
    ObjectNode account = FleetSimulatorBodies.JSON.createObjectNode();
    account.put("client_id", settings.clientId());
    account.put("name", "Simulated Partner");
    account.put("description", "Registered with the Tesla simulator");
    account.put("domain", domain);
    account.putNull("ca");
    String created = clock.instant().toString();
    account.put("created_at", created);
    account.put("updated_at", created);
    account.put("enterprise_tier", "pay_per_use");
    account.put(
        "public_key",
        "04b3ba29bfed422f4a641630333458428cbd681ae1456f1d50521852577c3a84b22c7290087af38d8c4cd7b3"
            + "10dbfd79f164405d72a6cfac875ca37a7f09317891");
    return FleetSimulatorBodies.wrap(account);
  }

  private SimulatorResponse products() {
    Instant now = clock.instant();
    ArrayNode list = FleetSimulatorBodies.array();
    cars.forEach(car -> list.add(FleetSimulatorBodies.vehicle(car.car(), state(car, now))));
    sites.forEach(site -> list.add(site.product(now)));
    return FleetSimulatorBodies.wrap(list);
  }

  /** {@code online}, or {@code asleep}/{@code offline} (per scenario) while sleeping or waking. */
  String state(SimCar car, Instant now) {
    if (car.model().online(now)) {
      return "online";
    }
    return scenario.sleepReportedOffline() ? "offline" : "asleep";
  }

  private SimulatorResponse billed(String kind, SimulatorResponse response) {
    if (kind != null) {
      billing.bill(kind, response.status());
    }
    return response;
  }

  /** The §9 kind this path is billed as, or null when not billed. */
  private String billingKind(String[] parts) {
    if (parts.length == 3 && parts[0].equals("vehicles") && parts[2].equals("vehicle_data")) {
      return FleetSimulatorBilling.DATA;
    }
    if (parts.length == 3 && parts[0].equals("vehicles") && parts[2].equals("wake_up")) {
      return FleetSimulatorBilling.WAKE;
    }
    if (parts.length == 3 && parts[0].equals("energy_sites")) {
      return FleetSimulatorBilling.DATA;
    }
    boolean listRead =
        parts[0].equals("products") || (parts[0].equals("vehicles") && parts.length <= 2);
    return listRead && settings.billListRequests() ? FleetSimulatorBilling.DATA : null;
  }

  private static Set<String> sections(String endpoints) {
    if (endpoints == null || endpoints.isBlank()) {
      return Set.copyOf(FleetSimulatorBodies.DEFAULT_SECTIONS);
    }
    Set<String> requested = new LinkedHashSet<>(Arrays.asList(endpoints.split("[;,]")));
    if (requested.contains("vehicle_data_combo")) {
      requested.addAll(FleetSimulatorBodies.DEFAULT_SECTIONS);
    }
    if (requested.contains("location_data")) {
      requested.add("drive_state");
    }
    return requested;
  }

  private SimCar car(String tag) {
    for (SimCar car : cars) {
      if (car.car().vin().equals(tag) || Long.toString(car.car().id()).equals(tag)) {
        return car;
      }
    }
    return null;
  }

  private FleetSimulatorEnergySite site(String id) {
    for (FleetSimulatorEnergySite site : sites) {
      if (Long.toString(site.energySiteId()).equals(id)) {
        return site;
      }
    }
    return null;
  }

  private static SimulatorResponse rateLimited(long retryAfterSeconds) {
    return FleetSimulatorBodies.error(429, "Rate limit exceeded, retry later")
        .withHeader("Retry-After", List.of(Long.toString(retryAfterSeconds)));
  }

  private static SimulatorResponse get(String method, Supplier<SimulatorResponse> answer) {
    return method.equals("GET") ? answer.get() : notAllowed();
  }

  private static SimulatorResponse notAllowed() {
    return FleetSimulatorBodies.error(405, "method not allowed");
  }

  static List<SimCar> cars(TeslaSimulatorSettings settings, FleetScenario scenario, Instant start) {
    List<SimCar> cars = new ArrayList<>();
    for (int i = 0; i < settings.vehicles(); i++) {
      Car car = Car.of(i);
      cars.add(
          new SimCar(
              car,
              new FleetVehicleModel(
                  car.vin(),
                  FleetVehicleModelDay.forCar(i, scenario.drives()),
                  settings.quietPeriod(),
                  settings.wakeLatency(),
                  start)));
    }
    return cars;
  }

  static Map<String, SimCar> byVin(List<SimCar> cars) {
    Map<String, SimCar> map = new LinkedHashMap<>();
    cars.forEach(car -> map.put(car.car().vin(), car));
    return map;
  }
}
