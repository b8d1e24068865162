package dev.homeenergy.device.tesla.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * One simulated car's (UTC) day, shifted by 20 minutes per car index: a 30 min drive from 07:30 (10
 * mi, 80 % → 72 %), parked, a 40 min drive from 17:00 (20 mi, 72 % → 62 %), plugged in at home from
 * then until the morning, charging 19:00–22:00 back to 80 %. A car that does not drive stays
 * parked, unplugged, at 80 %.
 *
 * @param offsetMinutes how far this car's day is shifted
 * @param drives whether the car follows the day at all
 */
public record FleetVehicleModelDay(int offsetMinutes, boolean drives) {
  static final int MORNING_START = 7 * 60 + 30;
  static final int MORNING_END = 8 * 60;
  static final int EVENING_START = 17 * 60;
  static final int EVENING_END = 17 * 60 + 40;
  static final int CHARGE_START = 19 * 60;
  static final int CHARGE_END = 22 * 60;
  private static final int[] BOUNDARIES = {
    MORNING_START, MORNING_END, EVENING_START, EVENING_END, CHARGE_START, CHARGE_END
  };
  private static final double FULL = 80;
  private static final double AFTER_MORNING = 72;
  private static final double AFTER_EVENING = 62;
  private static final double MORNING_MILES = 10;
  private static final double EVENING_MILES = 20;
  private static final double BASE_ODOMETER = 12_000;
  private static final LocalDate ODOMETER_EPOCH = LocalDate.of(2020, 1, 1);

  /** What the car is doing. */
  public enum Activity {
    DRIVING,
    PARKED,
    CHARGING
  }

  public static FleetVehicleModelDay forCar(int index, boolean drives) {
    return new FleetVehicleModelDay(index * 20, drives);
  }

  public Activity activity(Instant at) {
    if (!drives) {
      return Activity.PARKED;
    }
    double m = minute(at);
    if ((m >= MORNING_START && m < MORNING_END) || (m >= EVENING_START && m < EVENING_END)) {
      return Activity.DRIVING;
    }
    return m >= CHARGE_START && m < CHARGE_END ? Activity.CHARGING : Activity.PARKED;
  }

  /** Whether the charge cable is in: from the evening drive's end to the morning drive. */
  public boolean pluggedIn(Instant at) {
    if (!drives) {
      return false;
    }
    double m = minute(at);
    return m >= EVENING_END || m < MORNING_START;
  }

  /** State of charge in percent. */
  public double batteryLevel(Instant at) {
    if (!drives) {
      return FULL;
    }
    double m = minute(at);
    if (m < MORNING_START || m >= CHARGE_END) {
      return FULL;
    }
    if (m < MORNING_END) {
      return lerp(FULL, AFTER_MORNING, (m - MORNING_START) / (MORNING_END - MORNING_START));
    }
    if (m < EVENING_START) {
      return AFTER_MORNING;
    }
    if (m < EVENING_END) {
      return lerp(
          AFTER_MORNING, AFTER_EVENING, (m - EVENING_START) / (EVENING_END - EVENING_START));
    }
    if (m < CHARGE_START) {
      return AFTER_EVENING;
    }
    return lerp(AFTER_EVENING, FULL, (m - CHARGE_START) / (CHARGE_END - CHARGE_START));
  }

  /** Odometer in miles: 30 mi per simulated day since 2020 plus today's share. */
  public double odometer(Instant at) {
    if (!drives) {
      return BASE_ODOMETER;
    }
    Instant shifted = at.minus(Duration.ofMinutes(offsetMinutes));
    long days =
        ChronoUnit.DAYS.between(ODOMETER_EPOCH, shifted.atZone(ZoneOffset.UTC).toLocalDate());
    double m = minute(at);
    double today =
        clamp((m - MORNING_START) / (MORNING_END - MORNING_START)) * MORNING_MILES
            + clamp((m - EVENING_START) / (EVENING_END - EVENING_START)) * EVENING_MILES;
    return BASE_ODOMETER + days * (MORNING_MILES + EVENING_MILES) + today;
  }

  /** The first change of activity or plug after {@code at}, or {@link Instant#MAX} if none. */
  public Instant nextBoundary(Instant at) {
    if (!drives) {
      return Instant.MAX;
    }
    Instant shifted = at.minus(Duration.ofMinutes(offsetMinutes));
    Instant dayStart = shifted.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofMinutes(offsetMinutes));
    for (int day = 0; day < 2; day++) {
      for (int boundary : BOUNDARIES) {
        Instant candidate = dayStart.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(boundary));
        if (candidate.isAfter(at)) {
          return candidate;
        }
      }
    }
    throw new IllegalStateException("no boundary after " + at);
  }

  /** Minute of this car's shifted UTC day, fractional. */
  private double minute(Instant at) {
    Instant shifted = at.minus(Duration.ofMinutes(offsetMinutes));
    long millisOfDay = Math.floorMod(shifted.toEpochMilli(), Duration.ofDays(1).toMillis());
    return millisOfDay / 60_000.0;
  }

  private static double lerp(double from, double to, double fraction) {
    return from + (to - from) * fraction;
  }

  private static double clamp(double fraction) {
    return Math.max(0, Math.min(1, fraction));
  }
}
