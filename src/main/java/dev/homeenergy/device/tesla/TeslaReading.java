package dev.homeenergy.device.tesla;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.core.EndpointFailure;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.Highlights;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.Reading;
import dev.homeenergy.devicehttp.DeviceJson;
import dev.homeenergy.devicehttp.FailureWords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parsed reading of one Fleet API poll: the account's cars (each with its {@code vehicle_data}
 * when it was read), its energy sites and what the API has cost.
 *
 * @param at when the poll finished
 * @param vehicles the cars from the vehicle list (or from {@code products} when no list was read)
 * @param energySites the energy sites from {@code products}
 * @param usage billed API use, copied from the responses
 * @param endpointFailures endpoints that failed alone, including bodies that did not parse
 */
public record TeslaReading(
    Instant at,
    List<Vehicle> vehicles,
    List<EnergySite> energySites,
    TeslaResponses.FleetUsage usage,
    List<EndpointFailure> endpointFailures)
    implements Reading {

  public static final String VEHICLES = "vehicles";
  public static final String PRODUCTS = "products";
  public static final String VEHICLE_DATA = "vehicle_data";
  public static final String LIVE_STATUS = "live_status";
  public static final String SITE_INFO = "site_info";

  private static final ObjectMapper MAPPER = DeviceJson.builder().build();

  public TeslaReading {
    vehicles = List.copyOf(vehicles);
    energySites = List.copyOf(energySites);
    endpointFailures = List.copyOf(endpointFailures);
  }

  @Override
  public Highlights highlights() {
    return TeslaHighlights.of(this);
  }

  /**
   * Parses every body. A vehicle list or products body that is not the expected JSON fails the
   * poll; a bad {@code vehicle_data}, {@code live_status} or {@code site_info} body is an endpoint
   * failure for that car or site only.
   */
  public static TeslaReading parse(TeslaResponses responses) throws PollException {
    List<EndpointFailure> failures = new ArrayList<>(responses.failures());
    List<JsonNode> productItems =
        responses.productsBody() == null ? List.of() : items(PRODUCTS, responses.productsBody());
    List<JsonNode> vehicleItems =
        responses.vehiclesBody() != null
            ? items(VEHICLES, responses.vehiclesBody())
            : productItems.stream().filter(n -> n.has("vehicle_id") || n.has("vin")).toList();
    List<Vehicle> vehicles = new ArrayList<>();
    for (JsonNode item : vehicleItems) {
      Vehicle listed = Vehicle.listed(item);
      String body = responses.vehicleData().get(listed.vin());
      vehicles.add(body == null ? listed : withData(listed, body, failures));
    }
    List<EnergySite> sites = new ArrayList<>();
    for (JsonNode item : productItems) {
      if (text(item, "energy_site_id") != null) {
        sites.add(EnergySite.parse(item, responses.liveStatus(), responses.siteInfo(), failures));
      }
    }
    return new TeslaReading(responses.at(), vehicles, sites, responses.usage(), failures);
  }

  private static Vehicle withData(Vehicle listed, String body, List<EndpointFailure> failures) {
    try {
      JsonNode response = response(VEHICLE_DATA, body);
      if (!response.isObject()) {
        throw new PollException(FailureReason.PARSE, "vehicle_data is not a JSON object");
      }
      return listed.withData(VehicleData.of(response));
    } catch (PollException e) {
      failures.add(
          new EndpointFailure(
              VEHICLE_DATA,
              FailureReason.PARSE,
              "vehicle_data of " + listed.vin() + ": " + e.getMessage()));
      return listed;
    }
  }

  private static List<JsonNode> items(String endpoint, String body) throws PollException {
    JsonNode response = response(endpoint, body);
    if (!response.isArray()) {
      throw new PollException(FailureReason.PARSE, endpoint + ": response is not a JSON array");
    }
    List<JsonNode> list = new ArrayList<>();
    response.forEach(list::add);
    return list;
  }

  /** The {@code response} member of a body, or the body itself when it has none. */
  static JsonNode response(String endpoint, String body) throws PollException {
    JsonNode tree;
    try {
      tree = body == null ? null : MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new PollException(FailureReason.PARSE, endpoint + ": " + FailureWords.json(body, e), e);
    }
    if (tree == null || tree.isMissingNode() || tree.isNull()) {
      throw new PollException(FailureReason.PARSE, endpoint + ": empty body");
    }
    JsonNode response = tree.isObject() && tree.has("response") ? tree.get("response") : tree;
    if (response.isNull()) {
      throw new PollException(FailureReason.PARSE, endpoint + ": null response");
    }
    return response;
  }

  /** Parses one site's body or records an endpoint failure and gives null. */
  static JsonNode optionalObject(
      String endpoint, String id, Map<String, String> bodies, List<EndpointFailure> failures) {
    String body = bodies.get(id);
    if (body == null) {
      return null;
    }
    try {
      JsonNode node = response(endpoint, body);
      if (!node.isObject()) {
        throw new PollException(FailureReason.PARSE, endpoint + ": response is not a JSON object");
      }
      return node;
    } catch (PollException e) {
      failures.add(
          new EndpointFailure(
              endpoint, FailureReason.PARSE, e.getMessage() + " (site " + id + ")"));
      return null;
    }
  }

  static Double number(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isNumber() ? value.doubleValue() : null;
  }

  static Boolean bool(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isBoolean() ? value.booleanValue() : null;
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isValueNode() && !value.isNull() ? value.asText() : null;
  }
}
