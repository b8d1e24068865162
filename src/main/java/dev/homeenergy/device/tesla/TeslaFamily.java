package dev.homeenergy.device.tesla;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.DeviceTypeSpec;
import dev.homeenergy.config.Secret;
import dev.homeenergy.core.Device;
import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.core.Namings;
import dev.homeenergy.devicehttp.DeviceHttp;
import dev.homeenergy.core.EndpointFailure;
import dev.homeenergy.core.Reading;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Tesla vehicles and energy sites through the Fleet API: an OAuth token file kept fresh, cars
 * listed without waking them and read only while awake, a monthly budget the poller keeps to.
 * The entry needs no {@code address}: the region's Fleet API base is the default. The client picks
 * each next poll itself (see {@link VehicleSleepPolicy} and {@link FleetBudget}); the 15-minute
 * {@code interval} only sets the failure back-off and the default {@code stale_after} (75 minutes),
 * which must outlast the longest gap a small budget stretches polls to.
 */
public final class TeslaFamily implements DeviceFamily {
  public static final String TYPE = "tesla";
  static final String DEFAULT_TOKEN_FILE = "tesla-token.json";
  public static final String DEFAULT_REDIRECT_URI = "https://localhost/callback";
  public static final String DEFAULT_SCOPES = "openid offline_access vehicle_device_data vehicle_location energy_device_data";
  private static final DeviceTypeSpec SPEC = new DeviceTypeSpec(
      TYPE, "https", 443, Duration.ofMinutes(15), Duration.ofSeconds(30),
      Set.of("client_id", "client_secret", "region", "api_base", "auth_base", "token_base", "token_file",
          "redirect_uri", "vehicles", "vehicle_index", "energy_sites", "wake_on_poll", "max_sleep", "budget_dollars",
          "fields", "location", "online_interval", "asleep_interval"),
      Set.of("client_secret"),
      Set.of("max_sleep", "online_interval", "asleep_interval"),
      Duration.ZERO, "",
      FleetRegion.NA.apiBase().toString());

  private static final Namings<TeslaReading> NAMINGS = new Namings<>(
      reading -> reading instanceof ScheduledReading scheduled ? scheduled.reading() : (TeslaReading) reading,
      config -> new TeslaNativeNaming("all".equals(String.valueOf(config.extra().getOrDefault("fields", "default")))),
      config -> new TeslaCompatNaming());

  @Override
  public DeviceTypeSpec spec() {
    return SPEC;
  }

  @Override
  public String displayName() {
    return "Tesla vehicles and energy sites (Fleet API)";
  }

  @Override
  public void validate(DeviceConfig config) {
    settings(config, null);
  }

  @Override
  public Device create(DeviceConfig config, DeviceContext context) {
    Resolved resolved = settings(config, context.stateDirectory());
    OAuthClient oauth = new OAuthClient(resolved.oauth(), HttpClient.newHttpClient(), context.clock());
    TokenManager tokens = new TokenManager(TokenFile.at(resolved.fleet().tokenFile()), oauth, context.clock());
    FleetClient client = new FleetClient(config.name(), resolved.oauth().apiBase(),
        new DeviceHttp(context.plainClient(config.timeout()), context.clock(), context.raw()), tokens,
        new FleetBudget(resolved.fleet().budgetDollars(), context.clock()), resolved.fleet(), context.clock(),
        config.timeout());
    return () -> {
      FleetClient.Poll poll = client.poll();
      return new ScheduledReading(TeslaReading.parse(poll.responses()), poll.nextPollIn());
    };
  }

  /** A reading plus when the Fleet client wants its next poll. */
  record ScheduledReading(TeslaReading reading, Duration next) implements Reading {
    @Override
    public List<EndpointFailure> endpointFailures() {
      return reading.endpointFailures();
    }

    @Override
    public Optional<Duration> nextPollAfter() {
      return Optional.of(next);
    }

    @Override
    public Optional<String> summary() {
      TeslaResponses.FleetUsage usage = reading.usage();
      if (usage == null) {
        return Optional.empty();
      }
      return Optional.of(String.format(Locale.ROOT,
          "Fleet API: $%.2f spent since start, $%.2f projected this month (budget $%.2f)",
          usage.dollarsSpent(), usage.projectedMonthDollars(), usage.budgetDollars()));
    }
  }







  @Override
  public Namings<TeslaReading> namings() {
    return NAMINGS;
  }

  /** The OAuth and polling settings of an entry. */
  public record Resolved(OAuthClient.Settings oauth, TeslaSettings fleet) {}

