package dev.homeenergy.core;

import java.time.Duration;
import java.time.Instant;

/**
 * One request to a device as it happened, kept for {@code /devices/NAME/raw} troubleshooting.
 *
 * @param endpoint short name of the API endpoint, e.g. {@code vitals}
 * @param url the URL requested (never carrying credentials)
 * @param status HTTP status, or 0 when no answer came
 * @param at when the request started
 * @param took how long it took
 * @param body the body as received (redacted by the family when it can hold secrets), or null
 * @param error what went wrong, or null
 */
public record RawExchange(
    String endpoint,
    String url,
    int status,
    Instant at,
    Duration took,
    String body,
    String error) {}
