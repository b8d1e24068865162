package dev.homeenergy.device.tesla;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the Fleet API bill inside a monthly budget. Every billed request is recorded at its
 * published price; {@link #allows} refuses a request that would take the month over budget (a hard
 * cap), and {@link #spacing} spreads what is left evenly over the rest of the month, so polling
 * slows down smoothly instead of stopping on the 20th. Months are calendar months in UTC, as Tesla
 * bills them. Thread-safe.
 */
public final class FleetBudget {
  /** Tesla's monthly discount, which pays for light use: the default budget. */
  public static final double DEFAULT_MONTHLY_DOLLARS = 10.0;

  private final double monthlyDollars;
  private final Clock clock;
  private final Map<FleetRequestKind, Long> requests = new EnumMap<>(FleetRequestKind.class);
  private double dollarsSinceStart;
  private YearMonth month;
  private double dollarsThisMonth;

  public FleetBudget(double monthlyDollars, Clock clock) {
    if (!(monthlyDollars >= 0) || Double.isInfinite(monthlyDollars)) {
      throw new IllegalArgumentException(
          "budget_dollars must be zero or more, got " + monthlyDollars);
    }
    this.monthlyDollars = monthlyDollars;
    this.clock = clock;
    this.month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
  }

  /** Whether one more request of {@code kind} still fits in this month's budget. */
  public synchronized boolean allows(FleetRequestKind kind) {
    rollMonth();
    return dollarsThisMonth + kind.dollars() <= monthlyDollars + 1e-9;
  }

  /** Counts one billed request. */
  public synchronized void record(FleetRequestKind kind) {
    rollMonth();
    requests.merge(kind, 1L, Long::sum);
    dollarsSinceStart += kind.dollars();
    dollarsThisMonth += kind.dollars();
  }

  /**
   * The shortest spacing between rounds of {@code requestsPerRound} requests of {@code kind} that
   * lets the rest of this month's budget last until the month ends; {@link Duration#ZERO} when the
   * budget is ample. When nothing is left, the time until the next month starts.
   */
  public synchronized Duration spacing(FleetRequestKind kind, int requestsPerRound) {
    rollMonth();
    Duration remaining = untilNextMonth();
    double left = monthlyDollars - dollarsThisMonth;
    double roundCost = kind.dollars() * Math.max(1, requestsPerRound);
    if (left < roundCost) {
      return remaining;
    }
    double rounds = Math.floor(left / roundCost);
    return Duration.ofMillis((long) Math.ceil(remaining.toMillis() / rounds));
  }

  /** Spend projected for this month at the pace since the month began. */
  public synchronized double projectedMonthDollars() {
    rollMonth();
    Instant now = clock.instant();
    Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    double elapsed = Math.max(1, Duration.between(start, now).toSeconds());
    return dollarsThisMonth * Duration.between(start, end).toSeconds() / elapsed;
  }

  public synchronized double dollarsThisMonth() {
    rollMonth();
    return dollarsThisMonth;
  }

  public double monthlyDollars() {
    return monthlyDollars;
  }

  /** What has been spent and requested since start, for the metrics and the landing page. */
  public synchronized TeslaResponses.FleetUsage usage(Instant rateLimitedUntil) {
    Map<String, Long> byKind = new LinkedHashMap<>();
    for (FleetRequestKind kind : FleetRequestKind.values()) {
      byKind.put(kind.label(), requests.getOrDefault(kind, 0L));
    }
    return new TeslaResponses.FleetUsage(
        byKind, dollarsSinceStart, projectedMonthDollars(), monthlyDollars, rateLimitedUntil);
  }

  private Duration untilNextMonth() {
    Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Duration left = Duration.between(clock.instant(), end);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private void rollMonth() {
    YearMonth now = YearMonth.now(clock.withZone(ZoneOffset.UTC));
    if (!now.equals(month)) {
      month = now;
      dollarsThisMonth = 0;
    }
  }
}
