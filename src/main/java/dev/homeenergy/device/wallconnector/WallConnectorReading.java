package dev.homeenergy.device.wallconnector;

import dev.homeenergy.core.Reading;

/**
 * One successful poll of a Wall Connector. {@code version} may come from an earlier poll: it is
 * fetched once and then refreshed hourly.
 */
public record WallConnectorReading(
    Vitals vitals, Lifetime lifetime, WifiStatus wifi, Version version) implements Reading {}
