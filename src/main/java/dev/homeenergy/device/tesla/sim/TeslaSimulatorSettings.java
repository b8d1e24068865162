package dev.homeenergy.device.tesla.sim;

import dev.homeenergy.device.tesla.PartnerRegistration;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Tunables of the simulated Fleet API and auth server. Durations are simulated time (the options'
 * clock) unless noted.
 *
 * @param clientId the only client id the token endpoint accepts
 * @param clientSecret the secret {@code authorization_code} and {@code client_credentials} grants
 *     must present
 * @param accessTokenLifetime {@code expires_in} of access tokens (Tesla: 8 h)
 * @param vehicles number of simulated cars
 * @param energySites number of simulated energy sites (solar + Powerwall)
 * @param wakeLatency how long a sleeping car takes to come online after {@code wake_up}
 * @param quietPeriod how long a parked car must be left without data requests before it sleeps
 * @param region the region this server plays, {@code na}, {@code eu} or {@code cn}
 * @param accountRegion the region the user's account lives in; when it differs from {@code region},
 *     every {@code /api/1/} request answers 421 naming that region's base URL
 * @param partnerRegistration how {@code POST /api/1/partner_accounts} answers
 * @param retryAfter {@code Retry-After} of the {@code rate_limited} fault (may be hours)
 * @param billListRequests whether {@code vehicles}/{@code products}/single-vehicle reads are billed
 *     as {@code data}; Tesla's category for them is unconfirmed (fleet.md §6, §15), default false
 */
public record TeslaSimulatorSettings(
    String clientId,
    String clientSecret,
    Duration accessTokenLifetime,
    int vehicles,
    int energySites,
    Duration wakeLatency,
    Duration quietPeriod,
    String region,
    String accountRegion,
    PartnerRegistration partnerRegistration,
    Duration retryAfter,
    boolean billListRequests) {
  public static final String DEFAULT_CLIENT_ID = "simulated-client-id";
  public static final String DEFAULT_CLIENT_SECRET = "simulated-client-secret";
  private static final Set<String> REGIONS = Set.of("na", "eu", "cn");

  /** How partner registration answers. */
  public enum PartnerRegistration {
    /** 200 with the account. */
    OK,
    /** 412 precondition failed. */
    PRECONDITION_FAILED,
    /** 424: Tesla could not download the public key. */
    KEY_DOWNLOAD_FAILED
  }

  public TeslaSimulatorSettings {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(partnerRegistration, "partnerRegistration");
    requirePositive(accessTokenLifetime, "accessTokenLifetime");
    requirePositive(quietPeriod, "quietPeriod");
    requirePositive(retryAfter, "retryAfter");
    if (wakeLatency.isNegative()) {
      throw new IllegalArgumentException("wakeLatency must not be negative, got " + wakeLatency);
    }
    if (vehicles < 0 || energySites < 0) {
      throw new IllegalArgumentException("vehicles and energySites must not be negative");
    }
    if (!REGIONS.contains(region) || !REGIONS.contains(accountRegion)) {
      throw new IllegalArgumentException(
          "regions must be one of " + REGIONS + ", got " + region + "/" + accountRegion);
    }
  }

  /**
   * 8 h tokens, 2 cars, 1 site, 20 s wake latency, 15 min quiet period, region na, 1 h Retry-After.
   */
  public static TeslaSimulatorSettings defaults() {
    return new TeslaSimulatorSettings(
        DEFAULT_CLIENT_ID,
        DEFAULT_CLIENT_SECRET,
        Duration.ofHours(8),
        2,
        1,
        Duration.ofSeconds(20),
        Duration.ofMinutes(15),
        "na",
        "na",
        PartnerRegistration.OK,
        Duration.ofHours(1),
        false);
  }

  public TeslaSimulatorSettings withAccessTokenLifetime(Duration lifetime) {
    return new TeslaSimulatorSettings(
        clientId,
        clientSecret,
        lifetime,
        vehicles,
        energySites,
        wakeLatency,
        quietPeriod,
        region,
        accountRegion,
        partnerRegistration,
        retryAfter,
        billListRequests);
  }

  public TeslaSimulatorSettings withFleet(int vehicleCount, int siteCount) {
    return new TeslaSimulatorSettings(
        clientId,
        clientSecret,
        accessTokenLifetime,
        vehicleCount,
        siteCount,
        wakeLatency,
        quietPeriod,
        region,
        accountRegion,
        partnerRegistration,
        retryAfter,
        billListRequests);
  }

  public TeslaSimulatorSettings withWakeLatency(Duration latency) {
    return new TeslaSimulatorSettings(
        clientId,
        clientSecret,
        accessTokenLifetime,
        vehicles,
        energySites,
        latency,
        quietPeriod,
        region,
        accountRegion,
        partnerRegistration,
        retryAfter,
        billListRequests);
  }

  /** Serves {@code served} while the account lives in {@code account}. */
  public TeslaSimulatorSettings withRegions(String served, String account) {
    return new TeslaSimulatorSettings(
        clientId,
        clientSecret,
        accessTokenLifetime,
        vehicles,
        energySites,
        wakeLatency,
        quietPeriod,
        served,
        account,
        partnerRegistration,
        retryAfter,
        billListRequests);
  }

  public TeslaSimulatorSettings withPartnerRegistration(PartnerRegistration outcome) {
    return new TeslaSimulatorSettings(
        clientId,
        clientSecret,
        accessTokenLifetime,
        vehicles,
        energySites,
        wakeLatency,
        quietPeriod,
        region,
        accountRegion,
        outcome,
        retryAfter,
        billListRequests);
  }

  public TeslaSimulatorSettings withRetryAfter(Duration after) {
    return new TeslaSimulatorSettings(
        clientId,
        clientSecret,
        accessTokenLifetime,
        vehicles,
        energySites,
        wakeLatency,
        quietPeriod,
        region,
        accountRegion,
        partnerRegistration,
        after,
        billListRequests);
  }

  public TeslaSimulatorSettings withBillListRequests(boolean billed) {
    return new TeslaSimulatorSettings(
        clientId,
        clientSecret,
        accessTokenLifetime,
        vehicles,
        energySites,
        wakeLatency,
        quietPeriod,
        region,
        accountRegion,
        partnerRegistration,
        retryAfter,
        billed);
  }

  /** The Fleet API base URL Tesla uses for {@code region}. */
  public static String fleetBaseUrl(String region) {
    return switch (region) {
      case "eu" -> "https://fleet-api.prd.eu.vn.cloud.tesla.com";
      case "cn" -> "https://fleet-api.prd.cn.vn.cloud.tesla.cn";
      default -> "https://fleet-api.prd.na.vn.cloud.tesla.com";
    };
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration == null || duration.isZero() || duration.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, got " + duration);
    }
  }
}
