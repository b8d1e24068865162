package dev.homeenergy.cli;

import static dev.homeenergy.testing.SecretFixtures.POWERWALL_PASSWORD;
import static dev.homeenergy.testing.SecretFixtures.PVS_WRONG_PASSWORD;
import static dev.homeenergy.testing.SecretFixtures.TESLA_CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeenergy.app.Exporter;
import dev.homeenergy.app.Families;
import dev.homeenergy.config.LogConfig;
import dev.homeenergy.device.powerwall.sim.PowerwallSimulator;
import dev.homeenergy.device.powerwall.sim.PowerwallSimulatorSettings;
import dev.homeenergy.device.sunpower.sim.SunpowerSimulator;
import dev.homeenergy.device.sunpower.sim.SunpowerSimulatorSettings;
import dev.homeenergy.device.tesla.sim.TeslaSimulator;
import dev.homeenergy.device.tesla.sim.TeslaSimulatorSettings;
import dev.homeenergy.device.wallconnector.sim.WallConnectorSimulator;
import dev.homeenergy.polling.DeviceStatus;
import dev.homeenergy.testing.Http;
import dev.homeenergy.testing.LeakCheck;
import dev.homeenergy.testing.LogCapture;
import dev.homeenergy.testing.SecretFixtures;
import java.io.BufferedReader;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Issue 7, the commands' side: {@code serve}, {@code check-config} of good and broken configs,
 * every {@code --help}, {@code tesla login}, {@code keygen} and {@code register} and the drop-ins'
 * failures print and log none of the known secrets (see {@code SecretsNeverLeakIT} for the
 * exporter's pages and error paths).
 */
class SecretsOnTheCommandLineIT {
  private static final Pattern AUTHORIZE_URL =
      Pattern.compile("(http://\\S+/oauth2/v3/authorize\\S+)");
  private static final String WRONG_CLIENT_SECRET = "tesla-Wrong-Secret-6Jd3PwQ";
  private static final List<String> COMMANDS =
      List.of(
          "",
          "demo",
          "simulate",
          "check-config",
          "wallconnector",
          "powerwall",
          "powerwall fetchcert",
          "sunpower",
          "tesla",
          "tesla login",
          "tesla keygen",
          "tesla register",
          "tesla serve",
          "help");

  @TempDir Path dir;
  private final LeakCheck leaks = new LeakCheck();
  private final List<AutoCloseable> running = new ArrayList<>();
  private Map<String, String> env;
  private LogCapture logs;
  private WallConnectorSimulator wallConnector;
  private PowerwallSimulator powerwall;
  private PowerwallSimulator otherPowerwall;
  private SunpowerSimulator pvs;
  private SunpowerSimulator otherPvs;
  private TeslaSimulator cloud;

  /** One in-process command run with its output recorded for the leak check. */
  private final class Run {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final PipedWriter typing = new PipedWriter();
    final CountDownLatch stop = new CountDownLatch(1);
    final AtomicReference<Exporter> serving = new AtomicReference<>();
    final CommandLine commandLine;
    final String name;

    final LeakCheck into;

    Run(String name) throws Exception {
      this(name, env);
    }

    Run(String name, Map<String, String> environment) throws Exception {
      this(name, environment, leaks);
    }

    Run(String name, Map<String, String> environment, LeakCheck into) throws Exception {
      this.name = name;
      this.into = into;
      BufferedReader stdin = new BufferedReader(new PipedReader(typing));
      CliContext context =
          new CliContext(
              environment,
              Families.all(),
              Clock.systemUTC(),
              stop::await,
              exporter -> {
                logs.attach();
                serving.set(exporter);
              },
              stdin);
      commandLine = Commands.commandLine(context);
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
    }

    int execute(String... args) {
      try {
        return commandLine.execute(args);
      } finally {
        record();
      }
    }

    CompletableFuture<Integer> start(String... args) {
      return CompletableFuture.supplyAsync(() -> commandLine.execute(args));
    }

    void record() {
      into.saw(name + " stdout", out.toString());
      into.saw(name + " stderr", err.toString());
    }
  }

  @BeforeEach
  void start() throws Exception {
    logs = LogCapture.start();
    wallConnector = track(WallConnectorSimulator.start(SecretFixtures.options("charging")));
    powerwall =
        track(
            PowerwallSimulator.start(
                SecretFixtures.options("powerwall2"),
                PowerwallSimulatorSettings.defaults().withPassword(POWERWALL_PASSWORD)));
    otherPowerwall =
        track(
            PowerwallSimulator.start(
                SecretFixtures.options("powerwall2"),
                PowerwallSimulatorSettings.defaults().withPassword(POWERWALL_PASSWORD)));
    SunpowerSimulatorSettings pvsSettings =
        SunpowerSimulatorSettings.defaults()
            .withSerial(SecretFixtures.PVS_SERIAL)
            .withInverterCount(4)
            .withPerDeviceLatency(Duration.ZERO);
    pvs = track(SunpowerSimulator.start(SecretFixtures.options("locked"), pvsSettings));
    otherPvs = track(SunpowerSimulator.start(SecretFixtures.options("locked"), pvsSettings));
    cloud =
        track(
            TeslaSimulator.start(SecretFixtures.options("daily"), SecretFixtures.cloudSettings()));
    env = new HashMap<>(SecretFixtures.writeSecretsAndEnvironment(dir));
    env.putAll(
        Map.of(
            "TESLA_CLIENT_ID",
            cloud.settings().clientId(),
            "POWERWALL_PASSWORD",
            POWERWALL_PASSWORD,
            "PVS_PASSWORD",
            PVS_WRONG_PASSWORD,
            "TOKEN_FILE_PATH",
            dir.resolve("stale-token.json").toString()));
    SecretFixtures.writeBadTokenFiles(dir);
  }

  private <T extends AutoCloseable> T track(T closeable) {
    running.add(closeable);
    return closeable;
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable closeable : running) {
      closeable.close();
    }
    logs.close();
    LoggingSetup.apply(LogConfig.defaults());
  }

  @Test
  void noCommandPrintsOrLogsASecret() throws Exception {
    help();
    Path config = dir.resolve("config.yml");
    Files.writeString(
        config,
        SecretFixtures.config(wallConnector, powerwall, otherPowerwall, pvs, otherPvs, cloud));
    Run check = new Run("check-config");
    assertThat(check.execute("check-config", config.toString())).as(check.err.toString()).isZero();
    assertThat(check.out.toString())
        .contains("password: <secret>")
        .contains("client_secret: <secret>");
    brokenConfigs();
    String code = teslaLogin();
    teslaKeysAndRegistration();
    dropIns();
    serve(leaks, "serve", "--config.file=" + config, "--log.level=debug", "--log.format=json");
    demo();

    leaks.secret("authorization code", code);
    leaks.secret("wrong client secret", WRONG_CLIENT_SECRET);
    leaks.saw("stderr", logs.stderr());
    logs.events().forEach(event -> leaks.saw("log event", event));
    SecretFixtures.registerSecrets(leaks, dir, powerwall, pvs, cloud);
    for (String line : Files.readAllLines(dir.resolve("keys/private-key.pem"))) {
      if (!line.startsWith("-----")) {
        leaks.secret("partner private key", line);
      }
    }
    assertThat(logs.stderr())
        .contains("answered its first poll")
        .contains("cars-stale-token poll failed")
        .contains("\"level\":\"WARN\"");
    assertThat(leaks.leaks()).isEmpty();
  }

  private void help() throws Exception {
    for (String command : COMMANDS) {
      List<String> args =
          new ArrayList<>(command.isEmpty() ? List.of() : List.of(command.split(" ")));
      args.add("--help");
      Run run = new Run(command + " --help");
      assertThat(run.execute(args.toArray(String[]::new))).isZero();
      assertThat(run.out.toString()).contains("Usage: home-energy-exporter");
    }
  }

  /** Configs with a secret right beside a mistake, or on the line YAML cannot read. */
  private void brokenConfigs() throws Exception {
    String device = "devices:\n  - name: battery\n    type: powerwall\n    address: 192.0.2.60\n";
    List<String> broken =
        List.of(
            device
                + "    password: "
                + POWERWALL_PASSWORD
                + "\n    interval: soon\n    passwrd: "
                + POWERWALL_PASSWORD
                + "\n",
            device + "    password: [" + POWERWALL_PASSWORD + "]\n",
            device + "    password: {value: " + POWERWALL_PASSWORD + "}\n",
            device + "    password: " + POWERWALL_PASSWORD + ": again\n",
            device + "    password: \"" + POWERWALL_PASSWORD + "\n    interval: 10s\n",
            device + "    password: '" + POWERWALL_PASSWORD + "\n",
            device + "\tpassword: " + POWERWALL_PASSWORD + "\n",
            device
                + "    password: "
                + POWERWALL_PASSWORD
                + "\n    password: "
                + POWERWALL_PASSWORD
                + "\n",
            device + "    password: ${" + POWERWALL_PASSWORD + "}\n",
            device + "    password: ${UNSET_VARIABLE}" + POWERWALL_PASSWORD + "\n",
            device
                + "    password: "
                + POWERWALL_PASSWORD
                + "\n    password_file: powerwall-password.txt\n",
            device
                + "    password: "
                + POWERWALL_PASSWORD
                + "\n    tls_cert_file: powerwall-password.txt\n",
            device + "    password_file: powerwall-password.txt\n    retry_timeout: soon\n",
            device
                + "    password: "
                + POWERWALL_PASSWORD
                + "\n  - name: battery\n    type: powerwall\n    address: h\n"
                + "    password: "
                + POWERWALL_PASSWORD
                + "\n",
            "devices:\n  - name: pvs\n    type: sunpower\n    address: 192.0.2.70\n    password: "
                + PVS_WRONG_PASSWORD
                + "\n    api: rest\n",
            "devices:\n  - name: garage\n    type: wallconnector\n    address: 192.0.2.10\n    password: "
                + POWERWALL_PASSWORD
                + "\n",
            "devices:\n  - name: cars\n    type: tesla\n    client_secret: "
                + TESLA_CLIENT_SECRET
                + "\n",
            "devices:\n  - name: cars\n    type: tesla\n    client_id: x\n    client_secret: "
                + TESLA_CLIENT_SECRET
                + "\n    region: mars\n",
            "log:\n  level: "
                + POWERWALL_PASSWORD.substring(0, 2)
                + "\n"
                + device
                + "    password: "
                + POWERWALL_PASSWORD
                + "\n",
            "devices:\n  - name: cars\n    type: tesla\n    client_id: x\n    client_secret_file: tesla-client-secret.txt\n"
                + "    client_secret: "
                + TESLA_CLIENT_SECRET
                + "\n",
            "devices:\n  - name: cars\n    type: tesla\n    client_id: x\n    client_secret_file: tesla-client-secret.txt\n"
                + "    token_base: https://x:"
                + TESLA_CLIENT_SECRET
                + "@auth.example.com\n",
            "devices:\n  - name: cars\n    type: tesla\n    client_id: x\n    client_secret_file: tesla-client-secret.txt\n"
                + "    api_base: \"https://fleet api/"
                + TESLA_CLIENT_SECRET
                + "\"\n",
            "devices:\n  - name: battery\n    type: powerwall\n    address: https://customer:"
                + POWERWALL_PASSWORD
                + "@192.0.2.60\n    password_file: powerwall-password.txt\n");
    for (int i = 0; i < broken.size(); i++) {
      Path file = dir.resolve("broken-" + i + ".yml");
      Files.writeString(file, broken.get(i));
      Run check = new Run("check-config broken-" + i);
      assertThat(check.execute("check-config", file.toString())).as(broken.get(i)).isEqualTo(2);
      Run serve = new Run("serve broken-" + i);
      assertThat(serve.execute("--config.file=" + file)).as(broken.get(i)).isEqualTo(2);
      assertThat(serve.serving.get()).isNull();
    }
  }

  /** A successful sign-in, then the ways one fails; returns the authorization code it pasted. */
  private String teslaLogin() throws Exception {
    Path config = teslaConfig("login.yml", TESLA_CLIENT_SECRET, "login-token.json");
    Run login = new Run("tesla login");
    CompletableFuture<Integer> result = login.start("tesla", "login", "--config.file=" + config);
    String redirect = redirectFor(authorizeUrl(login.out));
    login.typing.write(redirect + "\n");
    login.typing.flush();
    assertThat(result.get(20, TimeUnit.SECONDS)).as(login.err.toString()).isZero();
    login.record();
    String code = redirect.replaceAll(".*[?&]code=([^&]+).*", "$1");
    dev.homeenergy.device.tesla.TokenFile.at(dir.resolve("login-token.json"))
        .read()
        .ifPresent(
            tokens -> {
              leaks.secret("access token of tesla login", tokens.access().reveal());
              leaks.secret("refresh token of tesla login", tokens.refresh().reveal());
            });

    Run forged = new Run("tesla login, someone else's redirect");
    result = forged.start("tesla", "login", "--config.file=" + config);
    String other = redirectFor(authorizeUrl(forged.out));
    forged.typing.write(other.replaceAll("state=[^&]+", "state=forged") + "\n");
    forged.typing.flush();
    assertThat(result.get(20, TimeUnit.SECONDS)).isEqualTo(1);
    forged.record();
    leaks.secret(
        "authorization code of a forged redirect", other.replaceAll(".*[?&]code=([^&]+).*", "$1"));

    Run refused = new Run("tesla login, refused");
    result = refused.start("tesla", "login", "--config.file=" + config);
    authorizeUrl(refused.out);
    refused.typing.write(
        "https://localhost/callback?error=access_denied&error_description=denied\n");
    refused.typing.flush();
    assertThat(result.get(20, TimeUnit.SECONDS)).isEqualTo(1);
    refused.record();

    Path wrong = teslaConfig("wrong-secret.yml", WRONG_CLIENT_SECRET, "wrong-token.json");
    Run wrongSecret = new Run("tesla login, wrong client secret");
    result = wrongSecret.start("tesla", "login", "--config.file=" + wrong);
    wrongSecret.typing.write(redirectFor(authorizeUrl(wrongSecret.out)) + "\n");
    wrongSecret.typing.flush();
    assertThat(result.get(20, TimeUnit.SECONDS)).isEqualTo(1);
    wrongSecret.record();
    assertThat(wrongSecret.err.toString()).contains("token exchange failed");
    return code;
  }

  private void teslaKeysAndRegistration() throws Exception {
    Path keys = dir.resolve("keys");
    assertThat(new Run("tesla keygen").execute("tesla", "keygen", "--dir", keys.toString()))
        .isZero();
    assertThat(new Run("tesla keygen again").execute("tesla", "keygen", "--dir", keys.toString()))
        .isEqualTo(1);
    Run registered = new Run("tesla register");
    assertThat(
            registered.execute(
                "tesla",
                "register",
                "--config.file=" + teslaConfig("register.yml", TESLA_CLIENT_SECRET, "t.json"),
                "--domain",
                "example.com"))
        .as(registered.err.toString())
        .isZero();
    Run wrongSecret = new Run("tesla register, wrong client secret");
    assertThat(
            wrongSecret.execute(
                "tesla",
                "register",
                "--config.file=" + teslaConfig("register-wrong.yml", WRONG_CLIENT_SECRET, "t.json"),
                "--domain",
                "example.com"))
        .isEqualTo(1);
    for (TeslaSimulatorSettings.PartnerRegistration outcome :
        List.of(
            TeslaSimulatorSettings.PartnerRegistration.KEY_DOWNLOAD_FAILED,
            TeslaSimulatorSettings.PartnerRegistration.PRECONDITION_FAILED)) {
      try (TeslaSimulator refusing =
          TeslaSimulator.start(
              SecretFixtures.options("daily"),
              SecretFixtures.cloudSettings().withPartnerRegistration(outcome))) {
        Run run = new Run("tesla register, " + outcome);
        assertThat(
                run.execute(
                    "tesla",
                    "register",
                    "--config.file="
                        + teslaConfig(
                            "register-" + outcome + ".yml",
                            TESLA_CLIENT_SECRET,
                            "t.json",
                            refusing),
                    "--domain",
                    "example.com"))
            .isEqualTo(1);
        refusing.issuedTokens().forEach(token -> leaks.secret("partner token", token));
      }
    }
  }

  private void dropIns() throws Exception {
    Path seed = dir.resolve("powerwall_exporter.yaml");
    Files.writeString(
        seed,
        "device:\n  gateway_address: 192.0.2.60\n  login_password: "
            + POWERWALL_PASSWORD
            + "\n  retry_interval: soon\n  colour: "
            + POWERWALL_PASSWORD
            + "\n");
    assertThat(new Run("powerwall drop-in").execute("powerwall", "--config.file=" + seed))
        .isEqualTo(2);
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    assertThat(
            new Run("powerwall fetchcert")
                .execute(
                    "powerwall",
                    "fetchcert",
                    "--address",
                    "127.0.0.1:" + closed,
                    "--out",
                    dir.resolve("cert.pem").toString()))
        .isEqualTo(1);
    Map<String, String> withoutClientId = new HashMap<>(env);
    withoutClientId.remove("TESLA_CLIENT_ID");
    assertThat(
            new Run("tesla serve without a client id", withoutClientId).execute("tesla", "serve"))
        .isEqualTo(2);
    Map<String, String> badInterval = new HashMap<>(env);
    badInterval.put("POLL_INTERVAL_SECONDS", "soon");
    assertThat(new Run("tesla serve, bad interval", badInterval).execute("tesla", "serve"))
        .isEqualTo(2);
  }

  /**
   * The demo signs in to its simulated gateway and cloud with their published secrets (which {@code
   * simulate --help} names); its pages and logs show them as little as {@code serve} shows real
   * ones.
   */
  private void demo() throws Exception {
    LeakCheck demo = new LeakCheck();
    demo.secret("the demo's Powerwall password", PowerwallSimulatorSettings.DEFAULT_PASSWORD);
    demo.secret("the demo's Tesla client secret", TeslaSimulatorSettings.DEFAULT_CLIENT_SECRET);
    int logged = logs.stderr().length();
    serve(
        demo,
        "demo",
        "demo",
        "--web.listen-address=127.0.0.1:0",
        "--log.level=debug",
        "--log.format=logfmt");
    demo.saw("demo: stderr", logs.stderr().substring(logged));
    assertThat(logs.stderr().substring(logged)).contains("level=INFO");
    assertThat(demo.leaks()).isEmpty();
  }

  /** Runs a serving command until every device was polled once, recording what it shows. */
  private void serve(LeakCheck leaks, String name, String... args) throws Exception {
    Run serve = new Run(name, env, leaks);
    CompletableFuture<Integer> result = serve.start(args);
    Exporter exporter =
        await().atMost(Duration.ofSeconds(20)).until(serve.serving::get, e -> e != null);
    await()
        .atMost(Duration.ofSeconds(40))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> exporter.store().all().stream().allMatch(DeviceStatus::polledOnce));
    URI base = exporter.localUri();
    leaks.saw(name + ": GET /", Http.get(base.resolve("/")).body());
    leaks.saw(name + ": GET /metrics", Http.get(base.resolve("/metrics")).body());
    for (DeviceStatus status : exporter.store().all()) {
      String device = status.config().name();
      leaks.saw(
          name + ": GET /devices/" + device + "/raw",
          Http.get(base.resolve("/devices/" + device + "/raw")).body());
      leaks.saw(name + ": last error of " + device, status.lastError());
    }
    serve.stop.countDown();
    assertThat(result.get(20, TimeUnit.SECONDS)).isZero();
    serve.record();
  }

  private Path teslaConfig(String name, String clientSecret, String tokenFile) throws Exception {
    return teslaConfig(name, clientSecret, tokenFile, cloud);
  }

  private Path teslaConfig(
      String name, String clientSecret, String tokenFile, TeslaSimulator simulator)
      throws Exception {
    Path config = dir.resolve(name);
    Files.writeString(
        config,
        """
        devices:
          - name: cars
            type: tesla
            address: %s
            client_id: %s
            client_secret: %s
            auth_base: %s
            token_base: %s
            token_file: %s
        """
            .formatted(
                simulator.baseUri(),
                simulator.settings().clientId(),
                clientSecret,
                simulator.authBase(),
                simulator.tokenBase(),
                tokenFile));
    return config;
  }

  private static String authorizeUrl(StringWriter out) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              Matcher m = AUTHORIZE_URL.matcher(out.toString());
              return m.find() ? m.group(1) : null;
            },
            url -> url != null);
  }

  private static String redirectFor(String authorizeUrl) throws Exception {
    return Http.redirectLocation(URI.create(authorizeUrl));
  }
}