  /**
   * @param stateDirectory the config file's directory, against which a relative {@code token_file}
   *     (default {@code tesla-token.json}) is resolved; null to use it as given
   * @throws IllegalArgumentException naming the key
   */
  public static Resolved settings(DeviceConfig config, Path stateDirectory) {
    String prefix = "devices[" + config.name() + "].";
    Object clientId = config.extra().get("client_id");
    if (clientId == null || String.valueOf(clientId).isBlank()) {
      throw new IllegalArgumentException(prefix + "client_id: required (the Client ID of your app on developer.tesla.com)");
    }
    if (!(config.extra().get("client_secret") instanceof Secret secret)) {
      throw new IllegalArgumentException(prefix + "client_secret: required (client_secret, client_secret_file or ${ENV})");
    }
    URI apiBase = config.address();
    if (config.extra().containsKey("api_base")) {
      apiBase = url(prefix, "api_base", config.extra().get("api_base"));
    } else if (config.extra().containsKey("region")) {
      try {
        apiBase = FleetRegion.fromConfig(String.valueOf(config.extra().get("region"))).apiBase();
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(prefix + "region: " + e.getMessage());
      }
    }
    double budget;
    try {
      budget = Double.parseDouble(String.valueOf(config.extra().getOrDefault("budget_dollars", FleetBudget.DEFAULT_MONTHLY_DOLLARS)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(prefix + "budget_dollars: must be a number of dollars");
    }
    if (!(budget >= 0)) {
      throw new IllegalArgumentException(prefix + "budget_dollars: must be zero or more");
    }
    String fields = String.valueOf(config.extra().getOrDefault("fields", "default")).toLowerCase(Locale.ROOT);
    if (!fields.equals("default") && !fields.equals("all")) {
      throw new IllegalArgumentException(prefix + "fields: must be default or all, got \"" + fields + "\"");
    }
    Object tokenFile = config.extra().get("token_file");
    Path given = Path.of(tokenFile != null ? String.valueOf(tokenFile) : DEFAULT_TOKEN_FILE);
    Path tokens = given.isAbsolute() || stateDirectory == null ? given : stateDirectory.resolve(given);
    VehicleSleepPolicy.Settings defaults = VehicleSleepPolicy.Settings.defaults();
    VehicleSleepPolicy.Settings policy = new VehicleSleepPolicy.Settings(defaults.driving(), defaults.charging(),
        (Duration) config.extra().getOrDefault("online_interval", defaults.online()), defaults.idleBeforeSuspend(),
        defaults.suspend(), (Duration) config.extra().getOrDefault("asleep_interval", defaults.asleep()),
        config.flag("wake_on_poll", false), (Duration) config.extra().get("max_sleep"));
    Integer vehicleIndex = null;
    if (config.extra().containsKey("vehicle_index")) {
      try {
        vehicleIndex = Integer.parseInt(String.valueOf(config.extra().get("vehicle_index")));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(prefix + "vehicle_index: must be a whole number");
      }
    }
    TeslaSettings fleet = new TeslaSettings(tokens, TeslaSettings.list(config, "vehicles"),
        TeslaSettings.list(config, "energy_sites"), budget, config.flag("location", false), policy,
        vehicleIndex);
    OAuthClient.Settings oauth = new OAuthClient.Settings(
        url(prefix, "auth_base", config.extra().getOrDefault("auth_base", FleetRegion.DEFAULT_AUTH_BASE)),
        url(prefix, "token_base", config.extra().getOrDefault("token_base", FleetRegion.DEFAULT_TOKEN_BASE)),
        apiBase, String.valueOf(clientId), secret,
        url(prefix, "redirect_uri", config.extra().getOrDefault("redirect_uri", DEFAULT_REDIRECT_URI)).toString(),
        DEFAULT_SCOPES,
        config.timeout());
    return new Resolved(oauth, fleet);
  }

  /**
   * An http(s) URL key. Messages never repeat the value: a URL with credentials in it would put
   * them in the log, and credentials are refused, since the client secret has its own key.
   */
  private static URI url(String prefix, String key, Object value) {
    URI uri;
    try {
      uri = new URI(String.valueOf(value));
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(prefix + key + ": not a valid URL (" + e.getReason() + " at index "
          + e.getIndex() + ")");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(prefix + key + ": credentials in the URL are not allowed; the client"
          + " secret belongs in client_secret (or client_secret_file)");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
      throw new IllegalArgumentException(prefix + key + ": expected an http or https URL with a host, like "
          + FleetRegion.DEFAULT_AUTH_BASE);
    }
    return uri;
  }
}
