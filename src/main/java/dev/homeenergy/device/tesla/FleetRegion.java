package dev.homeenergy.device.tesla;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A Fleet API region with its base URL. A Tesla account lives in one region; calls to another
 * answer 421 with the base URL to use.
 */
public enum FleetRegion {
  /** North America and Asia-Pacific (except China). */
  NA("https://fleet-api.prd.na.vn.cloud.tesla.com"),
  /** Europe, Middle East and Africa. */
  EU("https://fleet-api.prd.eu.vn.cloud.tesla.com"),
  /** China (a separate app on developer.tesla.cn). */
  CN("https://fleet-api.prd.cn.vn.cloud.tesla.cn");

  /** Where users sign in ({@code /oauth2/v3/authorize}). */
  public static final URI DEFAULT_AUTH_BASE = URI.create("https://auth.tesla.com");

  /** Where partners exchange and refresh tokens ({@code /oauth2/v3/token}). */
  public static final URI DEFAULT_TOKEN_BASE =
      URI.create("https://fleet-auth.prd.vn.cloud.tesla.com");

  private final URI apiBase;

  FleetRegion(String apiBase) {
    this.apiBase = URI.create(apiBase);
  }

  /** The Fleet API base URL, also the {@code audience} of tokens for this region. */
  public URI apiBase() {
    return apiBase;
  }

  /**
   * The region named in the config: {@code na}, {@code eu} or {@code cn} (any case), or one of
   * their base URLs.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static FleetRegion fromConfig(String value) {
    String wanted = value == null ? "" : value.strip();
    for (FleetRegion region : values()) {
      if (region.name().equalsIgnoreCase(wanted)
          || region.apiBase.toString().equalsIgnoreCase(wanted.replaceAll("/+$", ""))) {
        return region;
      }
    }
    throw new IllegalArgumentException(
        "unknown Tesla Fleet API region '"
            + wanted
            + "': use one of "
            + Arrays.stream(values())
                .map(r -> r.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
  }

  /** The region whose base URL is {@code baseUrl}, e.g. the one a 421 answer names. */
  public static java.util.Optional<FleetRegion> ofBaseUrl(String baseUrl) {
    return Arrays.stream(values())
        .filter(r -> r.apiBase.toString().equalsIgnoreCase(baseUrl.replaceAll("/+$", "")))
        .findFirst();
  }
}
