package dev.homeenergy.device.powerwall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.FamilyProblems;
import dev.homeenergy.config.Secret;
import dev.homeenergy.core.EndpointFailure;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.device.powerwall.TedapiProto.Frame;
import dev.homeenergy.device.powerwall.TedapiProto.QueryResponse;
import dev.homeenergy.device.powerwall.TedapiProto.SystemInfo;
import dev.homeenergy.devicehttp.Deadline;
import dev.homeenergy.devicehttp.DeviceHttp;
import dev.homeenergy.devicehttp.DeviceJson;
import dev.homeenergy.devicehttp.LoginGate;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one gateway's installer API (TEDAPI), at most every {@code tedapi_interval}: the DIN once,
 * config.json every {@link #CONFIG_MAX_AGE}, the firmware every {@link #FIRMWARE_MAX_AGE}, and each
 * round the signed DeviceControllerQuery plus one components query per Powerwall 3 (followers
 * through the leader's {@code /tedapi/device/<din>/v1}; with the V2026_06 set also its
 * ComplianceQuery for the packs' counters, at most every {@link #COMPLIANCE_MAX_AGE}). An answer
 * about another unit than the one asked is refused for that unit. Requests go one at a time.
 *
 * <p>Failures never burst: a 429 or 503 pauses every TEDAPI call for {@link #COOLDOWN}; a 403 (a
 * wrong gateway password, or a host outside the gateway's own Wi-Fi, which firmware 25.10 and later
 * require) stops TEDAPI for a growing back-off, as a rejected {@code /api} login does; a transport
 * failure ends the round. A signed query the gateway refuses is counted per query and set and, with
 * {@code tedapi_query_set: auto}, the other set is used from the next round. Every failure becomes
 * an endpoint failure of the reading, so the {@code /api} data keeps flowing. Not thread-safe: the
 * device's poller calls it.
 */
final class TedapiClient {
  static final Duration COOLDOWN = Duration.ofMinutes(5);
  static final Duration CONFIG_MAX_AGE = Duration.ofMinutes(10);
  static final Duration FIRMWARE_MAX_AGE = Duration.ofHours(1);
  static final String DIN = "din";
  static final String CONFIG = "config";
  static final String FIRMWARE = "firmware";
  static final String STATUS = "status";
  static final String COMPONENTS = "components";
  static final String COMPLIANCE = "compliance";
  static final Duration COMPLIANCE_MAX_AGE = Duration.ofHours(1);
  static final String V1 = "/tedapi/v1";
  private static final int SUCCESS = 1;
  private static final String OTHER_UNIT = "other_unit";
  private static final List<String> DEVICE_TYPES =
      List.of("invalid", "gen3wc", "pvcom", "msa", "sitecontroller");

  private static final Logger LOG = LoggerFactory.getLogger(TedapiClient.class);
  private static final ObjectMapper JSON = DeviceJson.mapper();

  /** What one round brought: the reading and the requests that failed. */
  record Result(TedapiReading reading, List<EndpointFailure> failures) {
    Result {
      failures = List.copyOf(failures);
    }
  }

  private final String deviceName;
  private final TedapiSettings settings;
  private final TedapiHttp http;
  private final Clock clock;
  private final Duration timeout;
  private final LoginGate backoff;
  private final Map<String, TedapiQuerySet> sets = new LinkedHashMap<>();
  private final Map<String, TedapiReading.QueryHealth> health = new TreeMap<>();
  private final Map<String, Long> responses = new TreeMap<>();
  private final Map<String, Long> rejections = new TreeMap<>();
  private String activeSet;
  private String din;
  private JsonNode config;
  private Instant configReadAt;
  private TedapiReading.Info info;
  private Instant firmwareReadAt;
  private Instant cooldownUntil;
  private String cooldownCause;
  private int refusals;
  private Instant refusedUntil;
  private String refusal;
  private Instant roundAt;
  private TedapiData lastData;
  private boolean rejectionLogged;
  private boolean otherUnitLogged;
  private final Map<String, Compliance> compliance = new LinkedHashMap<>();

  TedapiClient(
      String deviceName, TedapiSettings settings, TedapiHttp http, Clock clock, Duration timeout) {
    this.deviceName = deviceName;
    this.settings = settings;
    this.http = http;
    this.clock = clock;
    this.timeout = timeout;
    this.backoff = new LoginGate(clock);
    this.activeSet =
        settings.querySet().equals(TedapiSettings.AUTO)
            ? TedapiQuerySet.V2024_06
            : settings.querySet();
  }

  /** Checks the TEDAPI keys: a usable address, and a gateway password where one is needed. */
  static void validate(DeviceConfig config, FamilyProblems problems) {
    TedapiSettings settings;
    try {
      settings = TedapiSettings.from(config);
    } catch (IllegalArgumentException e) {
      problems.add("tedapi_address", e.getMessage().replaceFirst("^tedapi_address: ", ""));
      return;
    }
    if (settings.mode().equals(TedapiSettings.ON) && settings.gatewayPassword() == null) {
      problems.add(
          "gateway_password",
          "required with tedapi: on (the full password from the gateway's sticker)");
    }
    Secret password = settings.gatewayPassword();
    if (password != null
        && !config.extra().containsKey("password")
        && password.reveal().length() < TedapiSettings.CUSTOMER_PASSWORD_LENGTH) {
      problems.add(
          "gateway_password",
          "too short to derive the customer password from its last "
              + TedapiSettings.CUSTOMER_PASSWORD_LENGTH
              + " characters; give password too");
    }
  }

  /** Reads TEDAPI when due; between rounds the last values are served again. */
  Result poll() {
    Instant now = clock.instant();
    List<EndpointFailure> failures = new ArrayList<>();
    if (cooldownUntil != null && now.isBefore(cooldownUntil)) {
      failures.add(
          new EndpointFailure(
              "tedapi",
              FailureReason.RATE_LIMITED,
              "TEDAPI paused until " + cooldownUntil + " after " + cooldownCause));
      lastData = null;
      return result(failures);
    }
    if (refusedUntil != null && now.isBefore(refusedUntil)) {
      failures.add(
          new EndpointFailure(
              "tedapi",
              FailureReason.AUTH,
              "not calling TEDAPI until " + refusedUntil + "; last: " + refusal));
      lastData = null;
      return result(failures);
    }
    if (roundAt != null && now.isBefore(roundAt.plus(settings.interval()))) {
      return result(failures);
    }
    roundAt = now;
    Deadline deadline = Deadline.after(timeout);
    try {
      lastData = round(deadline, failures);
    } catch (PollException e) {
      lastData = null;
      failures.add(new EndpointFailure("tedapi", e.reason(), e.getMessage()));
    }
    return result(failures);
  }

  private TedapiData round(Deadline deadline, List<EndpointFailure> failures) throws PollException {
    Instant now = clock.instant();
    if (din == null) {
      byte[] body;
      try {
        body = request(DIN, "/tedapi/din", null, deadline);
      } catch (HttpFailure e) {
        throw new PollException(e.failure().reason(), e.getMessage());
      }
      String text = new String(body, StandardCharsets.UTF_8).strip();
      if (text.length() < 16 || !text.contains("--")) {
        health.put(DIN, new TedapiReading.QueryHealth(false, health.get(DIN).seconds()));
        throw new PollException(
            FailureReason.PARSE, "tedapi/din: the gateway's answer is not a DIN");
      }
      din = text;
      http.record(DIN, "/tedapi/din", din, took(DIN));
    }
    if (config == null || !now.isBefore(configReadAt.plus(CONFIG_MAX_AGE))) {
      readConfig(deadline, failures);
    }
    if (firmwareReadAt == null || !now.isBefore(firmwareReadAt.plus(FIRMWARE_MAX_AGE))) {
      readFirmware(deadline, failures);
    }
    TedapiQuerySet set = set(activeSet);
    Answer statusAnswer =
        query(STATUS, V1, TedapiRequests.query(din, set.status()), set, deadline, failures);
    JsonNode status = statusAnswer == null ? null : statusAnswer.data();
    Map<String, JsonNode> units = new LinkedHashMap<>();
    Map<String, String> packOwners = TedapiParser.expansionOwners(config);
    boolean componentsUp = true;
    double componentsSeconds = 0;
    List<String> powerwall3s = TedapiParser.powerwall3Units(config);
    for (String unit : powerwall3s) {
      Answer answer = unitQuery(COMPONENTS, unit, set.components(), set, deadline, failures);
      componentsSeconds += health.get(COMPONENTS).seconds();
      String about =
          answer == null
              ? null
              : otherUnit(unit, answer.sender(), answer.data(), powerwall3s, packOwners);
      if (about != null) {
        aboutAnotherUnit(COMPONENTS, set, unit, about, failures);
      }
      if (answer == null || about != null) {
        componentsUp = false;
      } else {
        TedapiParser.packSerials(answer.data()).forEach(s -> packOwners.putIfAbsent(s, unit));
        JsonNode counters =
            set.compliance() == null ? null : compliance(unit, set, deadline, failures);
        units.put(unit, TedapiParser.withPackCounters(answer.data(), counters));
      }
    }
    if (health.containsKey(COMPONENTS)) {
      health.put(COMPONENTS, new TedapiReading.QueryHealth(componentsUp, componentsSeconds));
    }
    if (status == null && units.isEmpty() && config == null) {
      return null;
    }
    return TedapiParser.parse(config, status, units);
  }

  private void readConfig(Deadline deadline, List<EndpointFailure> failures) throws PollException {
    try {
      Frame frame =
          frame(CONFIG, request(CONFIG, V1, TedapiRequests.config(din).toByteArray(), deadline));
      byte[] blob =
          frame.getEnvelope().getFile().getReadResponse().getFile().getBlob().toByteArray();
      String text = new String(blob, StandardCharsets.UTF_8);
      config = JSON.readTree(text);
      configReadAt = clock.instant();
      http.record(CONFIG, V1, text, took(CONFIG));
    } catch (ParseFailure | IOException e) {
      down(CONFIG);
      failures.add(
          new EndpointFailure(
              "tedapi/" + CONFIG, FailureReason.PARSE, "tedapi/config: " + message(e)));
    } catch (HttpFailure e) {
      failures.add(e.failure());
    }
  }

  private void readFirmware(Deadline deadline, List<EndpointFailure> failures)
      throws PollException {
    try {
      Frame frame =
          frame(
              FIRMWARE,
              request(FIRMWARE, V1, TedapiRequests.systemInfo(din).toByteArray(), deadline));
      SystemInfo system = frame.getEnvelope().getSystemInfo().getResponse();
      int type = system.getDeviceType();
      info =
          new TedapiReading.Info(
              din,
              system.getFirmwareVersion().getVersion(),
              HexFormat.of().formatHex(system.getFirmwareVersion().getGithash().toByteArray()),
              type >= 0 && type < DEVICE_TYPES.size()
                  ? DEVICE_TYPES.get(type)
                  : Integer.toString(type),
              activeSet);
      firmwareReadAt = clock.instant();
      http.record(FIRMWARE, V1, infoJson(info), took(FIRMWARE));
    } catch (ParseFailure e) {
      down(FIRMWARE);
      failures.add(
          new EndpointFailure(
              "tedapi/" + FIRMWARE, FailureReason.PARSE, "tedapi/firmware: " + message(e)));
    } catch (HttpFailure e) {
      failures.add(e.failure());
    }
  }

  /**
   * A unit's pack counters from the set's ComplianceQuery, read at most every {@link
   * #COMPLIANCE_MAX_AGE} (they are lifetime counters) through the same route as its components;
   * null when none were read.
   */
  private JsonNode compliance(
      String unit, TedapiQuerySet set, Deadline deadline, List<EndpointFailure> failures)
      throws PollException {
    Instant now = clock.instant();
    Compliance last = compliance.get(unit);
    if (last != null
        && last.set().equals(set.name())
        && now.isBefore(last.readAt().plus(COMPLIANCE_MAX_AGE))) {
      return last.data();
    }
    Answer answer = unitQuery(COMPLIANCE, unit, set.compliance(), set, deadline, failures);
    JsonNode data = answer == null ? null : answer.data();
    compliance.put(unit, new Compliance(set.name(), now, data));
    return data;
  }

  /** The last ComplianceQuery answer of one unit, null when it failed. */
  private record Compliance(String set, Instant readAt, JsonNode data) {}

  /**
   * What the answer for {@code unit} says about another unit, or null when nothing does: its
   * envelope's sender is another Powerwall 3 of the site, or it names a pack that the config or an
   * earlier answer of this round gives to another unit. (A sender outside the site's units, such as
   * a gateway relaying, proves nothing.)
   */
  static String otherUnit(
      String unit,
      String sender,
      JsonNode data,
      List<String> units,
      Map<String, String> packOwners) {
    if (!sender.equals(unit) && units.contains(sender)) {
      return "it comes from " + sender;
    }
    for (String serial : TedapiParser.packSerials(data)) {
      String owner = packOwners.get(serial);
      if (owner != null && !owner.equals(unit)) {
        return "its pack " + serial + " belongs to " + owner;
      }
    }
    return null;
  }

  private void aboutAnotherUnit(
      String query, TedapiQuerySet set, String unit, String why, List<EndpointFailure> failures) {
    down(query);
    rejections.merge(query + "\u0000" + set.name() + "\u0000" + OTHER_UNIT, 1L, Long::sum);
    String message =
        "tedapi/"
            + query
            + ": the answer for unit "
            + unit
            + " is about another unit ("
            + why
            + "); that unit's values are left out of this round";
    if (!otherUnitLogged) {
      otherUnitLogged = true;
      LOG.warn("Device {}: {}", deviceName, message);
    }
    failures.add(new EndpointFailure("tedapi/" + query, FailureReason.PARSE, message));
  }

  /** A signed query's data and the DIN its envelope names as sender (empty when none). */
  private record Answer(JsonNode data, String sender) {}

  /** Sends a signed query; null when it failed on its own (the round goes on). */
  /** A signed query to one Powerwall 3 unit: the leader directly, a follower through it. */
  private Answer unitQuery(
      String query,
      String unit,
      TedapiSignedQuery signed,
      TedapiQuerySet set,
      Deadline deadline,
      List<EndpointFailure> failures)
      throws PollException {
    boolean leader = unit.equals(din);
    return query(
        query,
        leader ? V1 : "/tedapi/device/" + unit + "/v1",
        leader
            ? TedapiRequests.query(unit, signed)
            : TedapiRequests.followerQuery(din, unit, signed),
        set,
        deadline,
        failures);
  }

  private Answer query(
      String query,
      String path,
      Frame request,
      TedapiQuerySet set,
      Deadline deadline,
      List<EndpointFailure> failures)
      throws PollException {
    QueryResponse response;
    String sender;
    try {
      TedapiProto.Envelope envelope =
          frame(query, request(query, path, request.toByteArray(), deadline)).getEnvelope();
      response = envelope.getQuery().getResponse();
      sender = envelope.getSender().getDin();
    } catch (ParseFailure e) {
      down(query);
      failures.add(
          new EndpointFailure(
              "tedapi/" + query, FailureReason.PARSE, "tedapi/" + query + ": " + message(e)));
      return null;
    } catch (HttpFailure e) {
      failures.add(e.failure());
      return null;
    }
    String reason = null;
    JsonNode data = null;
    if (response.getErrorsCount() > 0) {
      reason = "errors";
    } else if (response.getStatus() != SUCCESS && response.getStatus() != 0) {
      reason = "status";
    } else {
      try {
        data = response.getData().isBlank() ? null : JSON.readTree(response.getData());
      } catch (IOException e) {
        data = null;
      }
      if (data == null || !data.isObject()) {
        reason = "empty";
      }
    }
    if (reason != null) {
      rejected(query, set, reason, response, failures);
      return null;
    }
    http.record(query, path, response.getData(), took(query));
    return new Answer(data, sender);
  }

  private void rejected(
      String query,
      TedapiQuerySet set,
      String reason,
      QueryResponse response,
      List<EndpointFailure> failures) {
    down(query);
    rejections.merge(query + "\u0000" + set.name() + "\u0000" + reason, 1L, Long::sum);
    boolean fallback = settings.querySet().equals(TedapiSettings.AUTO);
    if (fallback) {
      activeSet = set.other();
    }
    String detail =
        response.getErrorsCount() > 0
            ? "GraphQL error code "
                + response.getErrors(0).getCode()
                + " "
                + response.getErrors(0).getMessage()
            : "GraphQL status " + response.getStatus() + ", no usable data";
    String message =
        "tedapi/"
            + query
            + ": the gateway rejected the signed "
            + query
            + " query of set "
            + set.name()
            + " ("
            + detail
            + "); Tesla may have rotated its signing keys or the firmware dropped a field"
            + (fallback ? "; trying set " + set.other() + " next" : "");
    if (!rejectionLogged) {
      rejectionLogged = true;
      LOG.warn(
          "Device {}: {} (firmware {})",
          deviceName,
          message,
          info == null ? "unknown" : info.version());
    }
    failures.add(new EndpointFailure("tedapi/" + query, FailureReason.PARSE, message));
  }

  /**
   * Sends one request and returns its body. A 429/503, a 403 or a transport failure ends the round
   * (thrown as {@link PollException}); any other status fails only this request.
   */
  private byte[] request(String query, String path, byte[] body, Deadline deadline)
      throws PollException, HttpFailure {
    try {
      DeviceHttp.BinaryAnswer answer =
          body == null ? http.get(query, path, deadline) : http.post(query, path, body, deadline);
      responses.merge(query + "\u0000" + 200, 1L, Long::sum);
      health.put(query, new TedapiReading.QueryHealth(true, answer.took().toNanos() / 1e9));
      if (refusals > 0) {
        LOG.info("Device {}: TEDAPI answers again", deviceName);
      }
      refusals = 0;
      refusedUntil = null;
      return answer.body();
    } catch (PollException e) {
      health.put(query, new TedapiReading.QueryHealth(false, 0));
      int status = e.httpStatus();
      if (status > 0) {
        responses.merge(query + "\u0000" + status, 1L, Long::sum);
      }
      if (status == 429 || status == 503) {
        cooldownUntil = clock.instant().plus(COOLDOWN);
        cooldownCause = e.getMessage();
        LOG.warn(
            "Device {}: {}; pausing every TEDAPI call for {} minutes",
            deviceName,
            e.getMessage(),
            COOLDOWN.toMinutes());
        throw new PollException(
            FailureReason.RATE_LIMITED,
            e.getMessage() + "; pausing every TEDAPI call for " + COOLDOWN.toMinutes() + " minutes",
            status);
      }
      if (status == 401 || status == 403) {
        refusals++;
        Duration delay = backoff.delay(refusals);
        refusedUntil = clock.instant().plus(delay);
        refusal =
            e.getMessage()
                + ": either gateway_password is wrong (it is the full password on the gateway's"
                + " sticker, not the customer password) or this host is not on the gateway's own"
                + " Wi-Fi (TeslaPW_... or TEG-...): firmware 25.10 and later refuse TEDAPI"
                + " requests routed from the home LAN";
        if (refusals == 1) {
          LOG.warn("Device {}: {}", deviceName, refusal);
        }
        throw new PollException(
            FailureReason.AUTH,
            refusal + "; trying again in " + delay.toMinutes() + " minutes",
            status);
      }
      if (e.reason() == FailureReason.HTTP_STATUS) {
        throw new HttpFailure(new EndpointFailure("tedapi/" + query, e.reason(), e.getMessage()));
      }
      throw e;
    }
  }

  private Frame frame(String query, byte[] body) throws ParseFailure {
    try {
      return Frame.parseFrom(body);
    } catch (InvalidProtocolBufferException e) {
      throw new ParseFailure("the answer is not a TEDAPI message (" + e.getMessage() + ")");
    }
  }

  /** How long the latest request of {@code query} took, as its health records it. */
  private Duration took(String query) {
    TedapiReading.QueryHealth last = health.get(query);
    return last == null ? Duration.ZERO : Duration.ofNanos(Math.round(last.seconds() * 1e9));
  }

  /** The firmware and system info as JSON, the form of the raw view's other bodies. */
  static String infoJson(TedapiReading.Info info) {
    return JSON.createObjectNode()
        .put("din", info.din())
        .put("version", info.version())
        .put("githash", info.githash())
        .put("device_type", info.deviceType())
        .put("query_set", info.querySet())
        .toString();
  }

  private void down(String query) {
    TedapiReading.QueryHealth last = health.get(query);
    health.put(query, new TedapiReading.QueryHealth(false, last == null ? 0 : last.seconds()));
  }

  private TedapiQuerySet set(String name) {
    return sets.computeIfAbsent(name, TedapiQuerySet::load);
  }

  private Result result(List<EndpointFailure> failures) {
    List<TedapiReading.ResponseCount> counts = new ArrayList<>();
    responses.forEach(
        (key, count) -> {
          String[] parts = key.split("\u0000");
          counts.add(new TedapiReading.ResponseCount(parts[0], Integer.parseInt(parts[1]), count));
        });
    List<TedapiReading.Rejection> rejected = new ArrayList<>();
    rejections.forEach(
        (key, count) -> {
          String[] parts = key.split("\u0000");
          rejected.add(new TedapiReading.Rejection(parts[0], parts[1], parts[2], count));
        });
    boolean cooling = cooldownUntil != null && clock.instant().isBefore(cooldownUntil);
    TedapiReading.Info current =
        info == null
            ? (din == null ? null : new TedapiReading.Info(din, null, null, null, activeSet))
            : new TedapiReading.Info(
                info.din(), info.version(), info.githash(), info.deviceType(), activeSet);
    return new Result(
        new TedapiReading(health, counts, cooling, rejected, current, lastData), failures);
  }

  private static String message(Exception e) {
    return e.getMessage();
  }

  /** A body that arrived but is not what the request asks for. */
  private static final class ParseFailure extends Exception {
    private static final long serialVersionUID = 1L;

    ParseFailure(String message) {
      super(message);
    }
  }

  /** A status other than 2xx, 401, 403, 429 and 503: only this request failed. */
  private static final class HttpFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient EndpointFailure failure;

    HttpFailure(EndpointFailure failure) {
      super(failure.message());
      this.failure = failure;
    }

    EndpointFailure failure() {
      return failure;
    }
  }
}
