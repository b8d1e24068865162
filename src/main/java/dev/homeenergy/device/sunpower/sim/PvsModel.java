package dev.homeenergy.device.sunpower.sim;

import dev.homeenergy.simulator.SiteTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic model of a PVS site: per-panel microinverters following a daylight curve (local
 * solar time UTC-8) with drifting cloud cover and a small per-panel spread, a home load with
 * morning and evening peaks and random appliances, a gross production meter equal to the sum of the
 * inverters and a net consumption meter reading {@code load - production}. It advances in fixed
 * 15-second simulated steps aligned to the epoch (as the PVS reads its devices), so any clock plays
 * the same day; every lifetime counter integrates exactly the powers the steps report. The
 * supervisor's health figures and the varserver's {@code msmtEps} readings refresh on 5-minute
 * boundaries.
 *
 * <p>Not thread-safe: the simulator serialises access.
 */
public final class PvsModel {
  public static final Duration STEP = Duration.ofSeconds(15);
  public static final Duration MEASUREMENT_PERIOD = Duration.ofMinutes(5);

  /** At most this much simulated time is stepped through per catch-up; older time is skipped. */
  public static final Duration MAX_CATCH_UP = Duration.ofDays(2);

  public static final double PEAK_DC_KW = 0.37;
  public static final double INVERTER_EFFICIENCY = 0.965;
  public static final double INVERTER_MAX_AC_KW = 0.35;
  public static final ZoneOffset SOLAR_TIME = SiteTime.OFFSET;

  private static final long DEFAULT_SEED = 0x5_9E75_1A8L;
  private static final long STEP_SECONDS = STEP.getSeconds();
  private static final long PERIOD_SECONDS = MEASUREMENT_PERIOD.getSeconds();
  private static final double HOURS_PER_STEP = STEP_SECONDS / 3600.0;
  private static final double SUNRISE_HOUR = 6;
  private static final double SUNSET_HOUR = 18.5;
  private static final double BASE_LOAD_KW = 0.45;
  private static final long START_UPTIME_SECONDS = 8_003;

  private final int inverterCount;
  private final SplittableRandom random;
  private final long startSecond;
  private final double[] panelFactor;
  private final double[] voltageTrim;
  private final double[] mpptTrim;
  private final double[] acKw;
  private final double[] lifetimeKwh;

  private long time;
  private double cloud = 1.0;
  private double voltageOffset;
  private double frequencyOffset;
  private double applianceKw;
  private long applianceStepsLeft;
  private double daylight;
  private double loadKw;
  private double productionKwh;
  private double importedKwh = 25_996.5599;
  private double exportedKwh = 27_202.2599;
  private PvsModelSupervisor supervisor;
  private PvsModelSnapshot measurement;

  public PvsModel(Instant start, int inverterCount) {
    this(start, inverterCount, DEFAULT_SEED);
  }

  public PvsModel(Instant start, int inverterCount, long seed) {
    if (inverterCount < 1) {
      throw new IllegalArgumentException("inverterCount must be at least 1, got " + inverterCount);
    }
    this.inverterCount = inverterCount;
    this.random = new SplittableRandom(seed);
    this.time = Math.floorDiv(start.getEpochSecond(), STEP_SECONDS) * STEP_SECONDS;
    this.startSecond = time;
    this.panelFactor = new double[inverterCount];
    this.voltageTrim = new double[inverterCount];
    this.mpptTrim = new double[inverterCount];
    this.acKw = new double[inverterCount];
    this.lifetimeKwh = new double[inverterCount];
    for (int i = 0; i < inverterCount; i++) {
      panelFactor[i] = 0.9 + random.nextDouble() * 0.15;
      voltageTrim[i] = (random.nextDouble() - 0.5) * 2.0;
      mpptTrim[i] = (random.nextDouble() - 0.5) * 3.0;
      lifetimeKwh[i] = 1_500 + 20.0 * i + random.nextDouble() * 10;
      productionKwh += lifetimeKwh[i];
    }
    measure();
    refreshSupervisor();
    measurement = snapshot();
  }

  public int inverterCount() {
    return inverterCount;
  }

  /** The current step's start. */
  public Instant simulatedTime() {
    return Instant.ofEpochSecond(time);
  }

  /** Steps the model up to {@code now}; time beyond {@link #MAX_CATCH_UP} is skipped. */
  public void advanceTo(Instant now) {
    long steps = Math.floorDiv(now.getEpochSecond() - time, STEP_SECONDS);
    long maxSteps = MAX_CATCH_UP.getSeconds() / STEP_SECONDS;
    if (steps > maxSteps) {
      time += (steps - maxSteps) * STEP_SECONDS;
      steps = maxSteps;
    }
    for (long i = 0; i < steps; i++) {
      step();
    }
  }

  /** The latest 15-second reading (what DeviceList and {@code /sys/livedata} show). */
  public PvsModelSnapshot snapshot() {
    List<PvsModelInverter> inverters = new ArrayList<>(inverterCount);
    double lineVolts = 241.0 + voltageOffset;
    double frequency = frequency();
    double ambient = 12 + 14 * daylight;
    for (int i = 0; i < inverterCount; i++) {
      double ac = acKw[i];
      double dc = ac > 0 ? ac / INVERTER_EFFICIENCY : 0;
      double acVolts = lineVolts + 1.5 + voltageTrim[i];
      double dcVolts =
          daylight > 0 ? 55 + mpptTrim[i] - 2 * (ac / INVERTER_MAX_AC_KW) : 21 + mpptTrim[i];
      double heatsink = Math.round(ambient + 40 * ac / INVERTER_MAX_AC_KW);
      inverters.add(
          new PvsModelInverter(
              i,
              time,
              ac,
              dc,
              acVolts,
              ac * 1000 / acVolts,
              dcVolts,
              dc * 1000 / dcVolts,
              heatsink,
              frequency,
              lifetimeKwh[i]));
    }
    double production = 0;
    for (double kw : acKw) {
      production += kw;
    }
    return new PvsModelSnapshot(
        time,
        inverters,
        productionMeter(production, lineVolts),
        consumptionMeter(loadKw - production, lineVolts),
        loadKw,
        supervisor);
  }

