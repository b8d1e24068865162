package dev.homeenergy.device.powerwall;

import dev.homeenergy.core.EndpointFailure;
import dev.homeenergy.core.Highlights;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.PowerWords;
import dev.homeenergy.core.Reading;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The parsed reading of one gateway poll. Each part is null when its endpoint was not read, failed
 * (404 on firmware that lacks it, 502 while the sitemaster is stopped) or sent a body that does not
 * parse, including a bare JSON {@code null}; only that endpoint's metrics are then missing and the
 * failure is listed in {@link #endpointFailures()}. The exception is {@code meters/<category>}: its
 * {@code null} means "no meter in this category" (e.g. {@code meters/solar} on a site without a
 * solar meter), a normal steady state, so it gives an empty list and no failure.
 *
 * @param meters meter devices by category (the aggregates' order, then any others by name)
 * @param networks network interfaces, or null
 * @param tedapi what the installer API (TEDAPI) gave, or null when it is not read
 * @param absentEndpoints the {@code /api} endpoints this gateway answered 404 (its firmware lacks
 *     them; a Powerwall 3 serves three), which are not failures and not asked every poll
 */
public record PowerwallReading(
    Status status,
    Soe soe,
    Operation operation,
    Sitemaster sitemaster,
    Problems problems,
    SystemStatus systemStatus,
    GridStatus gridStatus,
    MeterAggregates aggregates,
    Map<String, List<Meter>> meters,
    List<Network> networks,
    Powerwalls powerwalls,
    SiteInfo siteInfo,
    List<EndpointFailure> endpointFailures,
    TedapiReading tedapi,
    List<String> absentEndpoints)
    implements Reading {

  public static final String STATUS = "status";
  public static final String SOE = "system_status/soe";
  public static final String OPERATION = "operation";
  public static final String SITEMASTER = "sitemaster";
  public static final String PROBLEMS = "troubleshooting/problems";
  public static final String SYSTEM_STATUS = "system_status";
  public static final String GRID_STATUS = "system_status/grid_status";
  public static final String AGGREGATES = "meters/aggregates";

  /** Prefix of the per-category meter endpoints, e.g. {@code meters/site}. */
  public static final String METERS_PREFIX = "meters/";

  public static final String NETWORKS = "networks";
  public static final String POWERWALLS = "powerwalls";
  public static final String SITE_INFO = "site_info";

  public PowerwallReading {
    meters = Collections.unmodifiableMap(new LinkedHashMap<>(meters));
    networks = Lists.copyWithNulls(networks);
    endpointFailures = List.copyOf(endpointFailures);
    absentEndpoints = List.copyOf(absentEndpoints);
  }

  /** A reading with no endpoint known absent. */
  public PowerwallReading(
      Status status,
      Soe soe,
      Operation operation,
      Sitemaster sitemaster,
      Problems problems,
      SystemStatus systemStatus,
      GridStatus gridStatus,
      MeterAggregates aggregates,
      Map<String, List<Meter>> meters,
      List<Network> networks,
      Powerwalls powerwalls,
      SiteInfo siteInfo,
      List<EndpointFailure> endpointFailures,
      TedapiReading tedapi) {
    this(
        status,
        soe,
        operation,
        sitemaster,
        problems,
        systemStatus,
        gridStatus,
        aggregates,
        meters,
        networks,
        powerwalls,
        siteInfo,
        endpointFailures,
        tedapi,
        List.of());
  }

  /**
   * The status page's live line: the charge and the power flows worded as the summary tiles word
   * them ({@code battery charging 1.42 kW}, {@code grid exporting 640 W}), from the same values as
   * this reading's {@link #highlights()}, and with TEDAPI the power of each PV string. The charge
   * is the gateway's raw {@code percentage}, which the Tesla app shows rescaled.
   */
  @Override
  public Optional<String> summary() {
    Highlights values = highlights();
    List<String> parts = new ArrayList<>();
    if (values.batteryPercent() != null) {
      parts.add(String.format(Locale.ROOT, "charge %.1f %%", values.batteryPercent()));
    }
    if (values.solarWatts() != null) {
      parts.add("solar " + PowerWords.power(values.solarWatts()));
    }
    if (values.loadWatts() != null) {
      parts.add("home load " + PowerWords.power(values.loadWatts()));
    }
    if (values.batteryWatts() != null) {
      parts.add("battery " + PowerWords.battery(values.batteryWatts()));
    }
    if (values.gridWatts() != null) {
      double grid = values.gridWatts();
      String direction = PowerWords.gridDirection(grid);
      parts.add(
          "grid "
              + (direction.equals("idle")
                  ? direction
                  : direction + " " + PowerWords.power(Math.abs(grid))));
    }
    if (tedapi != null && tedapi.data() != null) {
      parts.addAll(strings(tedapi.data()));
    }
    if (!absentEndpoints.isEmpty()) {
      parts.add(
          absentEndpoints.size()
              + (absentEndpoints.size() == 1 ? " /api endpoint" : " /api endpoints")
              + " absent on this firmware (see raw)");
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
  }

  /**
   * Each inverter's strings with their power, the inverter named by its serial (the DIN without its
   * part number), e.g. {@code strings TG1234567890AB: A 1.20 kW; B 0.00 kW}.
   */
  private static List<String> strings(TedapiData data) {
    List<String> parts = new ArrayList<>();
    for (TedapiData.Inverter inverter : data.inverters()) {
      List<String> strings = new ArrayList<>();
      for (TedapiData.PvString s : inverter.strings()) {
        if (s.watts() != null) {
          strings.add(String.format(Locale.ROOT, "%s %.2f kW", s.name(), s.watts() / 1000));
        }
      }
      if (!strings.isEmpty()) {
        parts.add("strings " + serial(inverter.id()) + ": " + String.join("; ", strings));
      }
    }
    return parts;
  }

  /** The serial of a DIN ({@code <part number>--<serial>}); anything else as it is. */
  static String serial(String din) {
    int separator = din == null ? -1 : din.lastIndexOf("--");
    return separator < 0 || separator + 2 == din.length() ? din : din.substring(separator + 2);
  }

  @Override
  public Highlights highlights() {
    return PowerwallHighlights.of(this);
  }

  /** Parses every body; a body that does not parse becomes a {@code parse} endpoint failure. */
  public static PowerwallReading parse(PowerwallResponses responses) {
    Parser p = new Parser(responses.bodies());
    MeterAggregates aggregates = p.one(AGGREGATES, PowerwallJson::aggregates);
    return new PowerwallReading(
        p.one(STATUS, (e, b) -> PowerwallJson.parse(e, b, Status.class)),
        p.one(SOE, (e, b) -> PowerwallJson.parse(e, b, Soe.class)),
        p.one(OPERATION, (e, b) -> PowerwallJson.parse(e, b, Operation.class)),
        p.one(SITEMASTER, (e, b) -> PowerwallJson.parse(e, b, Sitemaster.class)),
        p.one(PROBLEMS, (e, b) -> PowerwallJson.parse(e, b, Problems.class)),
        p.one(SYSTEM_STATUS, (e, b) -> PowerwallJson.parse(e, b, SystemStatus.class)),
        p.one(GRID_STATUS, (e, b) -> PowerwallJson.parse(e, b, GridStatus.class)),
        aggregates,
        p.meters(aggregates),
        p.one(NETWORKS, (e, b) -> PowerwallJson.parseList(e, b, Network.class)),
        p.one(POWERWALLS, (e, b) -> PowerwallJson.parse(e, b, Powerwalls.class)),
        p.one(SITE_INFO, PowerwallJson::siteInfo),
        p.failures(responses.failures()),
        null);
  }

  /** This reading with a TEDAPI round's reading and its failures added. */
  PowerwallReading withTedapi(TedapiReading reading, List<EndpointFailure> failures) {
    List<EndpointFailure> all = new ArrayList<>(endpointFailures);
    all.addAll(failures);
    return new PowerwallReading(
        status,
        soe,
        operation,
        sitemaster,
        problems,
        systemStatus,
        gridStatus,
        aggregates,
        meters,
        networks,
        powerwalls,
        siteInfo,
        all,
        reading,
        absentEndpoints);
  }

  /** This reading with the endpoints known absent on its gateway. */
  PowerwallReading withAbsentEndpoints(List<String> absent) {
    return new PowerwallReading(
        status,
        soe,
        operation,
        sitemaster,
        problems,
        systemStatus,
        gridStatus,
        aggregates,
        meters,
        networks,
        powerwalls,
        siteInfo,
        endpointFailures,
        tedapi,
        absent);
  }

  @FunctionalInterface
  private interface BodyParser<T> {
    T parse(String endpoint, String body) throws PollException;
  }

  /** Collects the parse failures of one reading. */
  private static final class Parser {
    private final Map<String, String> bodies;
    private final List<EndpointFailure> failures = new ArrayList<>();

    Parser(Map<String, String> bodies) {
      this.bodies = bodies;
    }

    <T> T one(String endpoint, BodyParser<T> parser) {
      String body = bodies.get(endpoint);
      if (!bodies.containsKey(endpoint)) {
        return null;
      }
      try {
        return parser.parse(endpoint, body);
      } catch (PollException e) {
        failures.add(new EndpointFailure(endpoint, e.reason(), e.getMessage()));
        return null;
      }
    }

    Map<String, List<Meter>> meters(MeterAggregates aggregates) {
      List<String> order = new ArrayList<>();
      if (aggregates != null) {
        aggregates.categories().keySet().forEach(c -> order.add(METERS_PREFIX + c));
      }
      TreeSet<String> others = new TreeSet<>();
      for (String endpoint : bodies.keySet()) {
        if (endpoint.startsWith(METERS_PREFIX)
            && !endpoint.equals(AGGREGATES)
            && !order.contains(endpoint)) {
          others.add(endpoint);
        }
      }
      order.addAll(others);
      Map<String, List<Meter>> meters = new LinkedHashMap<>();
      for (String endpoint : order) {
        List<Meter> list = one(endpoint, PowerwallJson::meters);
        if (list != null) {
          meters.put(endpoint.substring(METERS_PREFIX.length()), list);
        }
      }
      return meters;
    }

    List<EndpointFailure> failures(List<EndpointFailure> responseFailures) {
      List<EndpointFailure> all = new ArrayList<>(responseFailures);
      all.addAll(failures);
      return all;
    }
  }
}
