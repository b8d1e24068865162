package dev.homeenergy.device.sunpower.sim;

/**
 * One PVS power meter's reading. The production meter (gross, one CT pair) leaves the per-leg
 * fields and {@code pos}/{@code neg} at zero; the net consumption meter measures {@code load -
 * production} per leg, positive when importing.
 *
 * @param netKwh lifetime net energy: production for the production meter, {@code posKwh - negKwh}
 *     (imported minus exported) for the consumption meter
 */
public record PvsModelMeter(
    double kw,
    double leg1Kw,
    double leg2Kw,
    double kvar,
    double kva,
    double powerFactor,
    double frequencyHz,
    double amps,
    double leg1Amps,
    double leg2Amps,
    double leg1Volts,
    double leg2Volts,
    double lineVolts,
    double posKwh,
    double negKwh,
    double netKwh) {}
