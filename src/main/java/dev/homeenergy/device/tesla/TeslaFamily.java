package dev.homeenergy.device.tesla;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.DeviceTypeSpec;
import dev.homeenergy.config.FamilyKey;
import dev.homeenergy.config.FamilyProblems;
import dev.homeenergy.config.KeyType;
import dev.homeenergy.config.Secret;
import dev.homeenergy.core.Device;
import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.DeviceDoctor;
import dev.homeenergy.core.DeviceFamily;
import dev.homeenergy.core.EndpointFailure;
import dev.homeenergy.core.Highlights;
import dev.homeenergy.core.Namings;
import dev.homeenergy.core.Reading;
import dev.homeenergy.devicehttp.DeviceHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Tesla vehicles and energy sites through the Fleet API: an OAuth token file kept fresh, cars
 * listed without waking them and read only while awake, a monthly budget the poller keeps to. The
 * entry needs no {@code address}: the region's Fleet API base is the default. The client picks each
 * next poll itself (see {@link VehicleSleepPolicy} and {@link FleetBudget}); the 15-minute {@code
 * interval} only sets the failure back-off and the default {@code stale_after} (75 minutes), which
 * must outlast the longest gap a small budget stretches polls to. Sign-in and Fleet API calls share
 * one {@link TeslaHttp} client per device (HTTP/2 over TLS, on the exporter's shared threads).
 */
public final class TeslaFamily implements DeviceFamily {
  public static final String TYPE = "tesla";
  static final String DEFAULT_TOKEN_FILE = "tesla-token.json";
  public static final String DEFAULT_REDIRECT_URI = "https://localhost/callback";
  public static final String DEFAULT_SCOPES =
      "openid offline_access vehicle_device_data vehicle_location energy_device_data";
  private static final DeviceTypeSpec SPEC =
      DeviceTypeSpec.builder(TYPE)
          .scheme("https")
          .port(443)
          .interval(Duration.ofMinutes(15))
          .timeout(Duration.ofSeconds(30))
          .defaultAddress(FleetRegion.NA.apiBase().toString())
          .addressFrom("api_base", "region")
          .minimumInterval(
              Duration.ofMinutes(1),
              "the interval is the back-off after a failed poll; retrying a failing Fleet API or"
                  + " sign-in faster spends the monthly budget and runs into Tesla's rate limits")
          .key(
              FamilyKey.required(
                  "client_id", KeyType.text(), "the Client ID of your app on developer.tesla.com"))
          .key(
              FamilyKey.required(
                  "client_secret", KeyType.secret(), "client_secret, client_secret_file or ${ENV}"))
          .key("region", new KeyType.OneOf(List.of("na", "eu", "cn"), regionBaseUrls()))
          .key("api_base", KeyType.url())
          .key(FamilyKey.withDefault("auth_base", KeyType.url(), FleetRegion.DEFAULT_AUTH_BASE))
          .key(FamilyKey.withDefault("token_base", KeyType.url(), FleetRegion.DEFAULT_TOKEN_BASE))
          .key(FamilyKey.withDefault("token_file", KeyType.text(), DEFAULT_TOKEN_FILE))
          .key(
              FamilyKey.withDefault(
                  "redirect_uri", KeyType.url(), URI.create(DEFAULT_REDIRECT_URI)))
          .key(FamilyKey.withDefault("vehicles", KeyType.textList(), List.of("all")))
          .key("vehicle_index", KeyType.wholeNumber(0, Integer.MAX_VALUE))
          .key(FamilyKey.withDefault("energy_sites", KeyType.textList(), List.of("all")))
          .key(FamilyKey.withDefault("wake_on_poll", KeyType.flag(), false))
          .key("max_sleep", KeyType.duration())
          .key(
              FamilyKey.withDefault(
                  "budget_dollars",
                  KeyType.number(0, Double.POSITIVE_INFINITY),
                  FleetBudget.DEFAULT_MONTHLY_DOLLARS))
          .key(FamilyKey.withDefault("fields", KeyType.oneOf("default", "all"), "default"))
          .key(FamilyKey.withDefault("location", KeyType.flag(), false))
          .key(
              FamilyKey.withDefault(
                  "online_interval",
                  KeyType.duration(),
                  VehicleSleepPolicy.Settings.defaults().online()))
          .key(
              FamilyKey.withDefault(
                  "asleep_interval",
                  KeyType.duration(),
                  VehicleSleepPolicy.Settings.defaults().asleep()))
          .build();

  private static final Namings<TeslaReading> NAMINGS =
      new Namings<>(
          reading ->
              reading instanceof ScheduledReading scheduled
                  ? scheduled.reading()
                  : (TeslaReading) reading,
          config -> new TeslaNativeNaming("all".equals(config.extra().get("fields"))),
          config -> new TeslaCompatNaming());

  private final SSLContext tls;

  /** The family as the exporter runs it: Tesla's hosts with the JVM's default trust. */
  public TeslaFamily() {
    this(null);
  }

  /**
   * The family trusting {@code tls} for its HTTPS hosts instead of the JVM default (null): only
   * tests use this, for a simulated cloud with a self-signed certificate.
   */
  TeslaFamily(SSLContext tls) {
    this.tls = tls;
  }

  @Override
  public DeviceTypeSpec spec() {
    return SPEC;
  }

  @Override
  public String displayName() {
    return "Tesla vehicles and energy sites (Fleet API)";
  }

  /**
   * Checks the rule across keys ({@code region} and {@code api_base} both pick the Fleet API, so
   * only one may be given) and, for entries a drop-in command built without the config loader, the
   * required client credentials; then that the settings resolve.
   */
  @Override
  public void validate(DeviceConfig config, FamilyProblems problems) {
    Map<String, Object> extra = config.extra();
    boolean usable = true;
    if (extra.get("client_id") == null || String.valueOf(extra.get("client_id")).isBlank()) {
      problems.add("client_id", "required (the Client ID of your app on developer.tesla.com)");
      usable = false;
    }
    if (!(extra.get("client_secret") instanceof Secret)) {
      problems.add("client_secret", "required (client_secret, client_secret_file or ${ENV})");
      usable = false;
    }
    if (extra.containsKey("region") && extra.containsKey("api_base")) {
      problems.add(
          "api_base",
          "region and api_base both pick the Fleet API; give only one (api_base for a proxy"
              + " or the simulator, region for Tesla's)");
      usable = false;
    }
    if (usable) {
      try {
        settings(config, null);
      } catch (IllegalArgumentException e) {
        problems.add("", e.getMessage());
      }
    }
  }

  private static Map<String, String> regionBaseUrls() {
    Map<String, String> urls = new LinkedHashMap<>();
    for (FleetRegion region : FleetRegion.values()) {
      urls.put(region.apiBase().toString(), region.name().toLowerCase(Locale.ROOT));
    }
    return urls;
  }

  @Override
  public DeviceDoctor doctor(DeviceConfig config, DeviceContext context) {
    return new TeslaDoctor(config, context);
  }

  @Override
  public Device create(DeviceConfig config, DeviceContext context) {
    Resolved resolved = settings(config, context.stateDirectory());
    HttpClient http = TeslaHttp.sharedClient(config.timeout(), context, tls);
    OAuthClient oauth = new OAuthClient(resolved.oauth(), http, context.clock());
    TokenManager tokens =
        new TokenManager(TokenFile.at(resolved.fleet().tokenFile()), oauth, context.clock());
    FleetClient client =
        new FleetClient(
            config.name(),
            resolved.oauth().apiBase(),
            new DeviceHttp(http, context.clock(), context.raw(), FleetClient.BODY_CAPS),
            tokens,
            new FleetBudget(resolved.fleet().budgetDollars(), context.clock()),
            resolved.fleet(),
            context.clock(),
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
    public Highlights highlights() {
      return reading.highlights();
    }

    @Override
    public Optional<String> summary() {
      TeslaResponses.FleetUsage usage = reading.usage();
      if (usage == null) {
        return Optional.empty();
      }
      return Optional.of(
          String.format(
              Locale.ROOT,
              "Fleet API: $%.2f spent since start, $%.2f projected this month (budget $%.2f)",
              usage.dollarsSpent(),
              usage.projectedMonthDollars(),
              usage.budgetDollars()));
    }
  }

  @Override
  public Namings<TeslaReading> namings() {
    return NAMINGS;
  }

  /** The OAuth and polling settings of an entry. */
  public record Resolved(OAuthClient.Settings oauth, TeslaSettings fleet) {}

  /**
   * The settings of a device entry whose keys the config layer has typed; absent keys take their
   * defaults. Entries built by the drop-in commands may give URLs as text.
   *
   * @param stateDirectory the state directory ({@code state_dir}), against which a relative {@code
   *     token_file} (default {@code tesla-token.json}) is resolved; null to use it as given
   * @throws IllegalArgumentException naming the key when a required key is missing
   */
  public static Resolved settings(DeviceConfig config, Path stateDirectory) {
    String prefix = "devices[" + config.name() + "].";
    Object clientId = config.extra().get("client_id");
    if (clientId == null || String.valueOf(clientId).isBlank()) {
      throw new IllegalArgumentException(
          prefix + "client_id: required (the Client ID of your app on developer.tesla.com)");
    }
    if (!(config.extra().get("client_secret") instanceof Secret secret)) {
      throw new IllegalArgumentException(
          prefix + "client_secret: required (client_secret, client_secret_file or ${ENV})");
    }
    Map<String, Object> extra = config.extra();
    URI apiBase = config.address();
    if (extra.containsKey("api_base")) {
      apiBase = uri(extra.get("api_base"));
    } else if (extra.containsKey("region")) {
      apiBase = FleetRegion.fromConfig(String.valueOf(extra.get("region"))).apiBase();
    }
    double budget =
        ((Number) extra.getOrDefault("budget_dollars", FleetBudget.DEFAULT_MONTHLY_DOLLARS))
            .doubleValue();
    Object tokenFile = extra.get("token_file");
    Path given = Path.of(tokenFile != null ? String.valueOf(tokenFile) : DEFAULT_TOKEN_FILE);
    Path tokens =
        given.isAbsolute() || stateDirectory == null ? given : stateDirectory.resolve(given);
    VehicleSleepPolicy.Settings defaults = VehicleSleepPolicy.Settings.defaults();
    VehicleSleepPolicy.Settings policy =
        new VehicleSleepPolicy.Settings(
            defaults.driving(),
            defaults.charging(),
            (Duration) extra.getOrDefault("online_interval", defaults.online()),
            defaults.idleBeforeSuspend(),
            defaults.suspend(),
            (Duration) extra.getOrDefault("asleep_interval", defaults.asleep()),
            config.flag("wake_on_poll", false),
            (Duration) extra.get("max_sleep"));
    Integer vehicleIndex =
        extra.get("vehicle_index") instanceof Number index ? index.intValue() : null;
    TeslaSettings fleet =
        new TeslaSettings(
            tokens,
            TeslaSettings.list(config, "vehicles"),
            TeslaSettings.list(config, "energy_sites"),
            budget,
            config.flag("location", false),
            policy,
            vehicleIndex);
    OAuthClient.Settings oauth =
        new OAuthClient.Settings(
            uri(extra.getOrDefault("auth_base", FleetRegion.DEFAULT_AUTH_BASE)),
            uri(extra.getOrDefault("token_base", FleetRegion.DEFAULT_TOKEN_BASE)),
            apiBase,
            String.valueOf(clientId),
            secret,
            uri(extra.getOrDefault("redirect_uri", DEFAULT_REDIRECT_URI)).toString(),
            DEFAULT_SCOPES,
            config.timeout());
    return new Resolved(oauth, fleet);
  }

  /** A URL the config layer has checked, or the text of one a drop-in command built. */
  private static URI uri(Object value) {
    return value instanceof URI uri ? uri : URI.create(String.valueOf(value));
  }
}
