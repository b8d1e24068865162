package dev.homeenergy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the house plan against the code: which package may use which, read from the main sources'
 * references to project classes (imports and fully qualified names alike), and from the test-only
 * example family's.
 */
class ArchitectureTest {
  private static final String ROOT = "dev.homeenergy";
  private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern REFERENCE =
      Pattern.compile("\\bdev\\.homeenergy((?:\\.[a-z]\\w*)*)\\.[A-Z]");
  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);

  /**
   * The example family of docs/architecture.md, which lives in the tests but keeps the same rules.
   */
  private static final Path EXAMPLE_FAMILY = Path.of("src/test/java/dev/homeenergy/device/sixth");

  /** Package (relative to dev.homeenergy, "" for the root) to the packages it references. */
  private static Map<String, Set<String>> uses;

  @BeforeAll
  static void readSources() throws IOException {
    uses = new TreeMap<>();
    read(Path.of("src/main/java"));
    read(EXAMPLE_FAMILY);
  }

  private static void read(Path sources) throws IOException {
    try (Stream<Path> files = Files.walk(sources)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = COMMENT.matcher(Files.readString(file)).replaceAll("");
        Matcher pkg = PACKAGE.matcher(text);
        assertThat(pkg.find()).as("package line of %s", file).isTrue();
        String from = relative(pkg.group(1));
        Set<String> targets = uses.computeIfAbsent(from, k -> new TreeSet<>());
        Matcher ref = REFERENCE.matcher(text);
        while (ref.find()) {
          String to = ref.group(1).isEmpty() ? "" : ref.group(1).substring(1);
          if (!to.equals(from)) {
            targets.add(to);
          }
        }
      }
    }
  }

  private static String relative(String pkg) {
    return pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
  }

  private static Set<String> families() {
    Set<String> families = new TreeSet<>();
    uses.keySet().stream()
        .filter(p -> p.startsWith("device.") && !p.endsWith(".sim"))
        .forEach(families::add);
    return families;
  }

  @Test
  void thePackagesAreTheHousePlan() {
    assertThat(uses.keySet())
        .contains(
            "",
            "app",
            "cli",
            "config",
            "core",
            "devicehttp",
            "doctor",
            "output.mqtt",
            "polling",
            "simulator",
            "web",
            "web.security");
    assertThat(families()).isNotEmpty();
    for (String family : families()) {
      assertThat(uses).as("every family has its simulator beside it").containsKey(family + ".sim");
    }
  }

  @Test
  void noPackageCycles() {
    for (String start : uses.keySet()) {
      Deque<List<String>> paths = new ArrayDeque<>();
      paths.add(List.of(start));
      Set<String> seen = new TreeSet<>();
      while (!paths.isEmpty()) {
        List<String> path = paths.poll();
        for (String next : uses.getOrDefault(path.get(path.size() - 1), Set.of())) {
          List<String> longer = new ArrayList<>(path);
          longer.add(next);
          assertThat(next).as("import cycle %s", longer).isNotEqualTo(start);
          if (seen.add(next)) {
            paths.add(longer);
          }
        }
      }
    }
  }

  @Test
  void theSeamDependsOnConfigOnly() {
    assertThat(uses.get("core")).isSubsetOf("config");
  }

  @Test
  void theEngineAndTheDeviceHelpersDependOnTheSeamOnly() {
    assertThat(uses.get("polling")).isSubsetOf("config", "core");
    assertThat(uses.get("devicehttp")).isSubsetOf("config", "core");
    assertThat(uses.get("simulator")).isSubsetOf("config", "core");
  }

  @Test
  void theDoctorKnowsNoFamilyButTheSeam() {
    assertThat(uses.get("doctor")).isSubsetOf("config", "core", "devicehttp");
    assertThat(
            uses.entrySet().stream()
                .filter(entry -> entry.getValue().contains("doctor"))
                .map(Map.Entry::getKey))
        .isSubsetOf("cli");
  }

  @Test
  void theMqttOutputListensToTheEngineAndOnlyTheAssemblyStartsIt() {
    assertThat(uses.get("output.mqtt")).isSubsetOf("config", "core", "polling");
    assertThat(
            uses.entrySet().stream()
                .filter(entry -> entry.getValue().contains("output.mqtt"))
                .map(Map.Entry::getKey))
        .isSubsetOf("app");
  }

  @Test
  void theWebLayerKnowsNoFamilyAndNoCommand() {
    assertThat(uses.get("web")).isSubsetOf("config", "core", "polling", "web.security");
    assertThat(uses.get("web.security")).isSubsetOf("config");
  }

  @Test
  void onlyTheWebServerAndTheAssemblyUseTheWebConfig() {
    assertThat(
            uses.entrySet().stream()
                .filter(entry -> entry.getValue().contains("web.security"))
                .map(Map.Entry::getKey))
        .isSubsetOf("web", "cli", "app");
  }

  @Test
  void familyClientsNeverImportSimulatorsNorOtherFamilies() {
    for (String family : families()) {
      assertThat(uses.getOrDefault(family, Set.of()))
          .as("what %s uses", family)
          .isSubsetOf("config", "core", "devicehttp");
    }
  }

  @Test
  void aFamilysSimulatorUsesItsOwnFamilyAndTheSimulatorKitOnly() {
    for (String family : families()) {
      assertThat(uses.getOrDefault(family + ".sim", Set.of()))
          .as("what %s.sim uses", family)
          .isSubsetOf("config", "core", "simulator", family);
    }
  }

  @Test
  void onlyTheAssemblyNamesTheFamiliesSimulators() {
    for (Map.Entry<String, Set<String>> entry : uses.entrySet()) {
      if (entry.getKey().equals("app") || entry.getKey().startsWith("device.")) {
        continue;
      }
      assertThat(entry.getValue())
          .as("what %s uses", entry.getKey())
          .noneMatch(p -> p.startsWith("device.") && p.endsWith(".sim"));
    }
  }
}
