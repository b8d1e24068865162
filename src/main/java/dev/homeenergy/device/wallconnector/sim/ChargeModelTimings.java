package dev.homeenergy.device.wallconnector.sim;

/**
 * Durations of the {@code charging} cycle, in simulated seconds, taken from a real 40 A session
 * trace (contactor closing 18 s after plug-in, current ramping over about 20 s).
 *
 * @param idleSeconds unplugged time before each plug-in
 * @param contactorCloseAtSessionS {@code session_s} at which the contactor closes
 * @param rampDelaySeconds seconds at the 0.4 A trickle after the contactor closes
 * @param rampSeconds seconds the current takes to climb to the full current
 * @param chargeSeconds seconds the contactor stays closed
 * @param pluggedAfterStopSeconds seconds the car stays plugged in after charging stops
 * @param fullCurrentA the charging current once ramped up
 */
public record ChargeModelTimings(
    int idleSeconds,
    int contactorCloseAtSessionS,
    int rampDelaySeconds,
    int rampSeconds,
    int chargeSeconds,
    int pluggedAfterStopSeconds,
    double fullCurrentA) {

  public ChargeModelTimings {
    if (idleSeconds < 3
        || contactorCloseAtSessionS < 5
        || rampDelaySeconds < 0
        || rampSeconds < 1
        || chargeSeconds <= rampDelaySeconds + rampSeconds
        || pluggedAfterStopSeconds < 3
        || !(fullCurrentA > 0)) {
      throw new IllegalArgumentException("inconsistent charging cycle timings: " + this);
    }
  }

  /** 5 min idle, 25 min charging at 40 A, 2 min plugged after the stop: a 32-minute cycle. */
  public static ChargeModelTimings defaults() {
    return new ChargeModelTimings(300, 18, 4, 20, 1500, 120, 40.0);
  }

  /** Seconds from one plug-in to the next. */
  public int cycleSeconds() {
    return idleSeconds + (contactorCloseAtSessionS - 1) + chargeSeconds + pluggedAfterStopSeconds;
  }
}
