package dev.homeenergy.device.sunpower;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.config.Secret;
import dev.homeenergy.core.EndpointFailure;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.Deadline;
import dev.homeenergy.devicehttp.DeviceJson;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a PVS on the 2025 firmware through the varserver: {@code supervisor/info} (open, no login)
 * at the first poll and every {@link #INFO_MAX_AGE} (every poll while the serial is still unknown
 * and needed for the password), then each prefix of {@link SunpowerResponses#VARS_MATCHES} as
 * {@code GET /vars?match=<prefix>&fmt=obj&cache=hee_<name>} with the session cookie. A prefix that
 * matches nothing (HTTP 400, e.g. no ESS) reads as {@code "{}"}; a rejected session (401/403) logs
 * in again once per poll and the read is retried; any other failure fails the poll.
 *
 * <p>The query always carries both {@code match} and {@code cache}: the first such query of a
 * session creates the named cache, as the vendor advises for repeated polls.
 */
final class VarsReader {
  static final Duration INFO_MAX_AGE = Duration.ofHours(1);
  static final String SUPERVISOR_INFO = "supervisor/info";
  static final String SUPERVISOR_INFO_PATH = "/cgi-bin/dl_cgi/supervisor/info";

  /** Endpoint names of the {@code /vars} reads start with this, followed by the prefix. */
  static final String VARS_ENDPOINT = "vars ";

  static final int SERIAL_PASSWORD_LENGTH = 5;
  private static final ObjectMapper JSON = DeviceJson.mapper();

  private final SunpowerSettings settings;
  private final PvsTransport transport;
  private final VarsSession session;
  private final Clock clock;
  private final RefreshedBody supervisorInfo = new RefreshedBody(SUPERVISOR_INFO, INFO_MAX_AGE);
  private String serialFromInfo;

  VarsReader(SunpowerSettings settings, PvsTransport transport, VarsSession session, Clock clock) {
    this.settings = settings;
    this.transport = transport;
    this.session = session;
    this.clock = clock;
  }

  SunpowerResponses read(Deadline deadline) throws PollException {
    session.beginPoll();
    List<EndpointFailure> failures = new ArrayList<>();
    boolean needSerial =
        settings.password() == null && settings.serial() == null && serialFromInfo == null;
    String info =
        supervisorInfo.refresh(
            clock.instant(),
            () -> transport.get(SUPERVISOR_INFO, SUPERVISOR_INFO_PATH, deadline),
            failures,
            needSerial);
    if (info != null) {
      String serial = serialIn(info);
      serialFromInfo = serial != null ? serial : serialFromInfo;
    }
    Secret password = password(failures);
    Map<String, String> vars = new LinkedHashMap<>();
    for (String prefix : SunpowerResponses.VARS_MATCHES) {
      vars.put(prefix, readPrefix(prefix, password, deadline));
    }
    return new SunpowerResponses(SunpowerApi.VARS, null, null, null, vars, info, failures);
  }

  /** Whether a failed poll says the PVS serves no {@code /vars} at all. */
  static boolean isVarsMissing(PollException failure) {
    return failure.httpStatus() == 404 && failure.getMessage().startsWith(VARS_ENDPOINT);
  }

  static String cacheId(String prefix) {
    String[] segments = prefix.split("/");
    return "hee_" + segments[segments.length - 1].toLowerCase(Locale.ROOT);
  }

  /** The configured password, else the serial's last five characters, upper-cased. */
  private Secret password(List<EndpointFailure> failures) throws PollException {
    if (settings.password() != null) {
      return settings.password();
    }
    String serial = settings.serial() != null ? settings.serial() : serialFromInfo;
    if (serial == null) {
      EndpointFailure infoFailure =
          failures.stream()
              .filter(f -> f.endpoint().equals(SUPERVISOR_INFO))
              .findFirst()
              .orElse(
                  new EndpointFailure(
                      SUPERVISOR_INFO,
                      FailureReason.PARSE,
                      SUPERVISOR_INFO + ": the answer has no supervisor.SERIAL"));
      throw new PollException(
          infoFailure.reason(),
          infoFailure.message() + " (the serial is needed for the login; set serial or password)");
    }
    String trimmed = serial.strip();
    if (trimmed.length() < SERIAL_PASSWORD_LENGTH) {
      throw new PollException(
          FailureReason.AUTH,
          "the PVS serial is shorter than " + SERIAL_PASSWORD_LENGTH + " characters; set password");
    }
    return new Secret(
        trimmed.substring(trimmed.length() - SERIAL_PASSWORD_LENGTH).toUpperCase(Locale.ROOT));
  }

  private String readPrefix(String prefix, Secret password, Deadline deadline)
      throws PollException {
    String endpoint = VARS_ENDPOINT + prefix;
    String path = "/vars?match=" + prefix + "&fmt=obj&cache=" + cacheId(prefix);
    String current = session.current(password, deadline);
    PollException rejection;
    try {
      return transport.getWithSession(endpoint, path, current, deadline);
    } catch (PollException e) {
      if (e.httpStatus() == 400) {
        return "{}";
      }
      if (e.reason() != FailureReason.AUTH) {
        throw e;
      }
      rejection = e;
    }
    String fresh = session.relogin(current, rejection, password, deadline);
    try {
      return transport.getWithSession(endpoint, path, fresh, deadline);
    } catch (PollException e) {
      if (e.httpStatus() == 400) {
        return "{}";
      }
      if (e.reason() == FailureReason.AUTH) {
        session.forget(fresh);
        throw new PollException(
            FailureReason.AUTH,
            e.getMessage() + " (even with a session from a fresh login)",
            e.httpStatus());
      }
      throw e;
    }
  }

  /** {@code supervisor.SERIAL} of a supervisor/info body, or null. */
  static String serialIn(String info) {
    try {
      JsonNode serial = JSON.readTree(info).path("supervisor").path("SERIAL");
      return serial.isValueNode() && !serial.asText().isBlank() ? serial.asText().strip() : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
