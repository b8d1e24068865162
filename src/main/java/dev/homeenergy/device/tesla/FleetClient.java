package dev.homeenergy.device.tesla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.core.EndpointFailure;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.BodyCaps;
import dev.homeenergy.devicehttp.Deadline;
import dev.homeenergy.devicehttp.DeviceHttp;
import dev.homeenergy.devicehttp.DeviceJson;
import dev.homeenergy.devicehttp.FailureWords;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One poll of the Fleet API: list the cars (never waking them), read {@code vehicle_data} of the
 * cars the {@link VehicleSleepPolicy} says to read, wake a car only when the policy says so, read
 * the energy sites, and count every billed request in the {@link FleetBudget}, which may veto it.
 * Answers it: 408 means asleep; 401 refreshes the token once; 429 stops all calls until its {@code
 * Retry-After}. A car that is left alone (or asleep) keeps its last read data in the responses, so
 * its graphs have no gaps while it sleeps; {@code tesla_vehicle_state} says it is asleep. Only the
 * selected cars ({@code vehicles}, or the seed's vehicle index) reach the responses, so unselected
 * cars export nothing. On the legacy Owner API, where {@code /api/1/vehicles} answers 412, cars are
 * listed through {@code /api/1/products} instead. Not thread-safe: one poller uses it.
 */
public final class FleetClient {
  private static final Logger LOG = LoggerFactory.getLogger(FleetClient.class);

  /**
   * The largest real Fleet API answer ({@code vehicle_data} with every endpoint) is about 10 KB;
   * 256 KiB leaves room for long product lists and richer answers.
   */
  static final BodyCaps BODY_CAPS = BodyCaps.of(256 * 1024);

  static final String DATA_ENDPOINTS =
      "charge_state;climate_state;closures_state;drive_state;vehicle_config;vehicle_state";
  static final Duration STATIC_MAX_AGE = Duration.ofHours(1);

  private final String deviceName;
  private final URI apiBase;
  private final DeviceHttp http;
  private final AccessTokenSource tokens;
  private final FleetBudget budget;
  private final VehicleSleepPolicy policy;
  private final TeslaSettings settings;
  private final Clock clock;
  private final Duration timeout;
  private final ObjectMapper json = DeviceJson.mapper();
  private final Map<String, VehicleSleepPolicy.Track> tracks = new HashMap<>();
  private final Map<String, Boolean> charging = new HashMap<>();
  private final Map<String, String> lastVehicleData = new HashMap<>();
  private final Map<String, String> siteInfo = new HashMap<>();
  private String productsBody;
  private Instant productsReadAt;
  private Instant rateLimitedUntil;
  private boolean ownerApi;
  private final Map<String, Long> pollErrors =
      new LinkedHashMap<>(Map.of("vehicle_data_failed", 0L, "unexpected_error", 0L));

  public FleetClient(
      String deviceName,
      URI apiBase,
      DeviceHttp http,
      AccessTokenSource tokens,
      FleetBudget budget,
      TeslaSettings settings,
      Clock clock,
      Duration timeout) {
    this.deviceName = deviceName;
    this.apiBase = apiBase;
    this.http = http;
    this.tokens = tokens;
    this.budget = budget;
    this.policy = new VehicleSleepPolicy(settings.policy());
    this.settings = settings;
    this.clock = clock;
    this.timeout = timeout;
  }

  /** The responses of one poll and when the next poll is wanted. */
  public record Poll(TeslaResponses responses, Duration nextPollIn) {}

  public Poll poll() throws PollException {
    Instant now = clock.instant();
    if (rateLimitedUntil != null && now.isBefore(rateLimitedUntil)) {
      Duration wait = Duration.between(now, rateLimitedUntil);
      throw new PollException(
          FailureReason.RATE_LIMITED,
          "the Fleet API asked us to wait until " + rateLimitedUntil + " (HTTP 429)",
          429,
          wait);
    }
    Deadline deadline = Deadline.after(timeout);
    List<EndpointFailure> failures = new ArrayList<>();
    Map<String, String> vehicleData = new LinkedHashMap<>();
    Duration next = settings.policy().asleep();
    int billedThisRound = 0;

    String vehiclesBody = null;
    if (!settings.vehicles().isEmpty() && budget.allows(FleetRequestKind.DATA)) {
      JsonNode cars;
      if (!ownerApi) {
        try {
          vehiclesBody = call("vehicles", "GET", "/api/1/vehicles", deadline);
        } catch (PollException e) {
          if (e.httpStatus() != 412) {
            throw e;
          }
          ownerApi = true;
          LOG.atInfo()
              .addKeyValue("device", deviceName)
              .log(
                  "{}: /api/1/vehicles answers 412 (the Owner API): listing cars through /api/1/products",
                  deviceName);
        }
      }
      billedThisRound++;
      if (ownerApi) {
        String products = call("products", "GET", "/api/1/products", deadline);
        JsonNode listed = responseList("products", products);
        productsBody = products;
        productsReadAt = now;
        com.fasterxml.jackson.databind.node.ArrayNode vehiclesOnly = json.createArrayNode();
        listed.forEach(
            p -> {
              if (p.has("vehicle_id")) {
                vehiclesOnly.add(p);
              }
            });
        cars = vehiclesOnly;
      } else {
        cars = responseList("vehicles", vehiclesBody);
      }
      int chosen =
          settings.vehicleIndex() == null
              ? -1
              : Math.max(0, Math.min(settings.vehicleIndex(), cars.size() - 1));
      com.fasterxml.jackson.databind.node.ArrayNode selected = json.createArrayNode();
      for (int position = 0; position < cars.size(); position++) {
        JsonNode car = cars.get(position);
        String vin = car.path("vin").asText();
        boolean wanted =
            chosen >= 0
                ? position == chosen
                : settings.wantsVehicle(vin, car.path("display_name").asText(null));
        if (vin.isEmpty() || !wanted) {
          continue;
        }
        selected.add(car);
        VehicleSleepPolicy.Track track =
            tracks.computeIfAbsent(vin, v -> new VehicleSleepPolicy.Track());
        track.listed(car.path("state").asText("unknown"), now);
        VehicleSleepPolicy.Decision decision =
            policy.decide(track, charging.getOrDefault(vin, false), now);
        next = min(next, decision.nextPollIn());
        switch (decision.action()) {
          case READ_DATA -> {
            if (budget.allows(FleetRequestKind.DATA)) {
              billedThisRound++;
              readVehicle(vin, track, deadline, failures)
                  .ifPresent(body -> vehicleData.put(vin, body));
            }
          }
          case WAKE -> {
            if (budget.allows(FleetRequestKind.WAKE)) {
              wake(vin, deadline, failures);
            }
          }
          case LIST_ONLY -> {}
        }
        if (!vehicleData.containsKey(vin) && lastVehicleData.containsKey(vin)) {
          vehicleData.put(vin, lastVehicleData.get(vin));
        }
      }
      com.fasterxml.jackson.databind.node.ObjectNode listed = json.createObjectNode();
      listed.set("response", selected);
      listed.put("count", selected.size());
      vehiclesBody = listed.toString();
    }
    Map<String, String> liveStatus = readSites(now, deadline, failures);
    billedThisRound += liveStatus.size();
    Duration spacing = budget.spacing(FleetRequestKind.DATA, Math.max(1, billedThisRound));
    return new Poll(
        new TeslaResponses(
            clock.instant(),
            vehiclesBody,
            productsBody,
            vehicleData,
            liveStatus,
            Map.copyOf(siteInfo),
            budget.usage(rateLimitedUntil).withPollErrors(pollErrors),
            failures),
        spacing.compareTo(next) > 0 ? spacing : next);
  }

  private java.util.Optional<String> readVehicle(
      String vin, VehicleSleepPolicy.Track track, Deadline deadline, List<EndpointFailure> failures)
      throws PollException {
    boolean location =
        settings.locationScope() || JwtScopes.grants(tokens.accessToken(), "vehicle_location");
    String endpoints = DATA_ENDPOINTS + (location ? ";location_data" : "");
    try {
      String body =
          call(
              "vehicle_data",
              "GET",
              "/api/1/vehicles/"
                  + vin
                  + "/vehicle_data?endpoints="
                  + URLEncoder.encode(endpoints, StandardCharsets.UTF_8),
              deadline);
      JsonNode data = json.readTree(body).path("response");
      String shift = data.path("drive_state").path("shift_state").asText("");
      String chargingState = data.path("charge_state").path("charging_state").asText("");
      boolean isCharging = chargingState.equals("Charging") || chargingState.equals("Starting");
      boolean driving = shift.equals("D") || shift.equals("R") || shift.equals("N");
      boolean present = data.path("vehicle_state").path("is_user_present").asBoolean(false);
      charging.put(vin, isCharging);
      track.read(driving || isCharging || present, clock.instant());
      lastVehicleData.put(vin, body);
      return java.util.Optional.of(body);
    } catch (PollException e) {
      if (e.httpStatus() == 408) {
        track.listed("asleep", clock.instant());
        return java.util.Optional.empty();
      }
      if (failsThePoll(e)) {
        throw e;
      }
      failures.add(new EndpointFailure("vehicle_data", e.reason(), e.getMessage()));
      pollErrors.merge("vehicle_data_failed", 1L, Long::sum);
      return java.util.Optional.empty();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      pollErrors.merge("vehicle_data_failed", 1L, Long::sum);
      failures.add(
          new EndpointFailure(
              "vehicle_data",
              FailureReason.PARSE,
              "vehicle_data of " + vin + ": " + FailureWords.json(null, e)));
      return java.util.Optional.empty();
    }
  }

  private void wake(String vin, Deadline deadline, List<EndpointFailure> failures)
      throws PollException {
    try {
      call("wake_up", "POST", "/api/1/vehicles/" + vin + "/wake_up", deadline);
      LOG.atInfo()
          .addKeyValue("device", deviceName)
          .addKeyValue("vin", vin)
          .log("woke car {}", vin);
    } catch (PollException e) {
      if (failsThePoll(e)) {
        throw e;
      }
      failures.add(new EndpointFailure("wake_up", e.reason(), e.getMessage()));
    }
  }

  private Map<String, String> readSites(
      Instant now, Deadline deadline, List<EndpointFailure> failures) throws PollException {
    Map<String, String> live = new LinkedHashMap<>();
    if (settings.energySites().isEmpty()) {
      return live;
    }
    if (productsBody == null || !now.isBefore(productsReadAt.plus(STATIC_MAX_AGE))) {
      if (!budget.allows(FleetRequestKind.DATA)) {
        return live;
      }
      String products = call("products", "GET", "/api/1/products", deadline);
      responseList("products", products);
      productsBody = products;
      productsReadAt = now;
      siteInfo.clear();
    }
    for (JsonNode product : responseList("products", productsBody)) {
      String id = product.path("energy_site_id").asText("");
      if (id.isEmpty() || !settings.wantsSite(id) || !budget.allows(FleetRequestKind.DATA)) {
        continue;
      }
      try {
        live.put(
            id, call("live_status", "GET", "/api/1/energy_sites/" + id + "/live_status", deadline));
        if (!siteInfo.containsKey(id) && budget.allows(FleetRequestKind.DATA)) {
          siteInfo.put(
              id, call("site_info", "GET", "/api/1/energy_sites/" + id + "/site_info", deadline));
        }
      } catch (PollException e) {
        if (failsThePoll(e)) {
          throw e;
        }
        failures.add(new EndpointFailure("energy_site", e.reason(), e.getMessage()));
      }
    }
    return live;
  }

  /** One billed call with the bearer token; 401 refreshes once; 429 remembers its Retry-After. */
  private String call(String endpoint, String method, String path, Deadline deadline)
      throws PollException {
    for (int attempt = 0; ; attempt++) {
      String token = tokens.accessToken();
      URI uri = apiBase.resolve(path);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .version(TeslaHttp.version(uri))
              .header("Authorization", "Bearer " + token)
              .header("Accept", "application/json");
      request =
          method.equals("POST") ? request.POST(HttpRequest.BodyPublishers.noBody()) : request.GET();
      FleetRequestKind kind =
          endpoint.equals("wake_up") ? FleetRequestKind.WAKE : FleetRequestKind.DATA;
      try {
        String body = http.send(endpoint, request, deadline, false);
        budget.record(kind);
        return body;
      } catch (PollException e) {
        if (e.httpStatus() > 0 && e.httpStatus() < 500) {
          budget.record(kind);
        }
        if (e.httpStatus() == 401 && attempt == 0) {
          tokens.rejected(token);
          continue;
        }
        if (e.httpStatus() == 429) {
          rateLimitedUntil = clock.instant().plus(e.retryAfter().orElse(Duration.ofMinutes(5)));
        }
        throw e;
      }
    }
  }

  /**
   * A 429 or a rejected token stops the poll; anything else (a 403 for a scope the token lacks, a
   * 5xx of one car or site) only drops that car's or site's readings.
   */
  private static boolean failsThePoll(PollException e) {
    return e.reason() == FailureReason.RATE_LIMITED
        || e.httpStatus() == 401
        || (e.reason() == FailureReason.AUTH && e.httpStatus() == 0);
  }

  /**
   * The {@code response} array of a listing; anything else (an HTML page, another shape) is not an
   * empty list but a {@code parse} failure, so it is never cached as the products either.
   */
  private JsonNode responseList(String endpoint, String body) throws PollException {
    JsonNode list = tree(endpoint, body).path("response");
    if (!list.isArray()) {
      throw new PollException(FailureReason.PARSE, endpoint + ": no response array");
    }
    return list;
  }

  private JsonNode tree(String endpoint, String body) throws PollException {
    try {
      return json.readTree(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new PollException(FailureReason.PARSE, endpoint + ": " + FailureWords.json(body, e));
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
