package dev.homeenergy.simulator;

import java.time.ZoneOffset;

/**
 * The local time of every simulated site: the solar models' solar time, UTC-8. The demo starts its
 * morning on it and the simulated cars keep their day on it, so cars, gateways and solar agree on
 * when it is night.
 */
public final class SiteTime {
  /** UTC-8, the simulated sites' local (solar) time. */
  public static final ZoneOffset OFFSET = ZoneOffset.ofHours(-8);

  private SiteTime() {}
}
