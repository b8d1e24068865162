package dev.homeenergy.device.wallconnector.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic model of one US split-phase Wall Connector Gen 3, advanced in fixed one-second
 * simulated steps so that any clock (real, scaled or manual) plays the same sequence. Noise comes
 * from a seeded generator drawn once per step, never per request.
 *
 * <p>Not thread-safe: the simulator serialises access.
 */
public final class ChargeModel {
  /** Simulated time per model step. */
  public static final Duration STEP = Duration.ofSeconds(1);

  /** At most this much simulated time is stepped through per catch-up; older time is skipped. */
  public static final Duration MAX_CATCH_UP = Duration.ofDays(2);

  /** Length of one {@code flaky} outage period and the offline part at its end. */
  public static final Duration FLAKY_PERIOD = Duration.ofSeconds(120);

  public static final Duration FLAKY_OUTAGE = Duration.ofSeconds(30);

  private static final long DEFAULT_SEED = 0x7E51A_3C0DEL;
  private static final double NOMINAL_GRID_V = 253.8;
  private static final double NOMINAL_GRID_HZ = 59.860;
  private static final double PCBA_AMBIENT_C = 20.7;
  private static final double HANDLE_AMBIENT_C = 17.2;
  private static final double MCU_AMBIENT_C = 25.2;
  private static final double THERMOPILE_IDLE_UV = -97;
  private static final double TRICKLE_A = 0.4;
  private static final List<Integer> REASONS_IDLE = List.of(4, 8);
  private static final List<Integer> REASONS_JUST_UNPLUGGED = List.of(8);
  private static final List<Integer> REASONS_HANDSHAKE = List.of(4);
  private static final List<Integer> REASONS_PLUGGED = List.of(1);
  private static final List<Integer> REASONS_UNPLUGGING = List.of(3);

  private enum Phase {
    UNPLUGGED,
    PLUGGED,
    CHARGING,
    STOPPED
  }

  private final Scenario scenario;
  private final ChargeModelTimings timings;
  private final Instant start;
  private final SplittableRandom random;

  private Instant simulatedTime;
  private Phase phase = Phase.UNPLUGGED;
  private long phaseSeconds;
  private boolean hadSession;
  private long sessionS;
  private double sessionEnergyWh = 55.6;
  private double currentA;

  private double gridOffsetV;
  private double gridOffsetHz;
  private double pcbaTempC = PCBA_AMBIENT_C;
  private double handleTempC = HANDLE_AMBIENT_C;
  private double mcuTempC = MCU_AMBIENT_C;
  private double thermopileUv = THERMOPILE_IDLE_UV;
  private int wifiRssi = -58;
  private long uptimeS = 2_671_424;

  private long contactorCycles = 1054;
  private final long contactorCyclesLoaded = 66;
  private final long alertCount = 2243;
  private long chargeStarts = 1054;
  private double lifetimeEnergyWh = 5_276_620.4;
  private long connectorCycles = 483;
  private long lifetimeUptimeS = 50_804_115;
  private long chargingTimeS = 3_938_097;

  private ChargeModelVitals vitals;

  public ChargeModel(Scenario scenario, Instant start) {
    this(scenario, start, ChargeModelTimings.defaults(), DEFAULT_SEED);
  }

  public ChargeModel(Scenario scenario, Instant start, ChargeModelTimings timings, long seed) {
    this.scenario = scenario;
    this.timings = timings;
    this.start = start;
    this.simulatedTime = start;
    this.random = new SplittableRandom(seed);
    this.vitals = measure();
  }

  public Scenario scenario() {
    return scenario;
  }

  public ChargeModelTimings timings() {
    return timings;
  }

  /** Simulated time of the last completed step. */
  public Instant simulatedTime() {
    return simulatedTime;
  }

  /**
   * Steps the model up to {@code now}. Time beyond {@link #MAX_CATCH_UP} is skipped: the unit is
   * taken to have sat in its current state, so only the uptime counters advance over it.
   */
  public void advanceTo(Instant now) {
    long behind = Duration.between(simulatedTime, now).getSeconds();
    long skipped = behind - MAX_CATCH_UP.getSeconds();
    if (skipped > 0) {
      uptimeS += skipped;
      lifetimeUptimeS += skipped;
      simulatedTime = simulatedTime.plusSeconds(skipped);
      behind -= skipped;
    }
    for (long i = 0; i < behind; i++) {
      step();
    }
  }

