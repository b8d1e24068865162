package dev.homeenergy.testing;

import dev.homeenergy.device.powerwall.sim.PowerwallSimulator;
import dev.homeenergy.device.sunpower.sim.SunpowerSimulator;
import dev.homeenergy.device.tesla.TokenFile;
import dev.homeenergy.device.tesla.sim.TeslaSimulator;
import dev.homeenergy.device.tesla.sim.TeslaSimulatorSettings;
import dev.homeenergy.device.wallconnector.sim.WallConnectorSimulator;
import dev.homeenergy.simulator.SimulatorOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The known secrets of the leak tests, the simulated devices and cloud that use them, and a config
 * with a device of every family giving its secret inline, from a {@code *_file} or from {@code
 * ${ENV}}.
 */
public final class SecretFixtures {
  public static final String POWERWALL_PASSWORD = "pw-Secret-7f3Kq9xL";
  public static final String POWERWALL_WRONG_PASSWORD = "pw-Wrong-9Zt2LxQe";

  /** The 2025 PVS firmware's password is the serial's last five characters. */
  public static final String PVS_SERIAL = "ZT0123456789ABCDQ7xZ9";

  public static final String PVS_PASSWORD = "Q7xZ9";
  public static final String PVS_WRONG_PASSWORD = "pvs-Wrong-Pa55-Zq81";
  public static final String TESLA_CLIENT_SECRET = "tesla-Client-Secret-4Yb8Hk2";
  public static final String STALE_ACCESS_TOKEN = "eyJ-Stale-Access-Token-8hQ2mV";
  public static final String STALE_REFRESH_TOKEN = "NA_Stale-Refresh-Token-5tR7nB";
  public static final String BROKEN_FILE_ACCESS_TOKEN = "eyJ-Broken-File-Access-3kP9wS";

  private SecretFixtures() {}

  public static SimulatorOptions options(String scenario) {
    return new SimulatorOptions("127.0.0.1", 0, scenario, Clock.systemUTC(), Set.of());
  }

  public static TeslaSimulatorSettings cloudSettings() {
    TeslaSimulatorSettings defaults = TeslaSimulatorSettings.defaults();
    return new TeslaSimulatorSettings(
        defaults.clientId(),
        TESLA_CLIENT_SECRET,
        Duration.ofMinutes(1),
        defaults.vehicles(),
        defaults.energySites(),
        Duration.ZERO,
        defaults.quietPeriod(),
        "na",
        "na",
        TeslaSimulatorSettings.PartnerRegistration.OK,
        Duration.ofSeconds(1),
        false);
  }

  /** Token files that cannot work: expired tokens the cloud never issued, and a broken file. */
  public static void writeBadTokenFiles(Path dir) throws Exception {
    Files.writeString(
        dir.resolve("stale-token.json"),
        """
        {"access_token": "%s", "refresh_token": "%s", "expires_at": 1, "token_type": "Bearer", "created_at": 0}
        """
            .formatted(STALE_ACCESS_TOKEN, STALE_REFRESH_TOKEN));
    Files.writeString(
        dir.resolve("broken-token.json"),
        "{\"access_token\": \"" + BROKEN_FILE_ACCESS_TOKEN + "\", \"refresh_token\": ");
  }

  /** Password files and the environment the config refers to. */
  public static Map<String, String> writeSecretsAndEnvironment(Path dir) throws Exception {
    Files.writeString(dir.resolve("powerwall-password.txt"), POWERWALL_PASSWORD + "\n");
    Files.writeString(dir.resolve("pvs-wrong-password.txt"), PVS_WRONG_PASSWORD + "\n");
    Files.writeString(dir.resolve("tesla-client-secret.txt"), TESLA_CLIENT_SECRET + "\n");
    return Map.of(
        "POWERWALL_WRONG_PASSWORD",
        POWERWALL_WRONG_PASSWORD,
        "TESLA_CLIENT_SECRET",
        TESLA_CLIENT_SECRET);
  }

