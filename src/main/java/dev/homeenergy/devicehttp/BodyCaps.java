package dev.homeenergy.devicehttp;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How many bytes each endpoint's body may have, so that a device cannot make the exporter buffer
 * and parse far more than its real answers ever are. A family sizes the caps to its real bodies
 * with generous headroom; {@link BoundedBody#DEFAULT_MAX_BYTES} stays the ceiling of every cap.
 *
 * @param fallback the cap of an endpoint not named in {@code byPrefix}
 * @param byPrefix caps by endpoint name prefix; the longest prefix of an endpoint's name decides
 */
public record BodyCaps(int fallback, Map<String, Integer> byPrefix) {
  public BodyCaps {
    check(fallback);
    byPrefix.values().forEach(BodyCaps::check);
    byPrefix = Map.copyOf(byPrefix);
  }

  /** The same cap for every endpoint. */
  public static BodyCaps of(int maxBytes) {
    return new BodyCaps(maxBytes, Map.of());
  }

  /**
   * These caps, with endpoints whose names start with {@code prefix} capped at {@code maxBytes}.
   */
  public BodyCaps with(String prefix, int maxBytes) {
    Map<String, Integer> next = new LinkedHashMap<>(byPrefix);
    next.put(prefix, maxBytes);
    return new BodyCaps(fallback, next);
  }

  /** The cap of the endpoint named {@code endpoint}. */
  public int forEndpoint(String endpoint) {
    String best = null;
    for (String prefix : byPrefix.keySet()) {
      if (endpoint.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    return best == null ? fallback : byPrefix.get(best);
  }

  private static void check(int maxBytes) {
    if (maxBytes <= 0 || maxBytes > BoundedBody.DEFAULT_MAX_BYTES) {
      throw new IllegalArgumentException(
          "a body cap must be between 1 and "
              + BoundedBody.DEFAULT_MAX_BYTES
              + " bytes, got "
              + maxBytes);
    }
  }
}