  /** Whether the {@code flaky} scenario has the unit off the network at {@code now}. */
  public boolean inOutage(Instant now) {
    if (scenario != Scenario.FLAKY) {
      return false;
    }
    long sinceStart = Math.max(0, Duration.between(start, now).getSeconds());
    long period = FLAKY_PERIOD.getSeconds();
    return sinceStart % period >= period - FLAKY_OUTAGE.getSeconds();
  }

  /** What the unit reports after the last completed step. */
  public ChargeModelSnapshot snapshot() {
    ChargeModelLifetime lifetime =
        new ChargeModelLifetime(
            contactorCycles,
            contactorCyclesLoaded,
            alertCount,
            0,
            0.0,
            chargeStarts,
            lifetimeEnergyWh,
            connectorCycles,
            lifetimeUptimeS,
            chargingTimeS);
    return new ChargeModelSnapshot(simulatedTime, vitals, lifetime, wifiRssi);
  }

  private void step() {
    simulatedTime = simulatedTime.plus(STEP);
    uptimeS++;
    lifetimeUptimeS++;
    phaseSeconds++;
    if (phase != Phase.UNPLUGGED) {
      sessionS++;
    }
    switch (phase) {
      case UNPLUGGED -> {
        if (scenario == Scenario.CHARGING && phaseSeconds > timings.idleSeconds()) {
          plugIn();
        }
      }
      case PLUGGED -> {
        if (sessionS >= timings.contactorCloseAtSessionS()) {
          closeContactor();
        }
      }
      case CHARGING -> {
        if (phaseSeconds > timings.chargeSeconds()) {
          openContactor();
        }
      }
      case STOPPED -> {
        if (phaseSeconds > timings.pluggedAfterStopSeconds()) {
          unplug();
        }
      }
    }
    currentA = phase == Phase.CHARGING ? chargingCurrent() : 0.0;
    driftEnvironment();
    if (phase == Phase.CHARGING) {
      double energyWh = voltageB() * currentA * STEP.getSeconds() / 3600.0;
      sessionEnergyWh += energyWh;
      lifetimeEnergyWh += energyWh;
      chargingTimeS++;
    }
    vitals = measure();
  }

  private void enter(Phase next) {
    phase = next;
    phaseSeconds = 1;
  }

  private void plugIn() {
    enter(Phase.PLUGGED);
    sessionS = 1;
    sessionEnergyWh = 0.0;
    connectorCycles++;
    hadSession = true;
  }

  private void closeContactor() {
    enter(Phase.CHARGING);
    chargeStarts++;
    contactorCycles++;
  }

  private void openContactor() {
    enter(Phase.STOPPED);
  }

  private void unplug() {
    enter(Phase.UNPLUGGED);
    sessionS = 0;
  }

  private double chargingCurrent() {
    long sinceClose = phaseSeconds;
    if (sinceClose <= timings.rampDelaySeconds()) {
      return TRICKLE_A;
    }
    double full = timings.fullCurrentA();
    double rampProgress =
        (double) (sinceClose - timings.rampDelaySeconds()) / timings.rampSeconds();
    if (rampProgress < 1.0) {
      return TRICKLE_A + (full - TRICKLE_A) * rampProgress;
    }
    return full + jitter(0.1);
  }

  private void driftEnvironment() {
    gridOffsetV = 0.95 * gridOffsetV + jitter(0.08);
    gridOffsetHz = 0.95 * gridOffsetHz + jitter(0.004);
    double load = Math.pow(currentA / timings.fullCurrentA(), 2);
    pcbaTempC = approach(pcbaTempC, PCBA_AMBIENT_C + 4.0 * load, 1500);
    handleTempC = approach(handleTempC, HANDLE_AMBIENT_C + 12.0 * load, 900);
    mcuTempC = approach(mcuTempC, MCU_AMBIENT_C + 3.5 * load, 1200);
    double thermopileTarget = THERMOPILE_IDLE_UV - 330 * load;
    thermopileUv =
        approach(thermopileUv, thermopileTarget, thermopileTarget < thermopileUv ? 300 : 600);
    if (random.nextInt(20) == 0) {
      wifiRssi = Math.max(-61, Math.min(-55, wifiRssi + random.nextInt(3) - 1));
    }
  }

