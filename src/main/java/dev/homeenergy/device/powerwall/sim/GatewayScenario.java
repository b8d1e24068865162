package dev.homeenergy.device.powerwall.sim;

import dev.homeenergy.simulator.CliNames;
import java.util.List;
import java.util.Set;

/**
 * What the simulated Tesla Energy Gateway is and does; each reproduces a situation seen on real
 * sites.
 */
public enum GatewayScenario {
  /** Gateway 2 on firmware 21.44 with two Powerwall 2 packs: every endpoint answers. */
  POWERWALL2("powerwall2", 2),
  /** Powerwall 3 (or a restricted gateway): only three endpoints answer, everything else is 404. */
  POWERWALL3("powerwall3", 1),
  /** The sitemaster is stopped: live data endpoints answer 502 with an empty body. */
  SITEMASTER_STOPPED("sitemaster-stopped", 2),
  /** The grid is down: the site is islanded and the battery alone covers the load. */
  GRID_OUTAGE("grid-outage", 2),
  /** Like {@link #POWERWALL2}, but the gateway periodically drops off the network. */
  FLAKY("flaky", 2),
  /** Like {@link #POWERWALL2}, with the body shapes of firmware 23.44. */
  FW23("fw23", 2),
  /**
   * A Powerwall 3 leader with one follower and a Tesla Remote Meter on the site: the three {@code
   * /api} endpoints, and TEDAPI with the per-unit strings, packs and the captured site's component
   * alerts, gzip-compressed as firmware 25.42 and later do.
   */
  POWERWALL3_TEDAPI("powerwall3-tedapi", 2),
  /** {@link #POWERWALL2} with TEDAPI: Powerwall+ strings and per-pack data, uncompressed. */
  POWERWALL2_TEDAPI("powerwall2-tedapi", 2),
  /**
   * {@link #POWERWALL3_TEDAPI} on a healthy site: no component alerts (the captured site's battery
   * alerts and the idle strings' night alert are left out), only the site's {@code
   * SystemConnectedToGrid}. The demo runs it, so a first look is not a wall of alerts.
   */
  POWERWALL3_TEDAPI_HEALTHY("powerwall3-tedapi-healthy", 2);

  private static final List<String> CLI_NAMES = CliNames.of(values(), GatewayScenario::cliName);
  private static final Set<String> POWERWALL3_ENDPOINTS =
      Set.of("meters/aggregates", "system_status/soe", "system_status/grid_status");

  private final String cliName;
  private final int packs;

  GatewayScenario(String cliName, int packs) {
    this.cliName = cliName;
    this.packs = packs;
  }

  /** The name used on the command line and in {@code SimulatorOptions.scenario()}. */
  public String cliName() {
    return cliName;
  }

  /** Battery packs (blocks) installed. */
  public int packs() {
    return packs;
  }

  public boolean firmware23() {
    return this == FW23;
  }

  public boolean sitemasterStopped() {
    return this == SITEMASTER_STOPPED;
  }

  public boolean gridOutage() {
    return this == GRID_OUTAGE;
  }

  public boolean flaky() {
    return this == FLAKY;
  }

  /** Whether the gateway answers TEDAPI (its installer API). */
  public boolean tedapi() {
    return this == POWERWALL3_TEDAPI
        || this == POWERWALL2_TEDAPI
        || this == POWERWALL3_TEDAPI_HEALTHY;
  }

  /** Whether the TEDAPI components report alerts (the captures' and the idle strings' one). */
  public boolean componentAlerts() {
    return this != POWERWALL3_TEDAPI_HEALTHY;
  }

  /** Whether this is a Powerwall 3: no web portal and only three {@code /api} endpoints. */
  public boolean powerwall3() {
    return this == POWERWALL3 || this == POWERWALL3_TEDAPI || this == POWERWALL3_TEDAPI_HEALTHY;
  }

  /** Whether the API endpoint (path after {@code /api/}) exists on this gateway. */
  boolean answers(String endpoint) {
    return !powerwall3() || POWERWALL3_ENDPOINTS.contains(endpoint);
  }

  /** All names in declaration order; the first is the default. */
  public static List<String> cliNames() {
    return CLI_NAMES;
  }

  /**
   * The scenario with this name.
   *
   * @throws IllegalArgumentException naming the valid names when {@code name} is unknown
   */
  public static GatewayScenario fromCliName(String name) {
    return CliNames.parse(values(), GatewayScenario::cliName, name, "Powerwall", "scenario");
  }
}
