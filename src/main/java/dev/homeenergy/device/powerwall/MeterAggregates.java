package dev.homeenergy.device.powerwall;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code GET /api/meters/aggregates}: readings by category ({@code site}, {@code
 * battery}, {@code load}, {@code solar}; older firmware also {@code busway}, {@code frequency},
 * {@code generator}), in the gateway's order. A category whose value is {@code null} maps to null.
 */
public record MeterAggregates(Map<String, MeterReadings> categories) {

  public MeterAggregates {
    categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
  }
}
