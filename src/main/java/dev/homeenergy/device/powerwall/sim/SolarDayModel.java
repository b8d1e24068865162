package dev.homeenergy.device.powerwall.sim;

import dev.homeenergy.simulator.SiteTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic model of a home with rooftop solar, Powerwall packs and a grid connection, advanced
 * in fixed one-second simulated steps so that any clock (real, scaled or manual) plays the same
 * day. Solar follows a daylight curve on local solar time (UTC-8) with drifting cloud cover and a
 * small draw at night; the load is a base load with morning and evening peaks and random
 * appliances. On the grid the packs charge from surplus solar and discharge to cover the load down
 * to the backup reserve, and the grid balances the rest; islanded ({@code grid-outage}) the grid
 * carries nothing, the packs may drain fully, solar is curtailed when they cannot absorb it and the
 * load is shed when they cannot supply it. Powers are metered in whole watts and every counter
 * integrates exactly those.
 *
 * <p>Not thread-safe: the simulator serialises access.
 */
public final class SolarDayModel {
  public static final Duration STEP = Duration.ofSeconds(1);

  /** At most this much simulated time is stepped through per catch-up; older time is skipped. */
  public static final Duration MAX_CATCH_UP = Duration.ofDays(2);

  public static final double PACK_CAPACITY_WH = 13_500;
  public static final double PACK_MAX_POWER_W = 5_000;
  public static final double PEAK_SOLAR_W = 5_800;
  public static final double BACKUP_RESERVE_PERCENT = 20;
  public static final double NIGHT_SOLAR_W = -10;
  public static final ZoneOffset SOLAR_TIME = SiteTime.OFFSET;

  private static final long DEFAULT_SEED = 0x5_01A4_DA7L;
  private static final double SUNRISE_HOUR = 6;
  private static final double SUNSET_HOUR = 18.5;
  private static final double BASE_LOAD_W = 400;
  private static final double START_PERCENT = 30;
  private static final double HOURS_PER_STEP = 1.0 / 3600;

  private final int packCount;
  private final boolean islanded;
  private final SplittableRandom random;
  private final double[] remainingWh;
  private final double[] chargedWh;
  private final double[] dischargedWh;
  private final double[] packPowerW;

  private Instant simulatedTime;
  private boolean disabledPack;
  private double cloud = 1.0;
  private double applianceW;
  private long applianceSecondsLeft;
  private double voltageOffset;
  private double frequencyOffset;
  private int nanos;

  private double solarW;
  private double loadW;
  private double batteryW;
  private double siteW;

  private double siteImportedWh = 752_045.96;
  private double siteExportedWh = 348_463.56;
  private double loadImportedWh = 1_595_342.45;
  private double solarExportedWh = 1_269_175.54;
  private double solarImportedWh = 2_655.49;

  public SolarDayModel(Instant start, int packCount, boolean islanded) {
    this(start, packCount, islanded, DEFAULT_SEED);
  }

  public SolarDayModel(Instant start, int packCount, boolean islanded, long seed) {
    if (packCount < 1) {
      throw new IllegalArgumentException("packCount must be at least 1, got " + packCount);
    }
    this.packCount = packCount;
    this.islanded = islanded;
    this.random = new SplittableRandom(seed);
    this.simulatedTime = start;
    this.remainingWh = new double[packCount];
    this.chargedWh = new double[packCount];
    this.dischargedWh = new double[packCount];
    this.packPowerW = new double[packCount];
    for (int i = 0; i < packCount; i++) {
      remainingWh[i] = PACK_CAPACITY_WH * (START_PERCENT + i) / 100;
      chargedWh[i] = 642_500 + 1_000.0 * i;
      dischargedWh[i] = 567_740 + 1_000.0 * i;
    }
    nanos = random.nextInt(1_000_000_000);
    measure();
  }

  public Instant simulatedTime() {
    return simulatedTime;
  }

  public boolean islanded() {
    return islanded;
  }

  /** Takes the second pack out of service (or back in); no effect with a single pack. */
  public void setDisabledPack(boolean disabled) {
    this.disabledPack = disabled;
  }

  public boolean disabledPack() {
    return disabledPack;
  }

  /** Steps the model up to {@code now}; time beyond {@link #MAX_CATCH_UP} is skipped. */
  public void advanceTo(Instant now) {
    long behind = Duration.between(simulatedTime, now).getSeconds();
    long skipped = behind - MAX_CATCH_UP.getSeconds();
    if (skipped > 0) {
      simulatedTime = simulatedTime.plusSeconds(skipped);
      behind -= skipped;
    }
    for (long i = 0; i < behind; i++) {
      step();
    }
  }

  public SolarDaySnapshot snapshot() {
    List<SolarDayPack> packs = new ArrayList<>(packCount);
    double lineToLine = 2 * 120.4 + voltageOffset;
    for (int i = 0; i < packCount; i++) {
      packs.add(
          new SolarDayPack(
              isDisabled(i),
              packPowerW[i],
              30,
              lineToLine + 6.2 + 0.1 * i,
              frequency(),
              remainingWh[i],
              PACK_CAPACITY_WH,
              chargedWh[i],
              dischargedWh[i]));
    }
    double batteryImported = 0;
    double batteryExported = 0;
    for (int i = 0; i < packCount; i++) {
      batteryImported += chargedWh[i];
      batteryExported += dischargedWh[i];
    }
    SolarDayLifetime lifetime =
        new SolarDayLifetime(
            siteImportedWh,
            siteExportedWh,
            batteryImported,
            batteryExported,
            loadImportedWh,
            solarImportedWh,
            solarExportedWh);
    return new SolarDaySnapshot(
        simulatedTime,
        nanos,
        solarW,
        loadW,
        batteryW,
        siteW,
        islanded ? 0 : -329,
        -318.75,
        -14,
        30 * activePacks(),
        120.4 + voltageOffset / 2,
        120.4 + voltageOffset / 2 + 0.06,
        frequency(),
        packs,
        lifetime,
        islanded);
  }