  private ChargeModelVitals measure() {
    boolean closed = phase == Phase.CHARGING;
    boolean connected = phase != Phase.UNPLUGGED;
    double gridV = NOMINAL_GRID_V + gridOffsetV - 0.035 * currentA;
    double voltageA = closed ? 119.3 + gridOffsetV / 2 - 0.015 * currentA : 0.1;
    double voltageB = closed ? voltageB() : 5.4;
    double voltageC = closed ? 119.1 + gridOffsetV / 2 - 0.015 * currentA : 0.1;
    double lineCurrent = closed ? currentA : 0.3;
    double neutral = random.nextInt(10) < 4 ? 0.0 : lineCurrent;
    double relay = closed ? (random.nextInt(10) < 3 ? 5.8 : 5.7) : 0.0;
    double relayIdleHigh = closed ? relay : (random.nextInt(10) < 2 ? 11.9 : 12.0);
    boolean unplugging =
        phase == Phase.STOPPED && phaseSeconds > timings.pluggedAfterStopSeconds() - 2;
    double prox = !connected ? 0.0 : unplugging ? 2.7 : 1.5;
    double pilotHigh;
    double pilotLow;
    if (!connected) {
      pilotHigh = 11.8;
      pilotLow = random.nextInt(10) == 0 ? 11.7 : 11.8;
    } else if (phase == Phase.PLUGGED && sessionS == 1) {
      pilotHigh = 0.4;
      pilotLow = 0.1;
    } else {
      pilotHigh = pilotLevel();
      pilotLow = pilotLevel();
    }
    return new ChargeModelVitals(
        closed,
        connected,
        sessionS,
        gridV,
        NOMINAL_GRID_HZ + gridOffsetHz,
        lineCurrent,
        0.0,
        lineCurrent,
        0.0,
        neutral,
        voltageA,
        voltageB,
        voltageC,
        relay,
        relayIdleHigh,
        pcbaTempC + jitter(0.03),
        handleTempC + jitter(0.03),
        mcuTempC + jitter(0.03),
        uptimeS,
        Math.round(thermopileUv + jitter(0.6)),
        prox,
        pilotHigh,
        pilotLow,
        sessionEnergyWh,
        5,
        evseState(unplugging),
        List.of(),
        notReadyReasons(unplugging));
  }

  /** Line-to-line voltage across the closed contactor; all charging current flows on line B. */
  private double voltageB() {
    return 247.6 + gridOffsetV - 0.028 * currentA;
  }

  private int evseState(boolean unplugging) {
    return switch (phase) {
      case UNPLUGGED -> 1;
      case PLUGGED -> sessionS <= 2 ? 7 : 9;
      case CHARGING -> 11;
      case STOPPED -> unplugging ? 7 : 9;
    };
  }

  private List<Integer> notReadyReasons(boolean unplugging) {
    return switch (phase) {
      case UNPLUGGED -> hadSession && phaseSeconds <= 2 ? REASONS_JUST_UNPLUGGED : REASONS_IDLE;
      case PLUGGED -> sessionS <= 4 ? REASONS_HANDSHAKE : REASONS_PLUGGED;
      case CHARGING -> REASONS_PLUGGED;
      case STOPPED -> unplugging ? REASONS_UNPLUGGING : REASONS_PLUGGED;
    };
  }

  private double pilotLevel() {
    return random.nextInt(10) < 6 ? 4.4 + jitter(0.2) : -0.01 - random.nextDouble() * 0.06;
  }

  private double approach(double value, double target, double timeConstantS) {
    return value + (target - value) / timeConstantS;
  }

  private double jitter(double amplitude) {
    return (random.nextDouble() * 2 - 1) * amplitude;
  }
}
