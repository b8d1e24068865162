package dev.homeenergy.core;

/**
 * One endpoint of a device that failed while the rest of the poll succeeded (a 404 on firmware that
 * lacks it, a 502 while the device is busy, a {@code null} body). Only that endpoint's metrics are
 * missing; the failure is counted per endpoint and reason.
 *
 * @param endpoint short endpoint name, e.g. {@code site_info}
 * @param reason why it failed
 * @param message what happened, without secrets
 */
public record EndpointFailure(String endpoint, FailureReason reason, String message) {}
