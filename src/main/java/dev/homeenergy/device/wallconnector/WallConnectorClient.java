package dev.homeenergy.device.wallconnector;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.core.Device;
import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.BodyCaps;
import dev.homeenergy.devicehttp.Deadline;
import dev.homeenergy.devicehttp.DeviceHttp;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Polls one Wall Connector Gen 3 over its local, unauthenticated HTTP API. Every poll reads {@code
 * vitals}, {@code lifetime} and {@code wifi_status}; {@code version} rarely changes, so it is read
 * on the first poll and again once the cached copy is {@link #VERSION_MAX_AGE} old. Any endpoint
 * failing fails the whole poll. Not thread-safe: the core polls a device from one thread.
 */
public final class WallConnectorClient implements Device {
  /** Real bodies are under 1 KiB; 64 KiB leaves room for any firmware without room for abuse. */
  static final BodyCaps BODY_CAPS = BodyCaps.of(64 * 1024);

  /** How long a fetched version is reused before it is read again. */
  public static final Duration VERSION_MAX_AGE = Duration.ofHours(1);

  static final String VITALS = "vitals";
  static final String LIFETIME = "lifetime";
  static final String WIFI_STATUS = "wifi_status";
  static final String VERSION = "version";

  private final Duration timeout;
  private final Clock clock;
  private final DeviceHttp http;
  private final String baseUri;
  private Version cachedVersion;
  private Instant versionFetchedAt;

  public WallConnectorClient(DeviceConfig config, DeviceContext context) {
    this.timeout = config.timeout();
    this.clock = context.clock();
    this.http =
        new DeviceHttp(
            context.plainClient(config.timeout()), context.clock(), context.raw(), BODY_CAPS);
    String address = config.address().toString();
    this.baseUri = address.endsWith("/") ? address.substring(0, address.length() - 1) : address;
  }

  @Override
  public WallConnectorReading poll() throws PollException {
    Deadline deadline = Deadline.after(timeout);
    Version version = versionDue() ? fetchVersion(deadline) : cachedVersion;
    Vitals vitals = fetch(VITALS, Vitals.class, deadline);
    Lifetime lifetime = fetch(LIFETIME, Lifetime.class, deadline);
    WifiStatus wifi = fetch(WIFI_STATUS, WifiStatus.class, deadline);
    return new WallConnectorReading(vitals, lifetime, wifi, version);
  }

  private boolean versionDue() {
    return cachedVersion == null
        || Duration.between(versionFetchedAt, clock.instant()).compareTo(VERSION_MAX_AGE) >= 0;
  }

  private Version fetchVersion(Deadline deadline) throws PollException {
    Instant fetchedAt = clock.instant();
    Version version = fetch(VERSION, Version.class, deadline);
    cachedVersion = version;
    versionFetchedAt = fetchedAt;
    return version;
  }

  <T> T fetch(String endpoint, Class<T> type, Deadline deadline) throws PollException {
    URI uri = URI.create(baseUri + "/api/1/" + endpoint);
    String body = http.get(endpoint, uri, deadline);
    try {
      return WallConnectorJson.parse(endpoint, body, type);
    } catch (PollException e) {
      if (e.reason() == FailureReason.PARSE) {
        http.recordParseFailure(endpoint, uri, body, e.getMessage());
      }
      throw e;
    }
  }
}
