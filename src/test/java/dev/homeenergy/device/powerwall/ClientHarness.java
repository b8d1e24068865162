package dev.homeenergy.device.powerwall;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.config.Secret;
import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.RawExchange;
import dev.homeenergy.testing.MutableClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builds Powerwall clients for tests and collects what they record and throw. */
final class ClientHarness {
  static final String DEVICE = "pw";

  final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  final List<RawExchange> raw = new CopyOnWriteArrayList<>();
  final List<String> failureMessages = new ArrayList<>();
  Path stateDirectory;

  static DeviceConfig config(URI address, Map<String, Object> overrides) {
    Map<String, Object> extra = new HashMap<>();
    extra.put("password", new Secret(FakeGateway.PASSWORD));
    extra.put("email", "me@example.org");
    extra.putAll(overrides);
    return new DeviceConfig(DEVICE, "powerwall", address, Duration.ofSeconds(30), Duration.ofSeconds(5),
        Duration.ofMinutes(5), NamingStyle.NATIVE, extra);
  }

  PowerwallClient client(URI address) {
    return client(address, Map.of());
  }

  PowerwallClient client(URI address, Map<String, Object> overrides) {
    return new PowerwallClient(config(address, overrides), new DeviceContext(clock, raw::add, stateDirectory));
  }

  /** Fetches, expecting failure; remembers the message for the secrets check. */
  PollException failure(PowerwallClient client) {
    try {
      client.fetch();
    } catch (PollException e) {
      failureMessages.add(e.getMessage());
      return e;
    }
    throw new AssertionError("the poll succeeded");
  }

  /** Everything the client produced that a user can see: messages and raw records. */
  List<String> visibleText() {
    List<String> text = new ArrayList<>(failureMessages);
    raw.forEach(exchange -> text.add(exchange.toString()));
    return text;
  }
}