  private double frequency() {
    return (islanded ? 60.0 : 60.007) + frequencyOffset;
  }

  private boolean isDisabled(int pack) {
    return disabledPack && packCount > 1 && pack == 1;
  }

  private int activePacks() {
    return disabledPack && packCount > 1 ? packCount - 1 : packCount;
  }

  private void step() {
    simulatedTime = simulatedTime.plus(STEP);
    drift();
    double hour = simulatedTime.atOffset(SOLAR_TIME).toLocalTime().toSecondOfDay() / 3600.0;
    double availableSolar = Math.round(solarCurve(hour));
    double demand = Math.round(loadCurve(hour));
    dispatch(availableSolar, demand);
    integrate();
  }

  private void drift() {
    cloud = clamp(cloud + (random.nextDouble() - 0.5) * 0.02, 0.65, 1.0);
    voltageOffset = clamp(voltageOffset + (random.nextDouble() - 0.5) * 0.2, -3, 3);
    frequencyOffset = clamp(frequencyOffset + (random.nextDouble() - 0.5) * 0.002, -0.02, 0.02);
    nanos = random.nextInt(1_000_000_000);
    if (applianceSecondsLeft > 0) {
      applianceSecondsLeft--;
      if (applianceSecondsLeft == 0) {
        applianceW = 0;
      }
    } else if (random.nextInt(2_400) == 0) {
      applianceW = 1_200 + random.nextInt(1_800);
      applianceSecondsLeft = 120 + random.nextInt(1_200);
    }
  }

  private double solarCurve(double hour) {
    if (hour <= SUNRISE_HOUR || hour >= SUNSET_HOUR) {
      return NIGHT_SOLAR_W + (random.nextDouble() - 0.5) * 4;
    }
    double phase = (hour - SUNRISE_HOUR) / (SUNSET_HOUR - SUNRISE_HOUR);
    return PEAK_SOLAR_W * Math.pow(Math.sin(Math.PI * phase), 1.5) * cloud;
  }

  private double loadCurve(double hour) {
    double morning = 900 * Math.exp(-Math.pow((hour - 7.5) / 1.0, 2));
    double evening = 1_600 * Math.exp(-Math.pow((hour - 19.0) / 1.5, 2));
    double noise = (random.nextDouble() - 0.5) * 60;
    return BASE_LOAD_W + morning + evening + applianceW + noise;
  }

  /**
   * Splits the step's flows between battery and grid (or curtailment and shedding when islanded).
   */
  private void dispatch(double availableSolar, double demand) {
    double surplus = availableSolar - demand;
    double battery;
    if (surplus > 0) {
      battery = -Math.floor(spread(surplus, true));
    } else {
      battery = Math.floor(spread(-surplus, false));
    }
    if (islanded) {
      solarW = availableSolar;
      loadW = demand;
      if (surplus > 0) {
        solarW = demand - battery;
      } else if (-surplus > battery) {
        loadW = availableSolar + battery;
      }
    } else {
      solarW = availableSolar;
      loadW = demand;
    }
    batteryW = battery;
    siteW = loadW - solarW - batteryW;
    assignPackPowers(battery);
  }

  /**
   * Power the packs in service can take (charging) or give (discharging) this step, up to {@code
   * wanted}.
   */
  private double spread(double wanted, boolean charging) {
    double possible = 0;
    for (int i = 0; i < packCount; i++) {
      if (!isDisabled(i)) {
        possible += packLimit(i, charging);
      }
    }
    return Math.min(wanted, possible);
  }

  private double packLimit(int pack, boolean charging) {
    double floorWh = islanded ? 0 : PACK_CAPACITY_WH * BACKUP_RESERVE_PERCENT / 100;
    double headroomWh =
        charging ? PACK_CAPACITY_WH - remainingWh[pack] : remainingWh[pack] - floorWh;
    return Math.max(0, Math.min(PACK_MAX_POWER_W, headroomWh / HOURS_PER_STEP));
  }

  /** Shares the battery power between packs in proportion to what each can do. */
  private void assignPackPowers(double battery) {
    boolean charging = battery < 0;
    double total = 0;
    for (int i = 0; i < packCount; i++) {
      total += isDisabled(i) ? 0 : packLimit(i, charging);
    }
    for (int i = 0; i < packCount; i++) {
      double limit = isDisabled(i) ? 0 : packLimit(i, charging);
      packPowerW[i] = total == 0 ? 0 : battery * limit / total;
    }
  }

  private void integrate() {
    for (int i = 0; i < packCount; i++) {
      double wh = packPowerW[i] * HOURS_PER_STEP;
      remainingWh[i] -= wh;
      if (wh > 0) {
        dischargedWh[i] += wh;
      } else {
        chargedWh[i] -= wh;
      }
    }
    if (siteW > 0) {
      siteImportedWh += siteW * HOURS_PER_STEP;
    } else {
      siteExportedWh -= siteW * HOURS_PER_STEP;
    }
    loadImportedWh += loadW * HOURS_PER_STEP;
    if (solarW > 0) {
      solarExportedWh += solarW * HOURS_PER_STEP;
    } else {
      solarImportedWh -= solarW * HOURS_PER_STEP;
    }
  }

  private void measure() {
    double hour = simulatedTime.atOffset(SOLAR_TIME).toLocalTime().toSecondOfDay() / 3600.0;
    dispatch(Math.round(solarCurve(hour)), Math.round(loadCurve(hour)));
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}
