package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import dev.homeenergy.devicehttp.DeviceJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The signed queries of one captured set (a resource beside this class, see its README): the
 * site-wide DeviceControllerQuery and the per-Powerwall-3 components query. V2024_06 is the set the
 * community exercised most and its variables can be extended (they are not signed), so its
 * components query also asks for temperatures, fans and the packs' lifetime counters; V2026_06
 * carries its filters inside the signed text, and its ComplianceQuery carries those counters.
 *
 * @param name {@code V2024_06} or {@code V2026_06}
 * @param status the DeviceControllerQuery
 * @param components the query for one Powerwall 3 unit
 * @param compliance the query for one Powerwall 3 unit's pack counters, or null where the
 *     components query carries them
 */
record TedapiQuerySet(
    String name,
    TedapiSignedQuery status,
    TedapiSignedQuery components,
    TedapiSignedQuery compliance) {
  static final String V2024_06 = "V2024_06";
  static final String V2026_06 = "V2026_06";
  static final List<String> NAMES = List.of(V2024_06, V2026_06);

  /** Signal names added to the V2024_06 components query's unsigned variables. */
  static final Map<String, List<String>> EXTRA_SIGNALS =
      Map.of(
          "pchSignalNames",
          List.of(
              "PCH_AmbientTemp",
              "PCH_FanSpeed_A",
              "PCH_FanSpeed_B",
              "PCH_FanDuty_A",
              "PCH_FanDuty_B"),
          "bmsSignalNames",
          List.of(
              "BMS_kwhDischargeTotal",
              "BMS_LOG_numFullBattCycles",
              "BMS_LOG_ahDischargeTotal",
              "BMS_LOG_tempOutOfBounds",
              "BMS_LOG_tempOutOfBoundsCharge"),
          "hvpSignalNames",
          List.of("HVP_PackTempMax", "HVP_PackTempMin", "HVP_ShuntTemperature"));

  private static final ObjectMapper JSON = DeviceJson.mapper();

  /** The other set, for falling back when the gateway rejects this one. */
  String other() {
    return name.equals(V2024_06) ? V2026_06 : V2024_06;
  }

  /** Loads a set by name. */
  static TedapiQuerySet load(String name) {
    JsonNode root = read(name);
    if (name.equals(V2024_06)) {
      return new TedapiQuerySet(
          name,
          legacy("status", root.path("device_controller_full"), false),
          legacy("components", root.path("components"), true),
          null);
    }
    if (name.equals(V2026_06)) {
      return new TedapiQuerySet(
          name,
          signed("status", root.path("DeviceControllerQuery")),
          signed("components", root.path("PW3Query")),
          signed("compliance", root.path("ComplianceQuery")));
    }
    throw new IllegalArgumentException("unknown TEDAPI query set " + name);
  }

  private static JsonNode read(String name) {
    String resource = "tedapi/" + name + ".json";
    try (InputStream in = TedapiQuerySet.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A version-1 capture: the signed bytes are built from the text. */
  private static TedapiSignedQuery legacy(String operation, JsonNode entry, boolean extend) {
    ByteString signed =
        TedapiProto.SignedQuery.newBuilder()
            .setVersion(1)
            .setText(entry.path("text").asText())
            .build()
            .toByteString();
    String variables = entry.path("b_value").asText("{}");
    return new TedapiSignedQuery(
        operation,
        signed,
        hex(entry.path("code").asText()),
        extend ? withExtraSignals(variables) : variables);
  }

  /** A version-2 capture: the signed bytes are stored as they are sent. */
  private static TedapiSignedQuery signed(String operation, JsonNode entry) {
    return new TedapiSignedQuery(
        operation,
        hex(entry.path("signed_bytes").asText()),
        hex(entry.path("code").asText()),
        entry.path("b_value").asText("{}"));
  }

  static String withExtraSignals(String variables) {
    try {
      JsonNode parsed = JSON.readTree(variables);
      if (!(parsed instanceof ObjectNode object)) {
        return variables;
      }
      EXTRA_SIGNALS.forEach(
          (key, names) -> {
            if (object.get(key) instanceof ArrayNode list) {
              names.forEach(list::add);
            }
          });
      return JSON.writeValueAsString(object);
    } catch (IOException e) {
      return variables;
    }
  }

  private static ByteString hex(String text) {
    return ByteString.copyFrom(HexFormat.of().parseHex(text));
  }
}
