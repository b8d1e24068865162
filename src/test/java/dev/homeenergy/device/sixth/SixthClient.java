package dev.homeenergy.device.sixth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.core.Device;
import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.Deadline;
import dev.homeenergy.devicehttp.DeviceHttp;
import dev.homeenergy.devicehttp.DeviceJson;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * Polls one sixth plug: one GET of {@code /api/status} through {@link DeviceHttp}, parsed into a
 * reading.
 */
final class SixthClient implements Device {
  static final String STATUS = "status";
  private static final ObjectMapper JSON = DeviceJson.mapper();

  private final DeviceHttp http;
  private final URI status;
  private final Duration timeout;

  SixthClient(DeviceConfig config, DeviceContext context) {
    this.http =
        new DeviceHttp(context.plainClient(config.timeout()), context.clock(), context.raw());
    this.status = config.address().resolve("/api/status");
    this.timeout = config.timeout();
  }

  @Override
  public SixthReading poll() throws PollException {
    String body = http.get(STATUS, status, Deadline.after(timeout));
    try {
      JsonNode json = JSON.readTree(body);
      return new SixthReading(
          number(json, "power_w"), number(json, "energy_wh"), json.path("relay_on").asBoolean());
    } catch (IOException | IllegalArgumentException e) {
      http.recordParseFailure(STATUS, status, body, e.getMessage());
      throw new PollException(FailureReason.PARSE, STATUS + ": " + e.getMessage(), e);
    }
  }

  private static double number(JsonNode json, String field) {
    JsonNode value = json.get(field);
    if (value == null || !value.isNumber()) {
      throw new IllegalArgumentException(field + " is missing or not a number");
    }
    return value.asDouble();
  }
}