  /**
   * The reading taken at the last 5-minute boundary (what the varserver's device variables show).
   */
  public PvsModelSnapshot measurement() {
    return measurement;
  }

  private PvsModelMeter productionMeter(double kw, double lineVolts) {
    double kvar = kw * 0.05;
    double kva = Math.hypot(kw, kvar);
    double pf = kva == 0 ? 0 : kw / kva;
    return new PvsModelMeter(
        kw,
        0,
        0,
        kvar,
        kva,
        pf,
        frequency(),
        kva * 1000 / lineVolts,
        0,
        0,
        0,
        0,
        lineVolts,
        0,
        0,
        productionKwh);
  }

  private PvsModelMeter consumptionMeter(double kw, double lineVolts) {
    double leg1Volts = lineVolts / 2 - 0.15;
    double leg2Volts = lineVolts - leg1Volts;
    double leg1Kw = kw * 0.55;
    double leg2Kw = kw - leg1Kw;
    double kvar = 0.3 + 0.25 * loadKw;
    double kva = Math.hypot(kw, kvar);
    double pf = kva == 0 ? 0 : kw / kva;
    return new PvsModelMeter(
        kw,
        leg1Kw,
        leg2Kw,
        kvar,
        kva,
        pf,
        frequency(),
        kva * 1000 / lineVolts,
        Math.abs(leg1Kw) * 1000 / leg1Volts,
        Math.abs(leg2Kw) * 1000 / leg2Volts,
        leg1Volts,
        leg2Volts,
        lineVolts,
        importedKwh,
        exportedKwh,
        importedKwh - exportedKwh);
  }

  private double frequency() {
    return 60.0 + frequencyOffset;
  }

  private void step() {
    time += STEP_SECONDS;
    drift();
    measure();
    integrate();
    if (time % PERIOD_SECONDS == 0) {
      refreshSupervisor();
      measurement = snapshot();
    }
  }

  private void drift() {
    cloud = clamp(cloud + (random.nextDouble() - 0.5) * 0.06, 0.6, 1.0);
    voltageOffset = clamp(voltageOffset + (random.nextDouble() - 0.5) * 0.4, -4, 4);
    frequencyOffset = clamp(frequencyOffset + (random.nextDouble() - 0.5) * 0.004, -0.03, 0.03);
    if (applianceStepsLeft > 0) {
      applianceStepsLeft--;
      if (applianceStepsLeft == 0) {
        applianceKw = 0;
      }
    } else if (random.nextInt(160) == 0) {
      applianceKw = 1.2 + random.nextDouble() * 1.8;
      applianceStepsLeft = 8 + random.nextInt(80);
    }
  }

  private void measure() {
    double hour =
        Instant.ofEpochSecond(time).atOffset(SOLAR_TIME).toLocalTime().toSecondOfDay() / 3600.0;
    daylight = daylight(hour);
    for (int i = 0; i < inverterCount; i++) {
      double jitter = 1 + (random.nextDouble() - 0.5) * 0.02;
      double dc = PEAK_DC_KW * daylight * cloud * panelFactor[i] * jitter;
      acKw[i] = Math.min(INVERTER_MAX_AC_KW, dc * INVERTER_EFFICIENCY);
    }
    loadKw = load(hour);
  }

  private void integrate() {
    double production = 0;
    for (int i = 0; i < inverterCount; i++) {
      lifetimeKwh[i] += acKw[i] * HOURS_PER_STEP;
      production += acKw[i];
    }
    productionKwh += production * HOURS_PER_STEP;
    double net = loadKw - production;
    if (net > 0) {
      importedKwh += net * HOURS_PER_STEP;
    } else {
      exportedKwh -= net * HOURS_PER_STEP;
    }
  }

  private void refreshSupervisor() {
    long measuredAt = Math.floorDiv(time, PERIOD_SECONDS) * PERIOD_SECONDS;
    long elapsed = measuredAt - startSecond;
    long periods = Math.max(0, elapsed / PERIOD_SECONDS);
    supervisor =
        new PvsModelSupervisor(
            measuredAt,
            START_UPTIME_SECONDS + elapsed,
            0.25 + random.nextDouble() * 0.6,
            78_000 + random.nextInt(4_000),
            59_052 - periods / 12,
            2 + random.nextInt(20),
            2_573 + periods / 3,
            random.nextInt(3));
  }

  private static double daylight(double hour) {
    if (hour <= SUNRISE_HOUR || hour >= SUNSET_HOUR) {
      return 0;
    }
    double phase = (hour - SUNRISE_HOUR) / (SUNSET_HOUR - SUNRISE_HOUR);
    return Math.pow(Math.sin(Math.PI * phase), 1.5);
  }

  private double load(double hour) {
    double morning = 0.9 * Math.exp(-Math.pow((hour - 7.5) / 1.0, 2));
    double evening = 1.6 * Math.exp(-Math.pow((hour - 19.0) / 1.5, 2));
    double noise = (random.nextDouble() - 0.5) * 0.06;
    return BASE_LOAD_KW + morning + evening + applianceKw + noise;
  }

  private static double clamp(double value, double min, double max) {
    return Math.max(min, Math.min(max, value));
  }
}
