package dev.homeenergy.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/home-energy-exporter}, run with a stand-in {@code java} that prints what it got. */
class LauncherTest {
  private static final String DEFAULTS =
      "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xms8m -Xmx128m -XX:MinHeapFreeRatio=10 "
          + "-XX:MaxHeapFreeRatio=20 -XX:MaxMetaspaceSize=96m -XX:+ExitOnOutOfMemoryError";

  @TempDir Path dir;
  private Path app;
  private Path fakeBin;

  @BeforeEach
  void install() throws Exception {
    app = Files.createDirectories(dir.resolve("app"));
    Path bin = Files.createDirectories(app.resolve("bin"));
    Files.copy(
        Path.of("bin/home-energy-exporter"),
        bin.resolve("home-energy-exporter"),
        StandardCopyOption.COPY_ATTRIBUTES);
    fakeBin = Files.createDirectories(dir.resolve("fake-bin"));
    Path java = fakeBin.resolve("java");
    Files.writeString(java, "#!/bin/sh\necho \"MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX $*\"\n");
    assertThat(java.toFile().setExecutable(true)).isTrue();
    Files.writeString(app.resolve("home-energy-exporter.jar"), "");
  }

  private String run(Map<String, String> env, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("sh", app.resolve("bin/home-energy-exporter").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("JAVA_HOME");
    builder.environment().remove("JAVA_OPTS");
    builder.environment().remove("MALLOC_ARENA_MAX");
    builder.environment().put("PATH", fakeBin + ":/usr/bin:/bin");
    builder.environment().putAll(env);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(out).isZero();
    return out.trim();
  }

  @Test
  void runsTheJarNextToItWithTheDefaultsThenJavaOpts() throws Exception {
    String jar = app.resolve("home-energy-exporter.jar").toRealPath().toString();
    assertThat(run(Map.of(), "--version"))
        .isEqualTo("MALLOC_ARENA_MAX=2 " + DEFAULTS + " -jar " + jar + " --version");
    assertThat(
            run(Map.of("JAVA_OPTS", "-Xmx256m", "MALLOC_ARENA_MAX", "4"), "check-config", "x.yml"))
        .isEqualTo(
            "MALLOC_ARENA_MAX=4 " + DEFAULTS + " -Xmx256m -jar " + jar + " check-config x.yml");
    assertThat(run(Map.of("HOME_ENERGY_EXPORTER_DEFAULT_JVM_OPTS", ""), "--version"))
        .isEqualTo("MALLOC_ARENA_MAX=2 -jar " + jar + " --version");
  }

  @Test
  void aServingRunDumpsAnArchiveThatTheNextRunUses() throws Exception {
    Path archive = app.toRealPath().resolve("home-energy-exporter.jsa");
    assertThat(run(Map.of(), "--config.file=x.yml"))
        .containsPattern("-XX:ArchiveClassesAtExit=" + archive + "\\.\\d+\\.dump -Xlog:cds=off ")
        .endsWith(" --config.file=x.yml");
    assertThat(run(Map.of("HOME_ENERGY_EXPORTER_CDS", "off"), "demo"))
        .doesNotContain("-XX:ArchiveClassesAtExit");

    // What a dump of an exited run leaves behind is promoted to the archive and used.
    Files.writeString(archive.resolveSibling("home-energy-exporter.jsa.999999.dump"), "archive");
    assertThat(run(Map.of(), "demo")).contains("-XX:SharedArchiveFile=" + archive + " ");
    assertThat(archive).hasContent("archive");
    assertThat(run(Map.of(), "--version")).contains("-XX:SharedArchiveFile=" + archive + " ");
  }

  @Test
  void saysWhatIsMissingWithoutAJar() throws Exception {
    Files.delete(app.resolve("home-energy-exporter.jar"));
    ProcessBuilder builder =
        new ProcessBuilder("sh", app.resolve("bin/home-energy-exporter").toString())
            .redirectErrorStream(true);
    builder.environment().remove("HOME_ENERGY_EXPORTER_JAR");
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).isEqualTo(1);
    assertThat(out)
        .contains("cannot find home-energy-exporter.jar")
        .contains("mvn -B -DskipTests package");
  }
}
