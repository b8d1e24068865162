package dev.homeenergy.device.tesla.sim;

import dev.homeenergy.simulator.SiteTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * One simulated car's day on the simulated sites' local time ({@link SiteTime}, as the gateways'
 * and PVSs' solar days), shifted by {@code offsetMinutes}: a morning drive from 07:30, parked, an
 * evening drive from 17:00, plugged in at home from then until the morning and charging back to its
 * limit in the evening. Each car has its own {@link Habits}, so two cars never show the same
 * values. A car that does not drive stays parked, unplugged, at its limit.
 *
 * @param offsetMinutes how far this car's day is shifted
 * @param drives whether the car follows the day at all
 * @param habits this car's limit, drives and charging
 */
public record FleetVehicleModelDay(int offsetMinutes, boolean drives, Habits habits) {
  static final int MORNING_START = 7 * 60 + 30;
  static final int EVENING_START = 17 * 60;
  private static final LocalDate ODOMETER_EPOCH = LocalDate.of(2020, 1, 1);

  /**
   * How one car is used.
   *
   * @param chargeLimit charge limit, percent: the level while parked at home in the morning
   * @param morningMinutes how long the morning drive lasts
   * @param eveningMinutes how long the evening drive lasts
   * @param morningMiles how far the morning drive goes
   * @param eveningMiles how far the evening drive goes
   * @param morningPercent the charge the morning drive uses, percent
   * @param eveningPercent the charge the evening drive uses, percent
   * @param chargeStart when charging starts, minute of the car's day
   * @param chargeMinutes how long charging back to the limit takes
   * @param chargerAmps the current it charges at (240 V, one phase)
   * @param baseOdometer the odometer on {@code 2020-01-01}, miles
   */
  public record Habits(
      double chargeLimit,
      int morningMinutes,
      int eveningMinutes,
      double morningMiles,
      double eveningMiles,
      double morningPercent,
      double eveningPercent,
      int chargeStart,
      int chargeMinutes,
      int chargerAmps,
      double baseOdometer) {

    /** The charge after the evening drive, when the car is plugged in. */
    public double plugInLevel() {
      return chargeLimit - morningPercent - eveningPercent;
    }
  }

  /** A short commute, charging at 48 A from 19:00. */
  static final Habits COMMUTER = new Habits(80, 30, 40, 10, 20, 8, 10, 19 * 60, 180, 48, 12_000);

  /** A longer run on a 32 A charger from 21:00, to a higher limit. */
  static final Habits LONG_RUN = new Habits(90, 45, 55, 24, 31, 13, 17, 21 * 60, 165, 32, 27_500);

  private static final List<Habits> HABITS = List.of(COMMUTER, LONG_RUN);

  /** What the car is doing. */
  public enum Activity {
    DRIVING,
    PARKED,
    CHARGING
  }

  /**
   * Car {@code index}'s day: shifted by 20 minutes per car, with the habits of its index (the
   * commuter and the long run in turn), the same whenever the simulator starts.
   */
  public static FleetVehicleModelDay forCar(int index, boolean drives) {
    return new FleetVehicleModelDay(index * 20, drives, HABITS.get(index % HABITS.size()));
  }

  private int morningEnd() {
    return MORNING_START + habits.morningMinutes();
  }

  private int eveningEnd() {
    return EVENING_START + habits.eveningMinutes();
  }

  private int chargeEnd() {
    return habits.chargeStart() + habits.chargeMinutes();
  }

  public Activity activity(Instant at) {
    if (!drives) {
      return Activity.PARKED;
    }
    double m = minute(at);
    if ((m >= MORNING_START && m < morningEnd()) || (m >= EVENING_START && m < eveningEnd())) {
      return Activity.DRIVING;
    }
    return m >= habits.chargeStart() && m < chargeEnd() ? Activity.CHARGING : Activity.PARKED;
  }

  /** Whether the charge cable is in: from the evening drive's end to the morning drive. */
  public boolean pluggedIn(Instant at) {
    if (!drives) {
      return false;
    }
    double m = minute(at);
    return m >= eveningEnd() || m < MORNING_START;
  }

  /** The charge limit, percent. */
  public double chargeLimit() {
    return habits.chargeLimit();
  }

  /** State of charge in percent. */
  public double batteryLevel(Instant at) {
    double full = habits.chargeLimit();
    if (!drives) {
      return full;
    }
    double afterMorning = full - habits.morningPercent();
    double afterEvening = habits.plugInLevel();
    double m = minute(at);
    if (m < MORNING_START || m >= chargeEnd()) {
      return full;
    }
    if (m < morningEnd()) {
      return lerp(full, afterMorning, (m - MORNING_START) / habits.morningMinutes());
    }
    if (m < EVENING_START) {
      return afterMorning;
    }
    if (m < eveningEnd()) {
      return lerp(afterMorning, afterEvening, (m - EVENING_START) / habits.eveningMinutes());
    }
    if (m < habits.chargeStart()) {
      return afterEvening;
    }
    return lerp(afterEvening, full, (m - habits.chargeStart()) / habits.chargeMinutes());
  }

  /** Odometer in miles: the day's miles per simulated day since 2020 plus today's share. */
  public double odometer(Instant at) {
    if (!drives) {
      return habits.baseOdometer();
    }
    long days = ChronoUnit.DAYS.between(ODOMETER_EPOCH, localDate(at));
    double m = minute(at);
    double today =
        clamp((m - MORNING_START) / habits.morningMinutes()) * habits.morningMiles()
            + clamp((m - EVENING_START) / habits.eveningMinutes()) * habits.eveningMiles();
    return habits.baseOdometer() + days * (habits.morningMiles() + habits.eveningMiles()) + today;
  }

  /** The first change of activity or plug after {@code at}, or {@link Instant#MAX} if none. */
  public Instant nextBoundary(Instant at) {
    if (!drives) {
      return Instant.MAX;
    }
    int[] boundaries = {
      MORNING_START, morningEnd(), EVENING_START, eveningEnd(), habits.chargeStart(), chargeEnd()
    };
    Instant dayStart = at.minus(Duration.ofMillis(Math.round(minute(at) * 60_000)));
    for (int day = 0; day < 2; day++) {
      for (int boundary : boundaries) {
        Instant candidate = dayStart.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(boundary));
        if (candidate.isAfter(at)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("no boundary after " + at);
  }

  /** This car's shifted local time, as epoch milliseconds. */
  private long localMillis(Instant at) {
    return at.toEpochMilli()
        + SiteTime.OFFSET.getTotalSeconds() * 1000L
        - Duration.ofMinutes(offsetMinutes).toMillis();
  }

  private LocalDate localDate(Instant at) {
    return LocalDate.ofEpochDay(Math.floorDiv(localMillis(at), Duration.ofDays(1).toMillis()));
  }

  /** Minute of this car's shifted local day, fractional. */
  private double minute(Instant at) {
    return Math.floorMod(localMillis(at), Duration.ofDays(1).toMillis()) / 60_000.0;
  }

  private static double lerp(double from, double to, double fraction) {
    return from + (to - from) * fraction;
  }

  private static double clamp(double fraction) {
    return Math.max(0, Math.min(1, fraction));
  }
}
