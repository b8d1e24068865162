package dev.homeenergy.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Static checks of the files under deploy/: dashboards, compose file, provisioning, systemd units.
 */
class DeployFilesTest {
  private static final Path ROOT = findRoot();
  private static final Path DEPLOY = ROOT.resolve("deploy");
  private static final Path DASHBOARDS = DEPLOY.resolve("grafana/dashboards");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Pattern TOKEN = Pattern.compile("[a-z_]+");
  private static final Pattern METRIC_PREFIX =
      Pattern.compile("^(home_energy_exporter_|tesla_|powerwall_|sunpower_pvs_).*");
  private static final Pattern DOC_CODE = Pattern.compile("`([^`]+)`");

  private static Map<Path, JsonNode> dashboards;

  @BeforeAll
  static void loadDashboards() throws IOException {
    dashboards = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(DASHBOARDS)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        dashboards.put(f, JSON.readTree(f.toFile()));
      }
    }
  }

  private static Path findRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.exists(p.resolve("pom.xml"))) {
      p = p.getParent();
    }
    return p == null ? Path.of("").toAbsolutePath() : p;
  }

  @Test
  void thereIsADashboardPerFamilyAndAnOverview() {
    assertThat(dashboards.keySet())
        .extracting(p -> p.getFileName().toString())
        .contains(
            "overview.json",
            "wall-connector.json",
            "powerwall.json",
            "sunpower.json",
            "tesla.json");
  }

  @Test
  void dashboardsHaveUniqueUidsAndSchemaVersion() {
    SoftAssertions soft = new SoftAssertions();
    Set<String> uids = new HashSet<>();
    dashboards.forEach(
        (file, d) -> {
          String uid = d.path("uid").asText("");
          soft.assertThat(uid).as("%s uid", file).isNotBlank().hasSizeLessThanOrEqualTo(40);
          soft.assertThat(uids.add(uid)).as("%s uid %s is unique", file, uid).isTrue();
          soft.assertThat(d.path("title").asText("")).as("%s title", file).isNotBlank();
          soft.assertThat(d.path("schemaVersion").asInt())
              .as("%s schemaVersion", file)
              .isBetween(36, 41);
        });
    soft.assertAll();
  }

  @Test
  void panelIdsAreUniqueWithinEachDashboard() {
    SoftAssertions soft = new SoftAssertions();
    dashboards.forEach(
        (file, d) -> {
          List<JsonNode> panels = panels(d);
          soft.assertThat(panels).as("%s panels", file).isNotEmpty();
          Set<Integer> ids = new HashSet<>();
          for (JsonNode p : panels) {
            soft.assertThat(p.has("id"))
                .as("%s panel %s has an id", file, p.path("title"))
                .isTrue();
            soft.assertThat(ids.add(p.path("id").asInt()))
                .as("%s panel id %s unique", file, p.path("id"))
                .isTrue();
          }
        });
    soft.assertAll();
  }

  @Test
  void everyTargetUsesThePrometheusDatasource() {
    SoftAssertions soft = new SoftAssertions();
    dashboards.forEach(
        (file, d) -> {
          for (JsonNode p : panels(d)) {
            if (p.path("type").asText().equals("row")) {
              continue;
            }
            soft.assertThat(p.path("targets").size())
                .as("%s panel %s has targets", file, p.path("title"))
                .isPositive();
            for (JsonNode t : p.path("targets")) {
              soft.assertThat(t.path("datasource").path("uid").asText())
                  .as("%s panel %s target datasource", file, p.path("title"))
                  .isEqualTo("prometheus");
              soft.assertThat(t.path("expr").asText(""))
                  .as("%s panel %s expr", file, p.path("title"))
                  .isNotBlank();
            }
            if (p.has("datasource")) {
              soft.assertThat(p.path("datasource").path("uid").asText())
                  .as("%s panel datasource", file)
                  .isEqualTo("prometheus");
            }
          }
          for (JsonNode v : d.path("templating").path("list")) {
            if (v.path("type").asText().equals("query")) {
              soft.assertThat(v.path("datasource").path("uid").asText())
                  .as("%s variable datasource", file)
                  .isEqualTo("prometheus");
            }
          }
        });
    soft.assertAll();
  }

  @Test
  void everyDashboardHasADeviceVariable() {
    SoftAssertions soft = new SoftAssertions();
    dashboards.forEach(
        (file, d) -> {
          JsonNode device = null;
          for (JsonNode v : d.path("templating").path("list")) {
            if (v.path("name").asText().equals("device")) {
              device = v;
            }
          }
          soft.assertThat(device).as("%s has a device variable", file).isNotNull();
          if (device != null) {
            String query =
                device.path("query").isTextual()
                    ? device.path("query").asText()
                    : device.path("query").path("query").asText();
            soft.assertThat(query)
                .as("%s device variable query", file)
                .startsWith("label_values(home_energy_exporter_device_up")
                .endsWith(", device)");
          }
        });
    soft.assertAll();
  }

  @Test
  void unitsMatchTheConversions() {
    SoftAssertions soft = new SoftAssertions();
    dashboards.forEach(
        (file, d) -> {
          for (JsonNode p : panels(d)) {
            String unit = p.path("fieldConfig").path("defaults").path("unit").asText("");
            for (JsonNode t : p.path("targets")) {
              String expr = t.path("expr").asText();
              if (expr.contains("/ 3.6e6")) {
                soft.assertThat(unit)
                    .as("%s panel %s shows joules / 3.6e6", file, p.path("title"))
                    .isEqualTo("kwatth");
              } else if (expr.matches("^[a-z_]*_watts\\{[^}]*}$")) {
                soft.assertThat(unit)
                    .as("%s panel %s shows watts", file, p.path("title"))
                    .isEqualTo("watt");
              } else if (expr.matches("^[a-z_]*_ratio\\{[^}]*}$")) {
                soft.assertThat(unit)
                    .as("%s panel %s shows a ratio", file, p.path("title"))
                    .isEqualTo("percentunit");
              }
            }
          }
        });
    soft.assertAll();
  }

  @Test
  void everyMetricInAQueryIsDocumented() throws IOException {
    Set<String> documented = documentedMetricNames();
    assertThat(documented)
        .contains("home_energy_exporter_device_up", "sunpower_pvs_site_net_power_watts");
    Set<String> unknown = new TreeSet<>();
    dashboards.forEach(
        (file, d) -> {
          for (JsonNode p : panels(d)) {
            for (JsonNode t : p.path("targets")) {
              metricTokens(t.path("expr").asText()).stream()
                  .filter(m -> !isDocumented(m, documented))
                  .forEach(m -> unknown.add(file.getFileName() + ": " + m));
            }
          }
          for (JsonNode v : d.path("templating").path("list")) {
            metricTokens(v.path("definition").asText("")).stream()
                .filter(m -> !isDocumented(m, documented))
                .forEach(m -> unknown.add(file.getFileName() + " (variable): " + m));
          }
        });
    assertThat(unknown).as("metric names not in docs/metrics.md").isEmpty();
  }

  private static List<String> metricTokens(String expr) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(expr);
    while (m.find()) {
      if (METRIC_PREFIX.matcher(m.group()).matches()) {
        out.add(m.group());
      }
    }
    return out;
  }

  private static boolean isDocumented(String metric, Set<String> documented) {
    String base = metric.replaceAll("_(total|info)$", "");
    return documented.contains(metric)
        || documented.contains(base)
        || documented.contains(base + "_total")
        || documented.contains(base + "_info");
  }

  /**
   * Names in backticks in docs/metrics.md. A cell abbreviates siblings as {@code
   * ..._net_power_watts} after a full name; every prefix of that full name (cut at an underscore)
   * is tried.
   */
  private static Set<String> documentedMetricNames() throws IOException {
    Set<String> names = new HashSet<>();
    for (String line : Files.readAllLines(ROOT.resolve("docs/metrics.md"))) {
      String lastFull = null;
      Matcher m = DOC_CODE.matcher(line);
      while (m.find()) {
        String code = m.group(1).trim();
        if (code.matches("[a-z_][a-z0-9_]*")) {
          names.add(code);
          lastFull = code;
        } else if (code.matches("(\\.\\.\\.|…)_[a-z0-9_]+") && lastFull != null) {
          String suffix = code.substring(code.indexOf('_'));
          for (int i = lastFull.indexOf('_'); i > 0; i = lastFull.indexOf('_', i + 1)) {
            names.add(lastFull.substring(0, i) + suffix);
          }
        }
      }
    }
    return names;
  }

  private static List<JsonNode> panels(JsonNode dashboard) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode p : dashboard.path("panels")) {
      out.add(p);
      p.path("panels").forEach(out::add); // panels of collapsed rows
    }
    return out;
  }

  @Test
  void composeParsesAndEveryMountedPathExists() throws IOException {
    JsonNode compose = YAML.readTree(DEPLOY.resolve("docker-compose.yml").toFile());
    JsonNode services = compose.path("services");
    assertThat(services.has("exporter")).isTrue();
    assertThat(services.has("prometheus")).isTrue();
    assertThat(services.has("grafana")).isTrue();
    assertThat(services.path("prometheus").path("image").asText()).startsWith("prom/prometheus");
    assertThat(services.path("grafana").path("image").asText()).startsWith("grafana/grafana");
    assertThat(services.path("prometheus").path("command").toString())
        .contains("--storage.tsdb.retention.time=1y");

    JsonNode build = services.path("exporter").path("build");
    Path context = DEPLOY.resolve(build.path("context").asText()).normalize();
    assertThat(context).isEqualTo(ROOT.normalize());
    assertThat(context.resolve(build.path("dockerfile").asText())).isRegularFile();

    SoftAssertions soft = new SoftAssertions();
    List<String> mounts = new ArrayList<>();
    services.forEach(
        s ->
            s.path("volumes")
                .forEach(
                    v ->
                        mounts.add(
                            v.isTextual() ? v.asText().split(":")[0] : v.path("source").asText())));
    assertThat(mounts)
        .contains("./prometheus/prometheus.yml", "./grafana/provisioning", "./grafana/dashboards");
    for (String source : mounts) {
      if (!source.startsWith(".")) {
        soft.assertThat(compose.path("volumes").has(source))
            .as("named volume %s declared", source)
            .isTrue();
        continue;
      }
      Path p = DEPLOY.resolve(source).normalize();
      if (p.startsWith(DEPLOY.resolve("prometheus")) && !Files.exists(p)) {
        continue; // written in parallel by the Prometheus configuration work
      }
      soft.assertThat(p).as("mounted path %s", source).exists();
    }
    soft.assertAll();
  }

  @Test
  void grafanaProvisioningMatchesTheCompose() throws IOException {
    JsonNode ds =
        YAML.readTree(DEPLOY.resolve("grafana/provisioning/datasources/prometheus.yml").toFile());
    JsonNode first = ds.path("datasources").get(0);
    assertThat(first.path("uid").asText()).isEqualTo("prometheus");
    assertThat(first.path("type").asText()).isEqualTo("prometheus");
    assertThat(first.path("url").asText()).isEqualTo("http://prometheus:9090");

    JsonNode dash =
        YAML.readTree(DEPLOY.resolve("grafana/provisioning/dashboards/home-energy.yml").toFile());
    String path = dash.path("providers").get(0).path("options").path("path").asText();
    JsonNode compose = YAML.readTree(DEPLOY.resolve("docker-compose.yml").toFile());
    assertThat(compose.path("services").path("grafana").path("volumes").toString())
        .contains("./grafana/dashboards:" + path);
  }

  @Test
  void dockerfileAndEntrypoint() throws IOException {
    String dockerfile = Files.readString(DEPLOY.resolve("Dockerfile"));
    assertThat(dockerfile)
        .contains(
            "ARG BUILD_IMAGE=maven:3-eclipse-temurin-17",
            "ARG JDK_IMAGE=eclipse-temurin:17-jdk",
            "ARG BASE_IMAGE=debian:bookworm-slim",
            "FROM ${BASE_IMAGE}",
            "org.opencontainers.image.revision=\"${VCS_REF}\"",
            "HEALTHCHECK",
            "/-/healthy",
            "USER exporter",
            "VOLUME [\"/config\", \"/state\"]",
            "deploy/docker-entrypoint.sh");
    String entrypoint = Files.readString(DEPLOY.resolve("docker-entrypoint.sh"));
    assertThat(entrypoint).startsWith("#!/bin/sh").contains(" demo", "--config.file=");
    assertThat(Files.isExecutable(DEPLOY.resolve("docker-entrypoint.sh"))).isTrue();
  }

  /** Runs the image's entry point with a stand-in {@code java} that prints the arguments it got. */
  private static String entrypoint(Path dir, Path config, String... args) throws Exception {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path fakeJava = bin.resolve("java");
    Files.writeString(fakeJava, "#!/bin/sh\necho \"$@\"\n");
    assertThat(fakeJava.toFile().setExecutable(true)).isTrue();
    List<String> command =
        new ArrayList<>(List.of("sh", DEPLOY.resolve("docker-entrypoint.sh").toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PATH", bin + ":/usr/bin:/bin");
    builder.environment().put("HEE_CONFIG", config.toString());
    Process process = builder.start();
    String out =
        new String(
            process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(out).isZero();
    return out;
  }

  @Test
  void entrypointRunsTheDemoWithoutAConfigAndServesOneWhenPresent(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    Path config = dir.resolve("home-energy-exporter.yml");
    String jar = "-jar /opt/home-energy-exporter/home-energy-exporter.jar";
    assertThat(entrypoint(dir, config))
        .contains("running the demo")
        .endsWith(jar + " demo --web.listen-address=:10042\n");
    assertThat(entrypoint(dir, config, "wallconnector", "192.0.2.5"))
        .isEqualTo(jar + " wallconnector 192.0.2.5\n");

    Files.writeString(config, "devices: []\n");
    assertThat(entrypoint(dir, config)).endsWith(jar + " --config.file=" + config + "\n");
    assertThat(entrypoint(dir, config, "--log.level=debug"))
        .endsWith(jar + " --config.file=" + config + " --log.level=debug\n");
    assertThat(entrypoint(dir, config, "check-config", config.toString()))
        .isEqualTo(jar + " check-config " + config + "\n");
  }

  @Test
  void systemdUnitsAreHardened() throws IOException {
    List<String> units =
        List.of(
            "home-energy-exporter.service",
            "twc-exporter.service",
            "powerwall_exporter.service",
            "sunpower-pvs-exporter.service",
            "tesla-exporter.service");
    SoftAssertions soft = new SoftAssertions();
    for (String unit : units) {
      Path f = DEPLOY.resolve("systemd").resolve(unit);
      soft.assertThat(f).exists();
      if (!Files.exists(f)) {
        continue;
      }
      List<String> lines = Files.readAllLines(f).stream().map(String::trim).toList();
      for (String key :
          List.of(
              "NoNewPrivileges=yes",
              "ProtectSystem=strict",
              "ProtectHome=yes",
              "PrivateTmp=yes",
              "Restart=on-failure",
              "[Install]")) {
        soft.assertThat(lines).as("%s has %s", unit, key).contains(key);
      }
      soft.assertThat(lines)
          .as("%s runs the jar", unit)
          .anyMatch(l -> l.startsWith("ExecStart=") && l.contains("home-energy-exporter.jar"));
      soft.assertThat(lines)
          .as("%s has a dedicated user", unit)
          .anyMatch(l -> l.startsWith("User="));
      soft.assertThat(lines)
          .as("%s has a StateDirectory", unit)
          .anyMatch(l -> l.startsWith("StateDirectory="));
      soft.assertThat(lines)
          .as("%s counts a JVM stopped by SIGINT or SIGTERM as a success", unit)
          .contains("SuccessExitStatus=130 143");
      soft.assertThat(lines)
          .as("%s runs as a fixed user its config files can be given to", unit)
          .noneMatch(l -> l.startsWith("DynamicUser="));
      soft.assertThat(lines)
          .as("%s starts one JVM: the serving process checks the config itself", unit)
          .noneMatch(l -> l.startsWith("ExecStartPre="));
      soft.assertThat(lines)
          .as("%s leaves its config directory's owner and mode to the install steps", unit)
          .noneMatch(l -> l.startsWith("ConfigurationDirectory"));
    }
    List<String> main = Files.readAllLines(DEPLOY.resolve("systemd/home-energy-exporter.service"));
    assertThat(main)
        .contains(
            "ReadOnlyPaths=/etc/home-energy-exporter",
            "StateDirectory=home-energy-exporter",
            "ExecReload=/bin/kill -HUP $MAINPID",
            "ConditionPathExists=/etc/home-energy-exporter/home-energy-exporter.yml");
    soft.assertAll();
  }

  /** The units and the image run the jar without the launcher, so they repeat its JVM flags. */
  @Test
  void unitsAndImageCarryTheLaunchersDefaultJvmFlags() throws IOException {
    Matcher launcher =
        Pattern.compile("(?m)^default_opts=\"([^\"]+)\"$")
            .matcher(Files.readString(ROOT.resolve("bin/home-energy-exporter")));
    assertThat(launcher.find()).isTrue();
    String defaults = launcher.group(1);
    assertThat(defaults).contains("-XX:TieredStopAtLevel=1", "-XX:MaxHeapFreeRatio=");
    SoftAssertions soft = new SoftAssertions();
    try (Stream<Path> units = Files.list(DEPLOY.resolve("systemd"))) {
      for (Path unit : units.filter(u -> u.toString().endsWith(".service")).toList()) {
        soft.assertThat(Files.readAllLines(unit))
            .as("%s", unit.getFileName())
            .contains("Environment=\"JAVA_OPTS=" + defaults + "\" \"MALLOC_ARENA_MAX=2\"");
      }
    }
    soft.assertThat(Files.readString(DEPLOY.resolve("Dockerfile")))
        .contains("JAVA_TOOL_OPTIONS=\"" + defaults + "\"", "MALLOC_ARENA_MAX=2");
    soft.assertAll();
  }

  @Test
  void vectorConfigParses() throws IOException {
    JsonNode vector = YAML.readTree(DEPLOY.resolve("vector.yaml").toFile());
    JsonNode source = vector.path("sources").elements().next();
    assertThat(source.path("type").asText()).isEqualTo("prometheus_scrape");
    assertThat(source.path("endpoints").get(0).asText())
        .isEqualTo("http://localhost:10042/metrics");
    assertThat(source.path("scrape_interval_secs").asInt()).isEqualTo(15);
    assertThat(vector.path("transforms").elements().next().path("type").asText())
        .isEqualTo("remap");
    assertThat(vector.path("sinks").elements().next().path("type").asText())
        .isEqualTo("prometheus_remote_write");
  }
}
