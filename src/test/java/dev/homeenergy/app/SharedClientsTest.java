package dev.homeenergy.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.config.ConfigLoader;
import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.core.Device;
import dev.homeenergy.core.RawRecorder;
import dev.homeenergy.devicehttp.SharedHttp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Devices of a family with the same TLS and HTTP settings share one JDK HTTP client, so twenty
 * devices cost one selector thread per kind of client, not one per device; and a client no device
 * holds any more (a reload removed them all) ends its thread.
 */
class SharedClientsTest {
  private static final int PER_FAMILY = 5;

  @TempDir Path dir;

  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stopThreads() {
    threads.shutdownNow();
  }

  @Test
  void fiveDevicesOfEachFamilyMakeOneSelectorThreadPerKindOfClient() throws Exception {
    Set<Thread> before = selectorThreads();
    SharedHttp http = new SharedHttp(threads);

    List<Device> devices = create(http, fleet());

    Set<Thread> made = selectorThreads();
    made.removeAll(before);
    // plain HTTP (Wall Connectors), gateways trusting any certificate (with their TEDAPI), PVSs,
    // and the Tesla cloud
    assertThat(made).hasSize(4);
    assertThat(http.liveClients()).isEqualTo(4);
    assertThat(devices).hasSize(4 * PER_FAMILY);
    devices.forEach(Device::close);
  }

  @Test
  void gatewaysWithAnotherTimeoutGetAClientOfTheirOwn() throws Exception {
    SharedHttp http = new SharedHttp(threads);

    List<Device> devices =
        create(
            http,
            """
            devices:
              - {name: a, type: powerwall, address: 10.0.0.5, password: x}
              - {name: b, type: powerwall, address: 10.0.0.6, password: x}
              - {name: c, type: powerwall, address: 10.0.0.7, password: x, timeout: 3s}
            """);

    assertThat(http.liveClients()).isEqualTo(2);
    devices.forEach(Device::close);
  }

  @Test
  void clientsNoDeviceHoldsAreLetGoAndTheirThreadsEnd() throws Exception {
    SharedHttp http = new SharedHttp(threads);
    Set<Thread> before = selectorThreads();
    List<Device> devices = create(http, fleet());
    Set<Thread> made = selectorThreads();
    made.removeAll(before);
    assertThat(made).isNotEmpty();

    devices.forEach(Device::close);
    devices.clear();

    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              System.gc();
              return made.stream().noneMatch(Thread::isAlive);
            });
    assertThat(http.liveClients()).isZero();
  }

  private String fleet() {
    StringBuilder yaml = new StringBuilder("devices:\n");
    for (int i = 0; i < PER_FAMILY; i++) {
      yaml.append("  - {name: garage-")
          .append(i)
          .append(", type: wallconnector, address: 10.0.1.")
          .append(i + 1)
          .append("}\n")
          .append("  - {name: battery-")
          .append(i)
          .append(", type: powerwall, address: 10.0.2.")
          .append(i + 1)
          .append(", gateway_password: ABCDE12345")
          .append("}\n")
          .append("  - {name: roof-")
          .append(i)
          .append(", type: sunpower, address: 10.0.3.")
          .append(i + 1)
          .append("}\n")
          .append("  - {name: cars-")
          .append(i)
          .append(", type: tesla, client_id: id, client_secret: secret, token_file: ")
          .append(dir.resolve("token-" + i + ".json"))
          .append("}\n");
    }
    return yaml.toString();
  }

  private List<Device> create(SharedHttp http, String yaml) throws Exception {
    Path file = dir.resolve("config-" + System.nanoTime() + ".yml");
    Files.writeString(file, yaml);
    Families families = Families.all();
    List<DeviceConfig> configs =
        new ConfigLoader(families.specs(), families.checks(), name -> null).load(file).devices();
    List<Device> devices = new ArrayList<>();
    for (DeviceConfig config : configs) {
      devices.add(
          families
              .byType(config.type())
              .orElseThrow()
              .device()
              .create(config, http.context(Clock.systemUTC(), RawRecorder.discarding(), dir)));
    }
    return devices;
  }

  private static Set<Thread> selectorThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().matches("HttpClient-\\d+-SelectorManager"))
        .collect(Collectors.toSet());
  }
}
