package dev.homeenergy.device.powerwall;

import java.util.List;
import java.util.Map;

/**
 * The TEDAPI part of a Powerwall reading: how the installer API answered, and what it said.
 *
 * @param queries the last attempt of each request kind ({@code din}, {@code config}, {@code
 *     firmware}, {@code status}, {@code components})
 * @param responses answers received since start, by request kind and HTTP status
 * @param cooldown whether all TEDAPI calls are paused after a 429 or 503
 * @param rejections signed queries the gateway refused since start
 * @param info the gateway's identity and firmware, or null before the first answer
 * @param data the values read, or null when no query has answered yet or all are paused
 */
record TedapiReading(
    Map<String, QueryHealth> queries,
    List<ResponseCount> responses,
    boolean cooldown,
    List<Rejection> rejections,
    Info info,
    TedapiData data) {

  TedapiReading {
    queries = Map.copyOf(queries);
    responses = List.copyOf(responses);
    rejections = List.copyOf(rejections);
  }

  /** Whether the last attempt of one request kind succeeded, and how long it took. */
  record QueryHealth(boolean up, double seconds) {}

  /** How many answers with one HTTP status one request kind got. */
  record ResponseCount(String query, int code, long count) {}

  /**
   * How often the gateway refused one signed query of one set.
   *
   * @param reason {@code status} (GraphQL status not success), {@code errors} (GraphQL errors) or
   *     {@code empty} (no usable JSON)
   */
  record Rejection(String query, String querySet, String reason, long count) {}

  /** The gateway's DIN, firmware and device type, and the query set in use. */
  record Info(String din, String version, String githash, String deviceType, String querySet) {}
}
