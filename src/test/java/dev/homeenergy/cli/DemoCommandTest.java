package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What {@code demo} prints before it serves: one aligned line per simulated device. */
class DemoCommandTest {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @Test
  void theDeviceLinesAreAlignedInColumnsWhateverTheLengthOfANameOrScenario() throws Exception {
    CommandLineTest.Run run = new CommandLineTest.Run(Map.of());
    CompletableFuture<Integer> code =
        run.executeInBackground("demo", "--web.listen-address=127.0.0.1:0");
    try {
      await().atMost(PATIENCE).until(() -> run.serving.get() != null || code.isDone());
      assertThat(run.serving.get()).as(run.err.toString()).isNotNull();
    } finally {
      run.stop.countDown();
      code.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }

    List<String> devices =
        run.out.toString().lines().filter(line -> line.contains(" scenario ")).toList();
    assertThat(devices).hasSize(7);
    assertThat(devices)
        .anySatisfy(line -> assertThat(line).contains("powerwall3-tedapi-healthy"))
        .anySatisfy(line -> assertThat(line).contains("(Fleet API)"));
    for (String column : List.of(" scenario ", " at ")) {
      assertThat(devices.stream().map(line -> line.indexOf(column)).distinct())
          .as("where %s starts on each line:%n%s", column, String.join("\n", devices))
          .hasSize(1);
    }
  }
}
