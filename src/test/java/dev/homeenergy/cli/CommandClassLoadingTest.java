package dev.homeenergy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a command that serves no simulator and no Tesla device loads, seen by the JVM's class log of
 * {@code check-config} in a fresh JVM: it builds the same command line, config and families as
 * {@code serve}, so what it spares, {@code serve} spares too.
 */
class CommandClassLoadingTest {
  @TempDir static Path dir;
  private static List<String> loaded;

  @BeforeAll
  static void checkAWallConnectorConfig() throws Exception {
    Path config = dir.resolve("c.yml");
    Files.writeString(
        config,
        """
        devices:
          - name: garage
            type: wallconnector
            address: 127.0.0.1:1
        """);
    Path classLog = dir.resolve("classes.log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xshare:off",
            "-Xlog:class+load=info:file=" + classLog,
            "-cp",
            System.getProperty("java.class.path"),
            "dev.homeenergy.Main",
            "check-config",
            config.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    loaded = Files.readAllLines(classLog).stream().map(line -> line.split(" ")[1]).toList();
  }

  private static List<String> loaded(Predicate<String> which) {
    return loaded.stream().filter(which).toList();
  }

  @Test
  void logbackStartsWithoutItsXmlConfigurator() {
    assertThat(loaded).contains(LoggerContext.class.getName());
    assertThat(
            loaded(
                name ->
                    name.startsWith("ch.qos.logback.classic.joran.")
                        || name.startsWith("ch.qos.logback.core.model.")
                        || name.startsWith("org.xml.sax.")))
        .isEmpty();
  }

  /** The families' simulator descriptors load with the family list; the simulators do not. */
  @Test
  void noSimulatorLoadsButTheFamiliesDescriptors() {
    assertThat(loaded)
        .contains("dev.homeenergy.device.wallconnector.sim.WallConnectorFamilySimulator");
    assertThat(
            loaded(
                name ->
                    name.contains(".sim.")
                        && !name.replaceFirst("\\$\\$Lambda.*", "").endsWith("FamilySimulator")))
        .isEmpty();
  }

  /**
   * The Tesla family describes its config keys; its Fleet API and sign-in clients stay unloaded.
   */
  @Test
  void noTeslaClientLoadsForAConfigWithoutTeslaDevices() {
    assertThat(loaded).contains("dev.homeenergy.device.tesla.TeslaFamily");
    assertThat(
            loaded(
                name ->
                    name.startsWith("dev.homeenergy.device.tesla.Fleet")
                            && !name.equals("dev.homeenergy.device.tesla.FleetRegion")
                        || name.startsWith("dev.homeenergy.device.tesla.OAuthClient")
                        || name.startsWith("dev.homeenergy.device.tesla.TeslaHttp")
                        || name.startsWith("dev.homeenergy.device.tesla.TokenManager")
                        || name.startsWith("jdk.internal.net.http.")))
        .isEmpty();
  }
}
