package dev.homeenergy.device.sunpower;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.core.EndpointFailure;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.Deadline;
import dev.homeenergy.devicehttp.DeviceJson;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a PVS through the legacy {@code /cgi-bin/dl_cgi?Command=} API: {@code DeviceList} at every
 * poll (its failure fails the poll), then {@code Get_Comm} and {@code GridProfileGet} at the first
 * poll and every {@link #INFO_MAX_AGE}, whose failures (an HTTP error, a timeout, an error body
 * such as "Could not connect to mime.") are only {@link EndpointFailure}s. DeviceList goes first so
 * a slow secondary command can never starve it of the poll's time.
 *
 * <p>{@code Start} and {@code Stop}, which the Python exporter sent around every scrape, are never
 * sent: no reading needs them and {@code Start} sets the PVS to work.
 */
final class DlCgiReader {
  static final Duration INFO_MAX_AGE = Duration.ofHours(1);
  static final String DEVICE_LIST = "DeviceList";
  static final String GET_COMM = SunpowerReading.GET_COMM;
  static final String GRID_PROFILE = SunpowerReading.GRID_PROFILE_GET;
  static final String MIME_ERROR = "Could not connect to mime.";
  private static final String COMMAND_PATH = "/cgi-bin/dl_cgi?Command=";
  private static final ObjectMapper JSON = DeviceJson.mapper();

  private final PvsTransport transport;
  private final Clock clock;
  private final RefreshedBody comm = new RefreshedBody(GET_COMM, INFO_MAX_AGE);
  private final RefreshedBody gridProfile = new RefreshedBody(GRID_PROFILE, INFO_MAX_AGE);

  DlCgiReader(PvsTransport transport, Clock clock) {
    this.transport = transport;
    this.clock = clock;
  }

  SunpowerResponses read(Deadline deadline) throws PollException {
    String deviceList = transport.get(DEVICE_LIST, COMMAND_PATH + DEVICE_LIST, deadline);
    List<EndpointFailure> failures = new ArrayList<>();
    String commBody =
        comm.refresh(clock.instant(), () -> command(GET_COMM, deadline), failures, false);
    String gridBody =
        gridProfile.refresh(
            clock.instant(), () -> command(GRID_PROFILE, deadline), failures, false);
    return new SunpowerResponses(
        SunpowerApi.DL_CGI, deviceList, commBody, gridBody, Map.of(), null, failures);
  }

  /**
   * Whether a failed DeviceList is the 2025 firmware's refusal ({@code 403 Unauthorized}, or a
   * 401).
   */
  static boolean isLockedFirmware(PollException deviceListFailure) {
    return deviceListFailure.reason() == FailureReason.AUTH
        && (deviceListFailure.httpStatus() == 403 || deviceListFailure.httpStatus() == 401);
  }

  private String command(String command, Deadline deadline) throws PollException {
    String path = COMMAND_PATH + command;
    String body = transport.get(command, path, deadline);
    String problem = problemIn(body);
    if (problem != null) {
      transport.recordUnusable(command, path, body, problem);
      throw new PollException(FailureReason.PARSE, command + ": " + problem);
    }
    return body;
  }

  /** Why a 2xx command body is unusable, or null when it is a JSON object without an error. */
  static String problemIn(String body) {
    if (body.contains(MIME_ERROR)) {
      return "the PVS answered \"" + MIME_ERROR + "\"";
    }
    try {
      JsonNode root = JSON.readTree(body);
      if (root == null || !root.isObject()) {
        return "the answer is not a JSON object";
      }
      if ("error".equals(root.path("result").asText())) {
        return "the PVS answered an error: " + root.path("msg").asText("(no message)");
      }
      return null;
    } catch (JsonProcessingException e) {
      return "the answer is not JSON (" + e.getOriginalMessage() + ")";
    }
  }
}
