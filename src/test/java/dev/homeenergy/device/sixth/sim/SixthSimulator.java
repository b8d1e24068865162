package dev.homeenergy.device.sixth.sim;

import com.sun.net.httpserver.HttpExchange;
import dev.homeenergy.simulator.Simulator;
import dev.homeenergy.simulator.SimulatorExchanges;
import dev.homeenergy.simulator.SimulatorOptions;
import dev.homeenergy.simulator.SimulatorResponse;
import dev.homeenergy.simulator.SimulatorServer;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * A simulated sixth plug on {@link SimulatorServer}: {@code GET /api/status} answers its power and
 * the energy it has let through since it started, on the options' (possibly faster) clock.
 */
final class SixthSimulator implements Simulator {
  static final String STEADY = "steady";
  static final String OFF = "off";
  static final String HTTP_500 = "http_500";
  private static final double STEADY_WATTS = 1200;

  private final SimulatorServer server;
  private final Clock clock;
  private final Instant started;
  private final double watts;
  private final boolean failing;

  SixthSimulator(SimulatorOptions options) throws IOException {
    this.clock = options.clock();
    this.started = clock.instant();
    this.watts = options.scenario().equals(OFF) ? 0 : STEADY_WATTS;
    this.failing = options.faults().contains(HTTP_500);
    this.server =
        SimulatorServer.http(
            "sixth",
            options.bindHost(),
            options.port(),
            () -> false,
            Duration.ofSeconds(1),
            this::handle);
  }

  private void handle(HttpExchange exchange, SimulatorExchanges exchanges) {
    if (!exchange.getRequestURI().getPath().equals("/api/status")) {
      exchanges.send(exchange, SimulatorResponse.text(404, "not found"));
    } else if (failing) {
      exchanges.send(exchange, SimulatorResponse.text(500, "internal error"));
    } else {
      double hours = Duration.between(started, clock.instant()).toMillis() / 3_600_000.0;
      exchanges.send(
          exchange,
          SimulatorResponse.json(
              String.format(
                  Locale.ROOT,
                  "{\"power_w\": %.1f, \"energy_wh\": %.3f, \"relay_on\": %b}",
                  watts,
                  watts * hours,
                  watts > 0)));
    }
  }

  @Override
  public URI baseUri() {
    return server.baseUri();
  }

  @Override
  public void close() {
    server.close();
  }
}
