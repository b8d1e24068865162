package dev.homeenergy.device.tesla;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.DeviceDoctor;
import dev.homeenergy.core.DoctorStep;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.Deadline;
import dev.homeenergy.devicehttp.DeviceHttp;
import dev.homeenergy.devicehttp.DeviceJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * The Fleet API's doctor steps: the token file, a usable access token (refreshed and saved when it
 * is due, as a poll would), the scopes the token grants, then the car list and the energy sites.
 * Cars are only listed, never read nor woken: listing is the one call that leaves a sleeping car
 * asleep.
 */
final class TeslaDoctor implements DeviceDoctor {
  private static final String VEHICLE_SCOPE = "vehicle_device_data";
  private static final String ENERGY_SCOPE = "energy_device_data";

  private final DeviceConfig config;
  private final DeviceContext context;
  private final TeslaFamily.Resolved resolved;
  private final ObjectMapper json = DeviceJson.mapper();

  TeslaDoctor(DeviceConfig config, DeviceContext context) {
    this.config = config;
    this.context = context;
    this.resolved = TeslaFamily.settings(config, context.stateDirectory());
  }

  @Override
  public URI address() {
    return resolved.oauth().apiBase();
  }

  @Override
  public List<DoctorStep> check() {
    List<DoctorStep> steps = new ArrayList<>();
    TeslaSettings fleet = resolved.fleet();
    if (!Files.isRegularFile(fleet.tokenFile())) {
      steps.add(
          DoctorStep.failed(
              "token file",
              "no token file at " + fleet.tokenFile(),
              List.of(
                  "sign in once with `home-energy-exporter tesla login --config.file=FILE`; it"
                      + " writes the token file")));
      return steps;
    }
    steps.add(DoctorStep.passed("token file", fleet.tokenFile().toString()));
    TokenManager tokens =
        new TokenManager(
            TokenFile.at(fleet.tokenFile()),
            new OAuthClient(resolved.oauth(), HttpClient.newHttpClient(), context.clock()),
            context.clock());
    String token;
    try {
      token = tokens.accessToken();
      steps.add(DoctorStep.passed("authentication", "the access token is valid"));
    } catch (PollException e) {
      steps.add(DoctorStep.failed("authentication", e, authHints(e)));
      return steps;
    }
    steps.add(scopes(token, fleet));
    DeviceHttp http =
        new DeviceHttp(
            context.plainClient(config.timeout()),
            context.clock(),
            context.raw(),
            FleetClient.BODY_CAPS);
    if (!fleet.vehicles().isEmpty()) {
      steps.add(listVehicles(http, token));
    }
    if (!fleet.energySites().isEmpty()) {
      steps.addAll(energySites(http, token, fleet));
    }
    return steps;
  }

  private DoctorStep scopes(String token, TeslaSettings fleet) {
    if (!JwtScopes.listsScopes(token)) {
      return DoctorStep.skipped("scopes", "the access token does not list its scopes");
    }
    List<String> needed = new ArrayList<>();
    if (!fleet.vehicles().isEmpty()) {
      needed.add(VEHICLE_SCOPE);
    }
    if (!fleet.energySites().isEmpty()) {
      needed.add(ENERGY_SCOPE);
    }
    List<String> missing = needed.stream().filter(s -> !JwtScopes.grants(token, s)).toList();
    if (!missing.isEmpty()) {
      return DoctorStep.failed(
          "scopes", "the token lacks " + String.join(" and ", missing), List.of(scopeHint()));
    }
    return DoctorStep.passed(
        "scopes",
        "grants "
            + String.join(", ", needed)
            + (JwtScopes.grants(token, "vehicle_location") ? ", vehicle_location" : ""));
  }

