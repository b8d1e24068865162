package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.DeviceJson;
import dev.homeenergy.devicehttp.FailureWords;
import java.util.List;

/**
 * Parses gateway bodies into the payload records: unknown fields are ignored, absent fields are
 * null. A body that is empty, not JSON, of the wrong shape or a bare JSON {@code null} is a {@link
 * FailureReason#PARSE} failure, except {@code /api/meters/<category>}, where {@code null} is how
 * the gateway says "no meter in this category" (see {@link #meters}).
 */
public final class PowerwallJson {
  private static final ObjectMapper MAPPER =
      DeviceJson.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  /**
   * Top-level keys the pre-2021 {@code /api/site_info} has flat beside a string {@code grid_code}.
   */
  private static final List<String> FLAT_GRID_KEYS =
      List.of(
          "grid_voltage_setting",
          "grid_freq_setting",
          "grid_phase_setting",
          "country",
          "state",
          "distributor",
          "utility",
          "retailer",
          "region");

  private PowerwallJson() {}

  /**
   * Parses one endpoint's body.
   *
   * @param endpoint endpoint name for the message, e.g. {@code system_status}
   * @throws PollException with {@link FailureReason#PARSE} when the body is empty, invalid, {@code
   *     null} or not of the expected shape
   */
  public static <T> T parse(String endpoint, String body, Class<T> type) throws PollException {
    return bind(endpoint, nonNullTree(endpoint, body), MAPPER.constructType(type));
  }

  /**
   * Parses a JSON array body such as {@code /api/networks}; a {@code null} element is kept as null.
   */
  public static <T> List<T> parseList(String endpoint, String body, Class<T> element)
      throws PollException {
    return Lists.copyWithNulls(
        bind(
            endpoint,
            nonNullTree(endpoint, body),
            MAPPER.getTypeFactory().constructCollectionType(List.class, element)));
  }

  /** Parses a {@code /api/meters/<category>} body; JSON {@code null} gives an empty list. */
  public static List<Meter> meters(String endpoint, String body) throws PollException {
    JsonNode tree = tree(endpoint, body);
    if (tree.isNull()) {
      return List.of();
    }
    List<Meter> meters =
        bind(
            endpoint,
            tree,
            MAPPER.getTypeFactory().constructCollectionType(List.class, Meter.class));
    return meters.stream().filter(java.util.Objects::nonNull).toList();
  }

  /** Parses {@code /api/meters/aggregates}, keeping the gateway's category order. */
  public static MeterAggregates aggregates(String endpoint, String body) throws PollException {
    JsonNode tree = nonNullTree(endpoint, body);
    java.util.LinkedHashMap<String, MeterReadings> map =
        bind(
            endpoint,
            tree,
            MAPPER.constructType(
                new TypeReference<java.util.LinkedHashMap<String, MeterReadings>>() {}));
    return new MeterAggregates(map);
  }

  /**
   * Parses {@code /api/site_info}. Firmware before 2021 sends {@code grid_code} as a string with
   * the other grid fields flat at the top level; they are moved into the nested form first.
   */
  public static SiteInfo siteInfo(String endpoint, String body) throws PollException {
    JsonNode tree = nonNullTree(endpoint, body);
    if (tree instanceof ObjectNode site && site.path("grid_code").isTextual()) {
      ObjectNode grid = MAPPER.createObjectNode();
      grid.set("grid_code", site.get("grid_code"));
      for (String key : FLAT_GRID_KEYS) {
        JsonNode value = site.remove(key);
        if (value != null) {
          grid.set(key, value);
        }
      }
      site.set("grid_code", grid);
    }
    return bind(endpoint, tree, MAPPER.constructType(SiteInfo.class));
  }

  private static JsonNode nonNullTree(String endpoint, String body) throws PollException {
    JsonNode tree = tree(endpoint, body);
    if (tree.isNull()) {
      throw new PollException(FailureReason.PARSE, endpoint + ": null body");
    }
    return tree;
  }

  private static JsonNode tree(String endpoint, String body) throws PollException {
    if (body == null || body.isBlank()) {
      throw new PollException(FailureReason.PARSE, endpoint + ": empty body");
    }
    try {
      JsonNode tree = MAPPER.readTree(body);
      if (tree == null || tree.isMissingNode()) {
        throw new PollException(FailureReason.PARSE, endpoint + ": empty body");
      }
      return tree;
    } catch (JsonProcessingException e) {
      throw new PollException(FailureReason.PARSE, endpoint + ": " + FailureWords.json(body, e), e);
    }
  }

  private static <T> T bind(
      String endpoint, JsonNode tree, com.fasterxml.jackson.databind.JavaType type)
      throws PollException {
    if (!tree.isObject() && !tree.isArray()) {
      throw new PollException(
          FailureReason.PARSE, endpoint + ": body is not a JSON object or array");
    }
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      String detail =
          e instanceof JsonProcessingException j
              ? FailureWords.json(null, j)
              : "the JSON answer does not have the expected shape ("
                  + FailureWords.plain(e.getMessage())
                  + ")";
      throw new PollException(FailureReason.PARSE, endpoint + ": " + detail, e);
    }
  }
}
