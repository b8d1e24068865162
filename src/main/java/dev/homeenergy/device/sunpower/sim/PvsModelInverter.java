package dev.homeenergy.device.sunpower.sim;

/**
 * One microinverter's latest 15-second reading.
 *
 * @param index position on the site, from 0
 * @param measuredAt UTC epoch second of the reading (the inverter's {@code DATATIME})
 */
public record PvsModelInverter(
    int index,
    long measuredAt,
    double acKw,
    double dcKw,
    double acVolts,
    double acAmps,
    double dcVolts,
    double dcAmps,
    double heatsinkCelsius,
    double frequencyHz,
    double lifetimeKwh) {}
