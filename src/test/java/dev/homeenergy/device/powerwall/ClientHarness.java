package dev.homeenergy.device.powerwall;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.config.Secret;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.RawExchange;
import dev.homeenergy.devicehttp.SharedHttp;
import dev.homeenergy.testing.MutableClock;
import dev.homeenergy.testing.VisibleOutput;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds Powerwall clients for tests and collects what they record and throw. */
final class ClientHarness {
  static final String DEVICE = "pw";

  final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  final VisibleOutput visible = new VisibleOutput();
  final List<RawExchange> raw = visible.raw();
  Path stateDirectory;

  static DeviceConfig config(URI address, Map<String, Object> overrides) {
    Map<String, Object> extra = new HashMap<>();
    extra.put("password", new Secret(FakeGateway.PASSWORD));
    extra.put("email", "me@example.org");
    extra.putAll(overrides);
    return new DeviceConfig(
        DEVICE,
        "powerwall",
        address,
        Duration.ofSeconds(30),
        Duration.ofSeconds(5),
        Duration.ofMinutes(5),
        NamingStyle.NATIVE,
        extra);
  }

  PowerwallClient client(URI address) {
    return client(address, Map.of());
  }

  PowerwallClient client(URI address, Map<String, Object> overrides) {
    return new PowerwallClient(
        config(address, overrides), SharedHttp.unshared(clock, visible.recorder(), stateDirectory));
  }

  /** Fetches, expecting failure; remembers the message for the secrets check. */
  PollException failure(PowerwallClient client) {
    return visible.failure(client::fetch);
  }

  /** Everything the client produced that a user can see: messages and raw records. */
  List<String> visibleText() {
    return visible.text();
  }
}
