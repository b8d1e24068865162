package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.Durations;
import dev.homeenergy.config.FamilyProblems;
import dev.homeenergy.core.Device;
import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.EndpointFailure;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.BodyCaps;
import dev.homeenergy.devicehttp.DeviceHttp;
import dev.homeenergy.devicehttp.DeviceJson;
import dev.homeenergy.devicehttp.LoginGate;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one Tesla Energy Gateway (Powerwall) over its local HTTPS API.
 *
 * <p>Transport: HTTPS and HTTP/1.1 only, whatever the address's scheme. Without {@code
 * tls_cert_file} any certificate is accepted (gateways are self-signed) and a warning says how to
 * pin one; with it only that exact certificate is, a mismatch failing as {@code connect}. The JDK
 * 17 HTTP client honours a configured SNI name only for IP addresses, so a host name is resolved at
 * each request and the IP address is connected to, always with SNI {@code powerwall}.
 *
 * <p>Session: lazy login with the customer password, {@code Cookie: AuthCookie=<token>} on every
 * read, the token kept across restarts in the state directory (see {@link SessionStore}). A read
 * answered 401/403 logs in again and is retried once; a poll logs in at most once. A 403 that
 * survives a fresh login is the gateway refusing that endpoint to the customer, not the session:
 * the endpoint becomes an {@link EndpointFailure} (reason {@code auth}), the session is kept, and
 * later 403s from that endpoint are taken as the same answer without logging in again (until it
 * answers 2xx); only when every endpoint of a poll is refused does the poll fail as {@code auth}. A
 * rejected or rate-limited login stops all logins for a growing back-off ({@link LoginGate}).
 *
 * <p>Reads per poll, in order: {@link #EVERY_POLL}, then {@code meters/<category>} for each
 * category of {@code meters/aggregates}, then {@link #AFTER_METERS}; {@code site_info} on the first
 * poll and then every {@link #SITE_INFO_MAX_AGE} (its last good body is reused in between). {@code
 * config/completed} is never called (it changes the gateway's configuration). A non-2xx answer to a
 * read becomes an {@link EndpointFailure} and the poll goes on; 429 fails the poll as {@code
 * rate_limited}. A 404 is no failure: the firmware lacks the endpoint (a Powerwall 3 serves three),
 * so it is left unasked for a while ({@link AbsentEndpoints}), listed in the reading and in the raw
 * view's {@value #ABSENT} entry. Transport failures are retried every {@code retry_interval} until
 * {@code retry_timeout} after the first one in the poll, then fail the poll as {@code connect} or
 * {@code timeout}. Not thread-safe: the core polls a device from one thread.
 */
public final class PowerwallClient implements Device {
  /** How long a fetched {@code site_info} is reused before it is read again. */
  public static final Duration SITE_INFO_MAX_AGE = Duration.ofHours(1);

  static final List<String> EVERY_POLL =
      List.of(
          "status",
          "system_status/soe",
          "operation",
          "sitemaster",
          "troubleshooting/problems",
          "system_status",
          "system_status/grid_status",
          "meters/aggregates");
  static final String AGGREGATES = "meters/aggregates";
  static final List<String> AFTER_METERS = List.of("networks", "powerwalls");
  static final String SITE_INFO = "site_info";

  /** The raw view's entry listing the endpoints known absent. */
  static final String ABSENT = "absent";

  static final int MAX_METER_CATEGORIES = 16;

  private static final Logger LOG = LoggerFactory.getLogger(PowerwallClient.class);
  private static final ObjectMapper JSON = DeviceJson.mapper();

  /**
   * The largest real gateway body ({@code /api/powerwalls} of a three-battery site) is 7 KB; 256
   * KiB is room for large sites and later firmware.
   */
  static final BodyCaps BODY_CAPS = BodyCaps.of(256 * 1024);

  private final Duration timeout;
  private final PowerwallSettings settings;
  private final Clock clock;
  private final GatewayTransport transport;
  private final GatewaySession session;
  private final Set<String> forbidden = new HashSet<>();
  private final AbsentEndpoints absent = new AbsentEndpoints();
  private boolean absenceRecorded;
  private final TedapiClient tedapi;
  private String siteInfoBody;
  private Instant siteInfoReadAt;

  /**
   * Creates the client; reads only {@code tls_cert_file}, if set.
   *
   * @throws IllegalArgumentException when {@code password} is missing or {@code tls_cert_file}
   *     cannot be read or holds no certificate
   */
  public PowerwallClient(DeviceConfig config, DeviceContext context) {
    this.timeout = config.timeout();
    this.settings = PowerwallSettings.from(config);
    this.clock = context.clock();
    X509Certificate pinned;
    try {
      pinned = pinnedCertificate(settings);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "devices[" + config.name() + "].tls_cert_file: " + e.getMessage(), e);
    }
    if (pinned == null) {
      LOG.warn(
          "Device {}: the gateway's TLS certificate is not verified. To pin it, set tls_cert_file and run "
              + "`home-energy-exporter powerwall fetchcert --address {} --out FILE`",
          config.name(),
          config.address().getPort() == 443
              ? config.address().getHost()
              : config.address().getAuthority());
    }
    DeviceHttp http =
        new DeviceHttp(
            GatewayTls.sharedClient(pinned, timeout, context), clock, context.raw(), BODY_CAPS);
    this.transport = new GatewayTransport(http, config.address());
    this.session =
        new GatewaySession(
            config.name(),
            transport,
            settings.email(),
            settings.password(),
            new LoginGate(clock),
            SessionStore.in(context.stateDirectory(), config.name()));
    TedapiSettings tedapiSettings = TedapiSettings.from(config);
    this.tedapi =
        tedapiSettings.enabled()
            ? new TedapiClient(
                config.name(),
                tedapiSettings,
                new TedapiHttp(
                    GatewayTls.sharedClient(null, timeout, context),
                    tedapiSettings.address(),
                    tedapiSettings.gatewayPassword(),
                    clock,
                    context.raw()),
                clock,
                timeout)
            : null;
  }

  /**
   * Checks what the key types cannot: that {@code tls_cert_file} holds a certificate, that retries
   * have an interval, and that a poll with its retries ends before its readings go stale.
   */
  public static void validate(DeviceConfig config, FamilyProblems problems) {
    PowerwallSettings settings;
    try {
      settings = PowerwallSettings.from(config);
    } catch (IllegalArgumentException e) {
      problems.add("password", "required for a powerwall " + PowerwallSettings.PASSWORD_HINT);
      return;
    }
    TedapiClient.validate(config, problems);
    try {
      pinnedCertificate(settings);
    } catch (IllegalArgumentException e) {
      problems.add("tls_cert_file", e.getMessage());
    }
    if (settings.retryTimeout().compareTo(Duration.ZERO) > 0 && settings.retryInterval().isZero()) {
      problems.add("retry_interval", "must be greater than 0s when retry_timeout is set");
    }
    Duration longestPoll = config.timeout().plus(settings.retryTimeout());
    if (config.interval().plus(longestPoll).compareTo(config.staleAfter()) > 0) {
      problems.add(
          "retry_timeout",
          "a poll may last timeout + retry_timeout = "
              + Durations.format(longestPoll)
              + ", so with interval "
              + Durations.format(config.interval())
              + " readings would go stale (stale_after "
              + Durations.format(config.staleAfter())
              + ") while the next poll still retries; shorten retry_timeout or"
              + " set stale_after above "
              + Durations.format(config.interval().plus(longestPoll)));
    }
  }

  /**
   * The longest a poll may take: the timeout plus {@code retry_timeout}, and one more timeout for
   * the TEDAPI requests when they are made.
   */
  public static Duration pollDeadline(DeviceConfig config) {
    Object retryTimeout = config.extra().get("retry_timeout");
    Duration api =
        config
            .timeout()
            .plus(
                retryTimeout instanceof Duration duration
                    ? duration
                    : PowerwallSettings.DEFAULT_RETRY_TIMEOUT);
    boolean tedapi;
    try {
      tedapi = TedapiSettings.from(config).enabled();
    } catch (IllegalArgumentException e) {
      tedapi = false;
    }
    return tedapi ? api.plus(config.timeout()) : api;
  }

  /**
   * Reads and parses one poll. Endpoints may fail on their own, but when none but the cached {@code
   * site_info} gave usable data the gateway is not really answering (an HTML page or error page for
   * every path, say): the poll fails as {@code parse} if any body was unusable, else as {@code
   * http_status}. With TEDAPI on, its round follows; when the {@code /api} part fails but TEDAPI
   * gave data (a Powerwall 3 whose customer login is refused, say), the reading carries the TEDAPI
   * data and the {@code /api} failure as endpoint {@code api}.
   */
  @Override
  public PowerwallReading poll() throws PollException {
    PowerwallReading reading = pollApiAndTedapi();
    absent.firmware(firmware(reading));
    recordAbsence();
    return reading.withAbsentEndpoints(absent.names());
  }

  private PowerwallReading pollApiAndTedapi() throws PollException {
    if (tedapi == null) {
      return pollApi();
    }
    PowerwallReading api;
    try {
      api = pollApi();
    } catch (PollException e) {
      TedapiClient.Result round = tedapi.poll();
      if (round.reading().data() == null) {
        throw e;
      }
      api =
          PowerwallReading.parse(
              new PowerwallResponses(
                  Map.of(), List.of(new EndpointFailure("api", e.reason(), e.getMessage()))));
      return api.withTedapi(round.reading(), round.failures());
    }
    TedapiClient.Result round = tedapi.poll();
    return api.withTedapi(round.reading(), round.failures());
  }

  /** The gateway's firmware version: {@code /api/status}'s, else TEDAPI's, else null. */
  private static String firmware(PowerwallReading reading) {
    if (reading.status() != null && reading.status().version() != null) {
      return reading.status().version();
    }
    TedapiReading tedapiReading = reading.tedapi();
    return tedapiReading == null || tedapiReading.info() == null
        ? null
        : tedapiReading.info().version();
  }

  /**
   * Reads and parses the {@code /api} endpoints of one poll (see {@link #poll()} for the failure
   * rules). A poll in which nothing answered tells nothing about the firmware: every absence is
   * forgotten and the poll fails as before, so an address that answers 404 to everything keeps
   * failing rather than being left unasked.
   */
  private PowerwallReading pollApi() throws PollException {
    List<String> absentBefore = absent.names();
    PowerwallResponses responses = fetch();
    PowerwallReading reading = PowerwallReading.parse(responses);
    Set<String> failed = new HashSet<>();
    reading.endpointFailures().forEach(failure -> failed.add(failure.endpoint()));
    boolean answered =
        responses.bodies().keySet().stream()
            .anyMatch(endpoint -> !endpoint.equals(SITE_INFO) && !failed.contains(endpoint));
    if (!answered && !absent.names().isEmpty() && reading.endpointFailures().isEmpty()) {
      absent.clear();
      throw new PollException(
          FailureReason.HTTP_STATUS,
          "no endpoint gave usable data: the gateway answered 404 to every endpoint asked"
              + (absentBefore.isEmpty() ? "" : " (the others had answered 404 before)"));
    }
    if (!answered && !reading.endpointFailures().isEmpty()) {
      if (reading.endpointFailures().stream().allMatch(f -> f.reason() == FailureReason.AUTH)) {
        forbidden.clear();
        throw new PollException(
            FailureReason.AUTH,
            "the gateway refused every endpoint, even with a session from a fresh login; first: "
                + reading.endpointFailures().get(0).message());
      }
      boolean unusable =
          reading.endpointFailures().stream().anyMatch(f -> f.reason() == FailureReason.PARSE);
      EndpointFailure first = reading.endpointFailures().get(0);
      throw new PollException(
          unusable ? FailureReason.PARSE : FailureReason.HTTP_STATUS,
          "no endpoint gave usable data; first: " + first.message());
    }
    return reading;
  }

  /** Reads every endpoint of one poll. */
  PowerwallResponses fetch() throws PollException {
    GatewayPoll poll = new GatewayPoll(timeout, settings.retryInterval(), settings.retryTimeout());
    Map<String, String> bodies = new LinkedHashMap<>();
    List<EndpointFailure> failures = new ArrayList<>();
    for (String endpoint : EVERY_POLL) {
      read(endpoint, endpoint, poll, bodies, failures);
    }
    for (String category : meterCategories(bodies.get(AGGREGATES))) {
      String endpoint = "meters/" + category;
      read(
          endpoint,
          "meters/" + URLEncoder.encode(category, StandardCharsets.UTF_8).replace("+", "%20"),
          poll,
          bodies,
          failures);
    }
    for (String endpoint : AFTER_METERS) {
      read(endpoint, endpoint, poll, bodies, failures);
    }
    readSiteInfo(poll, bodies, failures);
    return new PowerwallResponses(bodies, failures);
  }

  private void readSiteInfo(
      GatewayPoll poll, Map<String, String> bodies, List<EndpointFailure> failures)
      throws PollException {
    Instant now = clock.instant();
    if (siteInfoReadAt == null
        || Duration.between(siteInfoReadAt, now).compareTo(SITE_INFO_MAX_AGE) >= 0) {
      boolean read = read(SITE_INFO, SITE_INFO, poll, bodies, failures);
      siteInfoReadAt = now;
      if (read) {
        siteInfoBody = bodies.get(SITE_INFO);
        return;
      }
    }
    if (siteInfoBody != null) {
      bodies.put(SITE_INFO, siteInfoBody);
    }
  }

  /**
   * Reads one endpoint into {@code bodies}, or notes its failure; false when it failed on its own.
   */
  private boolean read(
      String endpoint,
      String path,
      GatewayPoll poll,
      Map<String, String> bodies,
      List<EndpointFailure> failures)
      throws PollException {
    if (absent.skip(endpoint, clock.instant())) {
      return false;
    }
    String token = session.token(poll);
    PollException rejection;
    try {
      bodies.put(endpoint, transport.get(endpoint, path, token, poll));
      forbidden.remove(endpoint);
      absent.answered(endpoint);
      return true;
    } catch (PollException e) {
      if (e.reason() != FailureReason.AUTH) {
        return endpointFailure(e, endpoint, failures);
      }
      if (e.httpStatus() == 403 && (forbidden.contains(endpoint) || poll.loggedIn())) {
        return forbiddenEndpoint(e, endpoint, failures);
      }
      rejection = e;
    }
    String fresh = session.relogin(token, rejection, poll);
    try {
      bodies.put(endpoint, transport.get(endpoint, path, fresh, poll));
      forbidden.remove(endpoint);
      absent.answered(endpoint);
      return true;
    } catch (PollException e) {
      if (e.httpStatus() == 403) {
        return forbiddenEndpoint(e, endpoint, failures);
      }
      if (e.reason() == FailureReason.AUTH) {
        session.rejected(fresh);
        throw new PollException(
            FailureReason.AUTH, e.getMessage() + " (even with a session from a fresh login)");
      }
      return endpointFailure(e, endpoint, failures);
    }
  }

  /** Notes a 403 that a fresh session also got: the gateway refuses this endpoint, not us. */
  private boolean forbiddenEndpoint(
      PollException e, String endpoint, List<EndpointFailure> failures) {
    forbidden.add(endpoint);
    failures.add(new EndpointFailure(endpoint, FailureReason.AUTH, e.getMessage()));
    return false;
  }

  /**
   * Notes an endpoint's own failure; a 404 is no failure but the firmware lacking the endpoint,
   * remembered in {@link #absent}. Transport failures and the like fail the poll.
   */
  private boolean endpointFailure(PollException e, String endpoint, List<EndpointFailure> failures)
      throws PollException {
    if (e.reason() != FailureReason.HTTP_STATUS) {
      throw e;
    }
    if (e.httpStatus() == 404) {
      absent.answered404(endpoint, clock.instant());
      return false;
    }
    failures.add(new EndpointFailure(endpoint, FailureReason.HTTP_STATUS, e.getMessage()));
    return false;
  }

  /**
   * Records the endpoints known absent as the raw view's {@code absent} entry: when each answered
   * 404 and when it will be asked again. An emptied list is recorded once, so the entry never
   * outlives the absences.
   */
  private void recordAbsence() {
    List<String> names = absent.names();
    if (names.isEmpty() && !absenceRecorded) {
      return;
    }
    absenceRecorded = !names.isEmpty();
    ObjectNode body = JSON.createObjectNode();
    body.put(
        "meaning",
        "these endpoints answered 404: this gateway's firmware lacks them. They are not requested"
            + " again until next_probe or a firmware change, and not counted as endpoint errors.");
    body.put("firmware", absent.firmware());
    ObjectNode endpoints = body.putObject("endpoints");
    for (String name : names) {
      endpoints
          .putObject(name)
          .put("answered_404_at", absent.answered404At(name).toString())
          .put("next_probe", absent.nextProbe(name).toString());
    }
    transport.note(ABSENT, body.toString());
  }

  private static List<String> meterCategories(String aggregates) {
    List<String> categories = new ArrayList<>();
    if (aggregates == null) {
      return categories;
    }
    try {
      JsonNode root = JSON.readTree(aggregates);
      if (root == null || !root.isObject()) {
        return categories;
      }
      for (Iterator<String> names = root.fieldNames();
          names.hasNext() && categories.size() < MAX_METER_CATEGORIES; ) {
        String name = names.next();
        if (!name.isEmpty()) {
          categories.add(name);
        }
      }
    } catch (JsonProcessingException e) {
      LOG.debug("meters/aggregates does not parse; reading no meters: {}", e.getOriginalMessage());
    }
    return categories;
  }

  static X509Certificate pinnedCertificate(PowerwallSettings settings) {
    if (settings.tlsCertFile() == null) {
      return null;
    }
    try {
      return GatewayCertificates.readPem(settings.tlsCertFile());
    } catch (IOException | CertificateException e) {
      String reason =
          e instanceof java.nio.file.NoSuchFileException
              ? "no such file"
              : e instanceof java.nio.file.AccessDeniedException
                  ? "permission denied"
                  : e.getMessage();
      throw new IllegalArgumentException(
          "cannot use \"" + settings.tlsCertFile() + "\": " + reason, e);
    }
  }
}
