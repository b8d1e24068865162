package dev.homeenergy.device.tesla;

import dev.homeenergy.core.MetricFamily;
import dev.homeenergy.core.Naming;
import dev.homeenergy.core.Samples;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.TreeMap;

/**
 * What the Fleet API has cost ({@code tesla_fleet_api_*}); nothing when the reading has no usage.
 */
public final class TeslaFleetUsageNaming implements Naming<TeslaReading> {
  static final MetricFamily REQUESTS =
      MetricFamily.counter(
          "tesla_fleet_api_requests", "Billed Fleet API requests since start, by kind");
  static final MetricFamily COST =
      MetricFamily.counter(
          "tesla_fleet_api_cost_dollars",
          "Estimated Fleet API spend since start, from the published prices");
  static final MetricFamily PROJECTED =
      MetricFamily.gauge(
          "tesla_fleet_api_projected_month_dollars",
          "Spend projected for the current month at the current pace");
  static final MetricFamily BUDGET =
      MetricFamily.gauge("tesla_fleet_api_budget_dollars", "Monthly budget the poller keeps to");
  static final MetricFamily RATE_LIMITED_UNTIL =
      MetricFamily.gauge(
          "tesla_fleet_api_rate_limited_until_timestamp_seconds",
          "seconds",
          "When the last 429's Retry-After ends, Unix time");

  @Override
  public void render(TeslaReading reading, String deviceName, Samples.Builder out) {
    TeslaResponses.FleetUsage usage = reading.usage();
    if (usage == null) {
      return;
    }
    Labels account = Labels.of("device", deviceName);
    new TreeMap<>(usage.requestsByKind())
        .forEach((kind, n) -> out.add(REQUESTS, account.add("kind", kind), n));
    out.add(COST, account, usage.dollarsSpent());
    out.add(PROJECTED, account, usage.projectedMonthDollars());
    out.add(BUDGET, account, usage.budgetDollars());
    if (usage.rateLimitedUntil() != null) {
      out.add(RATE_LIMITED_UNTIL, account, usage.rateLimitedUntil().toEpochMilli() / 1000.0);
    }
  }
}
