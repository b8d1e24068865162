package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.device.powerwall.sim.PowerwallSimulator;
import dev.homeenergy.device.tesla.sim.TeslaSimulatorSettings;
import dev.homeenergy.testing.Http;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code simulate --count}, {@code --inverters} and {@code --device-latency}, the benchmarks'
 * knobs.
 */
class SimulateCommandTest {
  private static final Pattern URL = Pattern.compile("http://127\\.0\\.0\\.1:\\d+");

  @Test
  void countServesThatManyDevicesEachOnItsOwnPort() throws Exception {
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
    CompletableFuture<Integer> result =
        run.executeInBackground("simulate", "wallconnector", "--count=3", "--scenario=charging");
    await().atMost(Duration.ofSeconds(10)).until(() -> run.out.toString().contains("Press Ctrl-C"));
    List<String> urls = urls(run.out.toString());
    assertThat(urls).hasSize(3).doesNotHaveDuplicates();
    for (String url : urls) {
      assertThat(Http.get(URI.create(url + "/api/1/vitals")).body())
          .startsWith("{\"contactor_closed\":");
    }
    run.stop.countDown();
    assertThat(result.get(10, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void invertersSetsTheSizeOfThePvsDeviceList() throws Exception {
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
    CompletableFuture<Integer> result =
        run.executeInBackground("simulate", "sunpower", "--inverters=30", "--device-latency=0s");
    await().atMost(Duration.ofSeconds(10)).until(() -> run.out.toString().contains("Press Ctrl-C"));
    String body =
        Http.get(URI.create(urls(run.out.toString()).get(0) + "/cgi-bin/dl_cgi?Command=DeviceList"))
            .body();
    assertThat(Pattern.compile("\"DEVICE_TYPE\":\\s*\"Inverter\"").matcher(body).results().count())
        .isEqualTo(30);
    run.stop.countDown();
    assertThat(result.get(10, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void printsWhatTheSimulatorNeedsBesidesItsAddress() throws Exception {
    CommandLineTest.Run tesla = new CommandLineTest.Run(Map.of());
    CompletableFuture<Integer> cloud = tesla.executeInBackground("simulate", "tesla");
    CommandLineTest.Run powerwall = new CommandLineTest.Run(Map.of());
    CompletableFuture<Integer> gateway = powerwall.executeInBackground("simulate", "powerwall");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                tesla.out.toString().contains("Press Ctrl-C")
                    && powerwall.out.toString().contains("Press Ctrl-C"));
    assertThat(tesla.out.toString())
        .contains("client id: " + TeslaSimulatorSettings.DEFAULT_CLIENT_ID)
        .contains("client secret: " + TeslaSimulatorSettings.DEFAULT_CLIENT_SECRET);
    assertThat(powerwall.out.toString())
        .contains("password: " + PowerwallSimulator.DEFAULT_PASSWORD);
    tesla.stop.countDown();
    powerwall.stop.countDown();
    assertThat(cloud.get(10, TimeUnit.SECONDS)).isZero();
    assertThat(gateway.get(10, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void refusesABadCountAndPvsOptionsForOtherFamilies() {
    assertThat(new CommandLineTest.Run(Map.of()).execute("simulate", "wallconnector", "--count=0"))
        .isEqualTo(2);
    CommandLineTest.Run wrongFamily = new CommandLineTest.Run(Map.of());
    assertThat(wrongFamily.execute("simulate", "wallconnector", "--inverters=10")).isEqualTo(2);
    assertThat(wrongFamily.err.toString()).contains("sunpower only");
    CommandLineTest.Run tooMany = new CommandLineTest.Run(Map.of());
    assertThat(tooMany.execute("simulate", "sunpower", "--inverters=501")).isEqualTo(2);
    assertThat(tooMany.err.toString()).contains("1..500");
  }

  private static List<String> urls(String out) {
    Matcher m = URL.matcher(out);
    return m.results().map(r -> r.group()).toList();
  }
}
