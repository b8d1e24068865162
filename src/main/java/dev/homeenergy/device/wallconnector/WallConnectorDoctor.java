package dev.homeenergy.device.wallconnector;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.DeviceDoctor;
import dev.homeenergy.core.DoctorStep;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.Deadline;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The Wall Connector's doctor steps: no authentication (the local API has none), then one read of
 * each of {@code vitals}, {@code lifetime}, {@code wifi_status} and {@code version}.
 */
final class WallConnectorDoctor implements DeviceDoctor {
  private static final List<Endpoint> ENDPOINTS =
      List.of(
          new Endpoint(WallConnectorClient.VITALS, Vitals.class),
          new Endpoint(WallConnectorClient.LIFETIME, Lifetime.class),
          new Endpoint(WallConnectorClient.WIFI_STATUS, WifiStatus.class),
          new Endpoint(WallConnectorClient.VERSION, Version.class));

  private final DeviceConfig config;
  private final DeviceContext context;

  WallConnectorDoctor(DeviceConfig config, DeviceContext context) {
    this.config = config;
    this.context = context;
  }

  private record Endpoint(String name, Class<?> type) {}

  @Override
  public URI address() {
    return config.address();
  }

  @Override
  public List<DoctorStep> check() {
    List<DoctorStep> steps = new ArrayList<>();
    steps.add(DoctorStep.skipped("authentication", "none: the local API is open on the LAN"));
    WallConnectorClient client = new WallConnectorClient(config, context);
    for (Endpoint endpoint : ENDPOINTS) {
      String step = "read " + endpoint.name();
      try {
        Object body =
            client.fetch(endpoint.name(), endpoint.type(), Deadline.after(config.timeout()));
        steps.add(DoctorStep.passed(step, describe(body)));
      } catch (PollException e) {
        steps.add(DoctorStep.failed(step, e, hints(e)));
      }
    }
    return steps;
  }

  private static String describe(Object body) {
    if (body instanceof Version version && version.firmwareVersion() != null) {
      return "firmware " + version.firmwareVersion();
    }
    return "answered";
  }

  private static List<String> hints(PollException e) {
    if (e.httpStatus() == 404 || e.reason() == FailureReason.PARSE) {
      return List.of(
          "the address answers, but not as a Wall Connector Gen 3 (a Gen 2 has no local API):"
              + " check that the address is the Wall Connector's");
    }
    return DeviceDoctor.hintsFor(e);
  }
}
