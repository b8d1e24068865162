package dev.homeenergy.device.tesla;

import java.util.Locale;

/**
 * The billed kinds of Fleet API request and their published pay-per-use prices
 * (developer.tesla.com, 2025: data 500 per dollar, wakes 50 per dollar, commands 1,000 per dollar,
 * streaming signals 150,000 per dollar). Every answer below HTTP 500 is billed, 408 and 429
 * included.
 */
public enum FleetRequestKind {
  DATA(1.0 / 500),
  WAKE(1.0 / 50),
  COMMAND(1.0 / 1_000),
  STREAMING_SIGNAL(1.0 / 150_000);

  private final double dollars;

  FleetRequestKind(double dollars) {
    this.dollars = dollars;
  }

  /** Price of one request in US dollars. */
  public double dollars() {
    return dollars;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
