package dev.homeenergy.device.sixth;

import dev.homeenergy.core.Reading;

/**
 * One poll of a sixth plug.
 *
 * @param powerWatts power through the plug now ({@code power_w})
 * @param energyWattHours energy through the plug since it was made ({@code energy_wh})
 * @param relayOn whether the plug's relay is closed ({@code relay_on})
 */
public record SixthReading(double powerWatts, double energyWattHours, boolean relayOn)
    implements Reading {}
