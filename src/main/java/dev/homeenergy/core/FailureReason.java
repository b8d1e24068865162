package dev.homeenergy.core;

import java.util.Locale;

/**
 * Why a poll failed. A small fixed set, so {@code device_poll_errors_total{reason}} stays bounded
 * and every reason's series exists from the start.
 */
public enum FailureReason {
  /** No complete answer before the poll's deadline (includes a device silent on the network). */
  TIMEOUT,
  /** Connection refused, host unknown or unreachable, connection reset. */
  CONNECT,
  /** The device answered with a non-2xx status. */
  HTTP_STATUS,
  /** The body is not what the API promises: invalid or truncated JSON, missing fields. */
  PARSE,
  /** The device rejected our credentials. */
  AUTH,
  /** The device or API asked us to slow down (HTTP 429). */
  RATE_LIMITED,
  /** A defect in the exporter itself while polling; logged with its stack trace. */
  INTERNAL;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
