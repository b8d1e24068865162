package dev.homeenergy.device.tesla;

import dev.homeenergy.core.EndpointFailure;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one poll of the Fleet (or Owner) API brought back, before parsing.
 *
 * @param at when the poll finished
 * @param vehiclesBody body of {@code GET /api/1/vehicles} (lists every car with its state without
 *     waking it), or null when not read
 * @param productsBody body of {@code GET /api/1/products} (vehicles and energy sites), or null
 * @param vehicleData {@code vehicle_data} bodies of the cars read this poll, by VIN (only online
 *     cars)
 * @param liveStatus {@code live_status} bodies by energy site id
 * @param siteInfo {@code site_info} bodies by energy site id (read hourly; the last good body)
 * @param usage what the API has cost so far and what is projected
 * @param failures endpoints that failed on their own
 */
public record TeslaResponses(
    Instant at,
    String vehiclesBody,
    String productsBody,
    Map<String, String> vehicleData,
    Map<String, String> liveStatus,
    Map<String, String> siteInfo,
    FleetUsage usage,
    List<EndpointFailure> failures) {

  public TeslaResponses {
    vehicleData = Map.copyOf(vehicleData);
    liveStatus = Map.copyOf(liveStatus);
    siteInfo = Map.copyOf(siteInfo);
    failures = List.copyOf(failures);
  }

  /**
   * Billed Fleet API use.
   *
   * @param requestsByKind billed requests by kind ({@code data}, {@code wake}, {@code command},
   *     {@code streaming_signal}...), since start
   * @param dollarsSpent estimated spend since start, from the published prices
   * @param projectedMonthDollars spend projected for the current month at the current pace
   * @param budgetDollars the monthly budget the poller keeps to
   * @param rateLimitedUntil when a 429's {@code Retry-After} ends, or null
   * @param pollErrors failed reads since start by the seed 002 exporter's error types ({@code
   *     vehicle_data_failed}, {@code unexpected_error})
   */
  public record FleetUsage(
      Map<String, Long> requestsByKind,
      double dollarsSpent,
      double projectedMonthDollars,
      double budgetDollars,
      Instant rateLimitedUntil,
      Map<String, Long> pollErrors) {
    public FleetUsage {
      requestsByKind = Map.copyOf(requestsByKind);
      pollErrors = Map.copyOf(pollErrors);
    }

    /** Usage without error counts. */
    public FleetUsage(
        Map<String, Long> requestsByKind,
        double dollarsSpent,
        double projectedMonthDollars,
        double budgetDollars,
        Instant rateLimitedUntil) {
      this(
          requestsByKind,
          dollarsSpent,
          projectedMonthDollars,
          budgetDollars,
          rateLimitedUntil,
          Map.of());
    }

    public FleetUsage withPollErrors(Map<String, Long> errors) {
      return new FleetUsage(
          requestsByKind,
          dollarsSpent,
          projectedMonthDollars,
          budgetDollars,
          rateLimitedUntil,
          errors);
    }
  }
}