  private DoctorStep listVehicles(DeviceHttp http, String token) {
    String step = "list vehicles";
    try {
      JsonNode cars = list(http, token, "vehicles", "/api/1/vehicles");
      List<String> states = new ArrayList<>();
      cars.forEach(car -> states.add(car.path("state").asText("unknown")));
      return DoctorStep.passed(
          step,
          cars.size()
              + " car(s)"
              + (states.isEmpty() ? "" : ": " + String.join(", ", states))
              + " (listed only; no car was read or woken)");
    } catch (PollException e) {
      return DoctorStep.failed(step, e, readHints(e, VEHICLE_SCOPE));
    }
  }

  private List<DoctorStep> energySites(DeviceHttp http, String token, TeslaSettings fleet) {
    List<DoctorStep> steps = new ArrayList<>();
    List<String> sites = new ArrayList<>();
    try {
      for (JsonNode product : list(http, token, "products", "/api/1/products")) {
        String id = product.path("energy_site_id").asText("");
        if (!id.isEmpty() && fleet.wantsSite(id)) {
          sites.add(id);
        }
      }
      steps.add(DoctorStep.passed("list energy sites", sites.size() + " energy site(s)"));
    } catch (PollException e) {
      steps.add(DoctorStep.failed("list energy sites", e, readHints(e, ENERGY_SCOPE)));
      return steps;
    }
    for (String id : sites) {
      String step = "read energy site " + id;
      try {
        call(http, token, "live_status", "/api/1/energy_sites/" + id + "/live_status");
        steps.add(DoctorStep.passed(step, "live_status answered"));
      } catch (PollException e) {
        steps.add(DoctorStep.failed(step, e, readHints(e, ENERGY_SCOPE)));
      }
    }
    return steps;
  }

  private JsonNode list(DeviceHttp http, String token, String endpoint, String path)
      throws PollException {
    String body = call(http, token, endpoint, path);
    try {
      JsonNode list = json.readTree(body).path("response");
      if (!list.isArray()) {
        throw new PollException(FailureReason.PARSE, endpoint + ": no response array");
      }
      return list;
    } catch (JsonProcessingException e) {
      throw new PollException(FailureReason.PARSE, endpoint + ": not JSON");
    }
  }

  private String call(DeviceHttp http, String token, String endpoint, String path)
      throws PollException {
    return http.send(
        endpoint,
        HttpRequest.newBuilder(resolved.oauth().apiBase().resolve(path))
            .GET()
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/json"),
        Deadline.after(config.timeout()),
        false);
  }

  private static String scopeHint() {
    return "the token was granted without a scope it needs: add the scope to your app on"
        + " developer.tesla.com, then sign in again with `home-energy-exporter tesla login"
        + " --config.file=FILE` and allow it on Tesla's consent page";
  }

  private static List<String> authHints(PollException e) {
    if (e.reason() == FailureReason.AUTH) {
      return List.of(
          "Tesla no longer accepts the saved sign-in (revoked, or unused for too long): sign in"
              + " again with `home-energy-exporter tesla login --config.file=FILE`");
    }
    return transportHints(e);
  }

  private List<String> readHints(PollException e, String scope) {
    if (e.httpStatus() == 403) {
      return List.of(
          "the Fleet API refused the call (HTTP 403): the token may lack " + scope, scopeHint());
    }
    if (e.httpStatus() == 421) {
      return List.of(
          "your account lives in another Fleet API region: set region: (na, eu or cn) to the one"
              + " of your account");
    }
    if (e.httpStatus() == 412) {
      return List.of(
          "the app is not registered in this region yet: run `home-energy-exporter tesla register"
              + " --config.file=FILE`");
    }
    return transportHints(e);
  }

  private static List<String> transportHints(PollException e) {
    if (e.httpStatus() == 426 || e.httpStatus() == 505 || e.reason() == FailureReason.CONNECT) {
      return List.of(
          "the Fleet API and Tesla's sign-in hosts refuse HTTP/1.1 from many clients since 2026;"
              + " they want HTTP/2 over TLS 1.3 (a proxy in between must speak it too)");
    }
    return DeviceDoctor.hintsFor(e);
  }
}