  /**
   * A config with every family: a device of each that works, and ones that cannot sign in. Secrets
   * come inline, from {@code *_file} and from {@code ${ENV}}.
   */
  public static String config(
      WallConnectorSimulator wallConnector,
      PowerwallSimulator powerwall,
      PowerwallSimulator otherPowerwall,
      SunpowerSimulator pvs,
      SunpowerSimulator otherPvs,
      TeslaSimulator cloud) {
    String tesla =
        """
          type: tesla
          address: %s
          client_id: %s
          auth_base: %s
          token_base: %s
          interval: 1m
          timeout: 2s
          online_interval: 1s
          asleep_interval: 1s
          budget_dollars: 100000
        """
            .formatted(
                cloud.baseUri(), cloud.settings().clientId(), cloud.authBase(), cloud.tokenBase());
    return """
        web:
          listen_address: 127.0.0.1:0
        devices:
          - name: garage
            type: wallconnector
            address: %s
            interval: 1s
            timeout: 1s
          - name: battery
            type: powerwall
            address: %s
            password_file: powerwall-password.txt
            interval: 5s
            timeout: 1s
          - name: battery-wrong-password
            type: powerwall
            address: %s
            password: ${POWERWALL_WRONG_PASSWORD}
            interval: 5s
            timeout: 1s
          - name: pvs
            type: sunpower
            address: %s
            password: %s
            interval: 30s
            timeout: 1s
          - name: pvs-wrong-password
            type: sunpower
            address: %s
            password_file: pvs-wrong-password.txt
            interval: 30s
            timeout: 1s
          - name: cars
            client_secret: %s
            token_file: tesla-token.json
        %s  - name: cars-stale-token
            client_secret_file: tesla-client-secret.txt
            token_file: stale-token.json
        %s  - name: cars-broken-token-file
            client_secret: ${TESLA_CLIENT_SECRET}
            token_file: broken-token.json
        %s"""
        .formatted(
            wallConnector.baseUri(),
            powerwall.baseUri(),
            otherPowerwall.baseUri(),
            pvs.baseUri(),
            PVS_PASSWORD,
            otherPvs.baseUri(),
            TESLA_CLIENT_SECRET,
            tesla.indent(2),
            tesla.indent(2),
            tesla.indent(2));
  }

  /** The secrets of the simulated devices, to look for once they were used. */
  public static void registerSecrets(
      LeakCheck leaks,
      Path dir,
      PowerwallSimulator powerwall,
      SunpowerSimulator pvs,
      TeslaSimulator cloud)
      throws Exception {
    leaks.secret("Powerwall password", POWERWALL_PASSWORD);
    leaks.secret("wrong Powerwall password", POWERWALL_WRONG_PASSWORD);
    leaks.secret("PVS password", PVS_PASSWORD);
    leaks.publicValue(PVS_SERIAL);
    leaks.secret("PVS Basic credentials", "ssm_owner:" + PVS_PASSWORD);
    leaks.secret("wrong PVS password", PVS_WRONG_PASSWORD);
    leaks.secret("Tesla client secret", TESLA_CLIENT_SECRET);
    leaks.secret("stale access token", STALE_ACCESS_TOKEN);
    leaks.secret("stale refresh token", STALE_REFRESH_TOKEN);
    leaks.secret("access token of a broken token file", BROKEN_FILE_ACCESS_TOKEN);
    if (powerwall != null) {
      powerwall.issuedTokens().forEach(token -> leaks.secret("Powerwall session token", token));
    }
    if (pvs != null) {
      pvs.issuedSessions().forEach(session -> leaks.secret("PVS session", session));
    }
    if (cloud != null) {
      cloud.issuedTokens().forEach(token -> leaks.secret("Tesla token", token));
    }
    Path tokenFile = dir.resolve("tesla-token.json");
    if (Files.exists(tokenFile)) {
      TokenFile.at(tokenFile)
          .read()
          .ifPresent(
              tokens -> {
                leaks.secret("Tesla access token in the token file", tokens.access().reveal());
                leaks.secret("Tesla refresh token in the token file", tokens.refresh().reveal());
              });
    }
  }
}
