package dev.homeenergy.device.wallconnector.sim;

import java.util.List;

/**
 * The simulated unit's vitals at one instant, unrounded; the renderer applies the firmware's fixed
 * decimals. Fields follow the order of the real {@code /api/1/vitals} body.
 *
 * @param relayCoilV relay coil voltage as 25.x firmware reports it (0 V open, about 5.8 V closed)
 * @param relayCoilIdleHighV the about 12 V that 21.x firmware reports while the contactor is open
 */
public record ChargeModelVitals(
    boolean contactorClosed,
    boolean vehicleConnected,
    long sessionS,
    double gridV,
    double gridHz,
    double vehicleCurrentA,
    double currentAA,
    double currentBA,
    double currentCA,
    double currentNA,
    double voltageAV,
    double voltageBV,
    double voltageCV,
    double relayCoilV,
    double relayCoilIdleHighV,
    double pcbaTempC,
    double handleTempC,
    double mcuTempC,
    long uptimeS,
    long inputThermopileUv,
    double proxV,
    double pilotHighV,
    double pilotLowV,
    double sessionEnergyWh,
    int configStatus,
    int evseState,
    List<Integer> currentAlerts,
    List<Integer> evseNotReadyReasons) {

  public ChargeModelVitals {
    currentAlerts = List.copyOf(currentAlerts);
    evseNotReadyReasons = List.copyOf(evseNotReadyReasons);
  }

  /** Power delivered to the car, Σ V×I over the three measured lines, in W. */
  public double linePowerW() {
    return voltageAV * currentAA + voltageBV * currentBA + voltageCV * currentCA;
  }
}
