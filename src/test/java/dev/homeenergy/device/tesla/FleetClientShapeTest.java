package dev.homeenergy.device.tesla;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.core.RawRecorder;
import dev.homeenergy.devicehttp.DeviceHttp;
import dev.homeenergy.testing.Fixtures;
import dev.homeenergy.testing.MutableClock;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Listings of another shape fail the poll. Found by the fault suite: an HTML-free but wrong-shaped
 * vehicles answer read as "no cars", and a wrong-shaped products answer was cached for an hour.
 */
class FleetClientShapeTest {
  private static final String WRONG_SHAPE = "[{\"unexpected\":true},42]";
  private static final String NO_CARS = "{\"response\":[],\"count\":0}";

  private final MutableClock clock = MutableClock.at("2026-11-24T12:00:00Z");
  private final Map<String, String> answers = new ConcurrentHashMap<>();
  private HttpServer server;
  private FleetClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          String body =
              answers.getOrDefault(path.startsWith("/api/1/energy_sites/") ? "site" : path, "{}");
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    answers.put("/api/1/vehicles", NO_CARS);
    answers.put("/api/1/products", Fixtures.text("tesla", "teslatte__products_2023-11-06.json"));
    answers.put("site", Fixtures.text("tesla", "teslatte__live_status_plugged_in_2023-11-06.json"));
    AccessTokenSource tokens =
        new AccessTokenSource() {
          @Override
          public String accessToken() {
            return "token";
          }

          @Override
          public void rejected(String token) {}
        };
    TeslaSettings settings =
        new TeslaSettings(
            Path.of("unused.json"),
            List.of("all"),
            List.of("all"),
            100,
            false,
            VehicleSleepPolicy.Settings.defaults());
    client =
        new FleetClient(
            "tesla",
            URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
            new DeviceHttp(
                DeviceHttp.plainClient(Duration.ofSeconds(5)), clock, RawRecorder.discarding()),
            tokens,
            new FleetBudget(100, clock),
            settings,
            clock,
            Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private PollException failure() {
    try {
      client.poll();
    } catch (PollException e) {
      return e;
    }
    throw new AssertionError("expected the poll to fail");
  }

  @Test
  void aVehicleListOfAnotherShapeFailsAsParse() throws PollException {
    answers.put("/api/1/vehicles", WRONG_SHAPE);
    PollException failure = failure();
    assertThat(failure.reason()).isEqualTo(FailureReason.PARSE);
    assertThat(failure.getMessage()).isEqualTo("vehicles: no response array");

    answers.put("/api/1/vehicles", NO_CARS);
    assertThat(client.poll().responses().liveStatus()).isNotEmpty();
  }

  @Test
  void productsOfAnotherShapeFailAndAreNotCached() throws PollException {
    answers.put("/api/1/products", WRONG_SHAPE);
    assertThat(failure().getMessage()).isEqualTo("products: no response array");

    answers.put("/api/1/products", Fixtures.text("tesla", "teslatte__products_2023-11-06.json"));
    assertThat(client.poll().responses().liveStatus()).isNotEmpty();
  }
}
