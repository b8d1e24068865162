package dev.homeenergy.device.tesla.sim;

import dev.homeenergy.device.tesla.sim.FleetVehicleModelDay.Activity;
import java.time.Duration;
import java.time.Instant;

/**
 * One simulated car's power state, advanced exactly (no stepping) to the clock on every use. A car
 * is online while driving or charging; parked, it falls asleep once {@code quietPeriod} has passed
 * since its last activity, where activity is the end of a drive or charge, waking up, or a {@code
 * vehicle_data} request (the list endpoints do not count, fleet.md §7). A sleeping car wakes by
 * itself when its day has it drive or charge, or {@code wakeLatency} after a {@code wake_up}.
 *
 * <p>{@link #timesKeptAwake()} counts data requests that found the car parked and awake for longer
 * than the quiet period, i.e. that kept a car awake which would otherwise be asleep by then; at
 * most one per quiet period of a parked stretch. An exporter that lets cars sleep keeps it at 0.
 */
public final class FleetVehicleModel {
  private final String vin;
  private final FleetVehicleModelDay day;
  private final Duration quietPeriod;
  private final Duration wakeLatency;

  private Instant at;
  private boolean asleep;
  private Instant wakeAt;
  private Instant lastActive;
  private Instant stretchStart;
  private Instant keptAwakeMark;
  private long awakeMillis;
  private long wakeUps;
  private long timesKeptAwake;
  private long wakeRequests;

  /** A car online and idle since {@code start}. */
  public FleetVehicleModel(
      String vin,
      FleetVehicleModelDay day,
      Duration quietPeriod,
      Duration wakeLatency,
      Instant start) {
    this.vin = vin;
    this.day = day;
    this.quietPeriod = quietPeriod;
    this.wakeLatency = wakeLatency;
    this.at = start;
    this.lastActive = start;
    this.stretchStart = start;
  }

  public String vin() {
    return vin;
  }

  public FleetVehicleModelDay day() {
    return day;
  }

  /** Whether the car is online at {@code now} (not asleep, not still waking). */
  public synchronized boolean online(Instant now) {
    advanceTo(now);
    return !asleep;
  }

  /**
   * A billed {@code vehicle_data} request at {@code now}: resets the sleep timer of an online car.
   *
   * @return whether the car was online to answer (else the API answers 408)
   */
  public synchronized boolean dataRequest(Instant now) {
    advanceTo(now);
    if (asleep) {
      return false;
    }
    if (day.activity(now) == Activity.PARKED) {
      boolean pastQuiet = !now.isBefore(stretchStart.plus(quietPeriod));
      if (pastQuiet && (keptAwakeMark == null || !now.isBefore(keptAwakeMark.plus(quietPeriod)))) {
        timesKeptAwake++;
        keptAwakeMark = now;
      }
      lastActive = now;
    }
    return true;
  }

  /** A {@code wake_up} at {@code now}: a sleeping car comes online {@code wakeLatency} later. */
  public synchronized void wakeRequest(Instant now) {
    advanceTo(now);
    wakeRequests++;
    if (asleep && wakeAt == null) {
      if (wakeLatency.isZero()) {
        wake(now);
      } else {
        wakeAt = now.plus(wakeLatency);
      }
    }
  }

  /** Simulated seconds the car spent online up to {@code now}. */
  public synchronized long awakeSeconds(Instant now) {
    advanceTo(now);
    return awakeMillis / 1000;
  }

  /** Times the car went from asleep to online, whatever woke it. */
  public synchronized long wakeUps(Instant now) {
    advanceTo(now);
    return wakeUps;
  }

  public synchronized long timesKeptAwake() {
    return timesKeptAwake;
  }

  /** {@code wake_up} requests received. */
  public synchronized long wakeRequests() {
    return wakeRequests;
  }

  private void advanceTo(Instant now) {
    while (at.isBefore(now)) {
      Instant boundary = day.nextBoundary(at);
      Instant end = boundary.isBefore(now) ? boundary : now;
      advanceSegment(end, day.activity(at));
      at = end;
    }
  }

  /** Advances over {@code [at, end)}, during which the activity stays {@code activity}. */
  private void advanceSegment(Instant end, Activity activity) {
    if (activity != Activity.PARKED) {
      if (asleep) {
        wake(at);
      }
      awakeMillis += Duration.between(at, end).toMillis();
      lastActive = end;
      stretchStart = end;
      keptAwakeMark = null;
      return;
    }
    Instant cursor = at;
    if (asleep && wakeAt != null && !wakeAt.isAfter(end)) {
      cursor = wakeAt.isAfter(at) ? wakeAt : at;
      wake(cursor);
    }
    if (!asleep) {
      Instant sleepAt = lastActive.plus(quietPeriod);
      if (!sleepAt.isAfter(end)) {
        if (sleepAt.isAfter(cursor)) {
          awakeMillis += Duration.between(cursor, sleepAt).toMillis();
        }
        asleep = true;
      } else {
        awakeMillis += Duration.between(cursor, end).toMillis();
      }
    }
  }

  private void wake(Instant when) {
    asleep = false;
    wakeAt = null;
    wakeUps++;
    lastActive = when;
    stretchStart = when;
    keptAwakeMark = null;
  }
}
