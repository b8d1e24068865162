package dev.homeenergy.device.sunpower.sim;

import dev.homeenergy.simulator.SimulatorResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The varserver's {@code /vars} query language: {@code name=a,b}, {@code match=<substring>}, {@code
 * set=<name>=<value>,...}, {@code fmt=obj|list} (first letter, default list) and {@code
 * cache=<id>}, which stores the matched variable set with a query and recalls it (values re-read)
 * when given alone. Answers in the varserver's compact spacing; nothing matched is 400.
 */
final class SunpowerSimulatorVars {
  static final String BAD_REQUEST = error(400, "Bad request");
  static final String UNAUTHORIZED = error(401, "Unauthorized");

  private final SunpowerSimulatorJson json = new SunpowerSimulatorJson();
  private final Map<String, List<String>> caches = new ConcurrentHashMap<>();
  private final Map<String, String> written =
      new ConcurrentHashMap<>(SunpowerSimulatorVarsNamespace.WRITABLE_DEFAULTS);

  /**
   * Answers one query.
   *
   * @param namespace every variable with its value, given the values written so far
   * @param authenticated whether the request carries a valid session; without one only {@link
   *     SunpowerSimulatorVarsNamespace#OPEN} variables can be read by name
   */
  SimulatorResponse answer(
      String query,
      boolean authenticated,
      Function<Map<String, String>, Map<String, String>> namespace) {
    Map<String, String> params = parse(query);
    boolean objectFormat =
        params.getOrDefault("fmt", "list").toLowerCase(Locale.ROOT).startsWith("o");
    if (!authenticated && !openRead(params)) {
      return SimulatorResponse.json(401, UNAUTHORIZED);
    }
    if (params.containsKey("set")) {
      return set(params.get("set"), objectFormat, namespace);
    }
    Map<String, String> all = namespace.apply(Map.copyOf(written));
    List<String> names = select(params, all);
    if (names == null || names.isEmpty()) {
      return SimulatorResponse.json(400, BAD_REQUEST);
    }
    String cache = params.get("cache");
    if (cache != null && (params.containsKey("name") || params.containsKey("match"))) {
      caches.put(cache, List.copyOf(names));
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : names) {
      String value = all.get(name);
      if (value != null) {
        values.put(name, value);
      }
    }
    if (values.isEmpty()) {
      return SimulatorResponse.json(400, BAD_REQUEST);
    }
    return SimulatorResponse.json(objectFormat ? object(values) : list(values));
  }

  /** Forgets every cached query. */
  void clearCaches() {
    caches.clear();
  }

  private static boolean openRead(Map<String, String> params) {
    if (!params.containsKey("name")
        || params.containsKey("set")
        || params.containsKey("match")
        || params.containsKey("cache")) {
      return false;
    }
    for (String name : params.get("name").split(",")) {
      if (!SunpowerSimulatorVarsNamespace.OPEN.contains(name)) {
        return false;
      }
    }
    return true;
  }

  private List<String> select(Map<String, String> params, Map<String, String> all) {
    List<String> names = new ArrayList<>();
    if (params.containsKey("name")) {
      for (String name : params.get("name").split(",")) {
        if (all.containsKey(name) && !names.contains(name)) {
          names.add(name);
        }
      }
    }
    if (params.containsKey("match")) {
      String match = params.get("match");
      if (match.isEmpty()) {
        return null;
      }
      for (String name : all.keySet()) {
        if (name.contains(match) && !names.contains(name)) {
          names.add(name);
        }
      }
    }
    if (!params.containsKey("name")
        && !params.containsKey("match")
        && params.containsKey("cache")) {
      return caches.get(params.get("cache"));
    }
    return names;
  }

  private SimulatorResponse set(
      String assignments,
      boolean objectFormat,
      Function<Map<String, String>, Map<String, String>> namespace) {
    Map<String, String> pending = new LinkedHashMap<>();
    Map<String, String> visible = namespace.apply(Map.copyOf(written));
    for (String assignment : assignments.split(",")) {
      int equals = assignment.indexOf('=');
      if (equals <= 0) {
        return SimulatorResponse.json(400, BAD_REQUEST);
      }
      String name = assignment.substring(0, equals);
      if (!written.containsKey(name) || !visible.containsKey(name)) {
        return SimulatorResponse.json(400, BAD_REQUEST);
      }
      pending.put(name, assignment.substring(equals + 1));
    }
    written.putAll(pending);
    return SimulatorResponse.json(objectFormat ? object(pending) : list(pending));
  }

  private String list(Map<String, String> values) {
    StringBuilder out = new StringBuilder("{\"values\" : [");
    boolean first = true;
    for (Map.Entry<String, String> entry : values.entrySet()) {
      out.append(first ? " " : ",")
          .append("{ \"name\": ")
          .append(json.quote(entry.getKey()))
          .append(", \"value\" : ")
          .append(json.quote(entry.getValue()))
          .append(" }");
      first = false;
    }
    return out.append("],\"count\": ").append(values.size()).append(" }\n").toString();
  }

  private String object(Map<String, String> values) {
    StringBuilder out = new StringBuilder("{ ");
    boolean first = true;
    for (Map.Entry<String, String> entry : values.entrySet()) {
      out.append(first ? "" : ",")
          .append(json.quote(entry.getKey()))
          .append(':')
          .append(json.quote(entry.getValue()));
      first = false;
    }
    return out.append("}\n").toString();
  }

  /**
   * Query keys and their (URL-decoded) values; {@code set} keeps everything after its first {@code
   * =}.
   */
  static Map<String, String> parse(String query) {
    Map<String, String> params = new LinkedHashMap<>();
    if (query == null || query.isBlank()) {
      return params;
    }
    for (String part : query.trim().split("&")) {
      int equals = part.indexOf('=');
      String key = equals < 0 ? part : part.substring(0, equals);
      String value = equals < 0 ? "" : part.substring(equals + 1);
      params.put(decode(key), decode(value));
    }
    return params;
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  static String error(int status, String description) {
    return "{\"status\": "
        + status
        + ", \"description\" : \""
        + description
        + "\", \"errorcode\" : \"0x0000\"}\n";
  }
}
