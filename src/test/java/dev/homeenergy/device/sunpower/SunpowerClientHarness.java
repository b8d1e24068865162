package dev.homeenergy.device.sunpower;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.RawExchange;
import dev.homeenergy.devicehttp.SharedHttp;
import dev.homeenergy.testing.MutableClock;
import dev.homeenergy.testing.VisibleOutput;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Builds SunPower clients for tests and collects what they record and throw. */
final class SunpowerClientHarness {
  static final String DEVICE = "pvs";

  final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  final VisibleOutput visible = new VisibleOutput();
  final List<RawExchange> raw = visible.raw();
  Duration timeout = Duration.ofSeconds(5);

  DeviceConfig config(URI address, Map<String, Object> extra) {
    return new DeviceConfig(
        DEVICE,
        "sunpower",
        address,
        Duration.ofMinutes(2),
        timeout,
        Duration.ofMinutes(10),
        NamingStyle.NATIVE,
        extra);
  }

  SunpowerClient client(URI address) {
    return client(address, Map.of());
  }

  SunpowerClient client(URI address, Map<String, Object> extra) {
    return new SunpowerClient(
        config(address, extra), SharedHttp.unshared(clock, visible.recorder(), null));
  }

  /** Fetches, expecting failure; remembers the message for the secrets check. */
  PollException failure(SunpowerClient client) {
    return visible.failure(client::fetch);
  }

  /** Everything the client produced that a user can see: messages and raw records. */
  List<String> visibleText() {
    return visible.text();
  }

  List<String> rawEndpoints() {
    return raw.stream().map(RawExchange::endpoint).toList();
  }
}
