package dev.homeenergy.device.tesla.sim;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Tesla's per-device limits (fleet.md §9): 60 realtime data requests and 3 wakes per car per
 * simulated minute, counted in fixed one-minute windows of the clock. A request over the limit is
 * refused with the seconds until the window ends, for a 429's {@code Retry-After}.
 */
final class FleetSimulatorRateLimits {
  static final int DATA_PER_MINUTE = 60;
  static final int WAKES_PER_MINUTE = 3;

  private record Window(long minute, int count) {}

  private final Map<String, Window> windows = new HashMap<>();

  /**
   * Counts one request of {@code kind} for {@code vin} at {@code now}.
   *
   * @return 0 when allowed, else the seconds until it would be (at least 1)
   */
  synchronized long acquire(String vin, String kind, Instant now) {
    int limit = kind.equals(FleetSimulatorBilling.WAKE) ? WAKES_PER_MINUTE : DATA_PER_MINUTE;
    long minute = Math.floorDiv(now.getEpochSecond(), 60);
    String key = vin + "|" + kind;
    Window window = windows.get(key);
    if (window == null || window.minute() != minute) {
      window = new Window(minute, 0);
    }
    if (window.count() >= limit) {
      return Math.max(1, (minute + 1) * 60 - now.getEpochSecond());
    }
    windows.put(key, new Window(minute, window.count() + 1));
    return 0;
  }
}
