package dev.homeenergy.device.powerwall.sim;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the simulated gateway. Durations are simulated time unless noted.
 *
 * @param password the customer password logins must present
 * @param certificate which gateway certificate the HTTPS port serves
 * @param tokenLifetime how long a login token stays valid
 * @param failedLoginLimit failed logins within {@code failedLoginWindow} that trigger the rate
 *     limit
 * @param failedLoginWindow window over which failed logins are counted
 * @param loginCooldown how long every login answers 429 once the limit is hit
 * @param flakyPeriod length of one {@code flaky} cycle
 * @param flakyOutage offline part at the end of each {@code flaky} cycle
 * @param slowDelay real-time delay of every answer under the {@code slow} fault
 */
public record PowerwallSimulatorSettings(
    String password,
    PowerwallSimulatorCertificate certificate,
    Duration tokenLifetime,
    int failedLoginLimit,
    Duration failedLoginWindow,
    Duration loginCooldown,
    Duration flakyPeriod,
    Duration flakyOutage,
    Duration slowDelay) {
  public static final String DEFAULT_PASSWORD = "simulated-password";

  public PowerwallSimulatorSettings {
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(certificate, "certificate");
    requirePositive(tokenLifetime, "tokenLifetime");
    requirePositive(failedLoginWindow, "failedLoginWindow");
    requirePositive(loginCooldown, "loginCooldown");
    requirePositive(flakyPeriod, "flakyPeriod");
    Objects.requireNonNull(flakyOutage, "flakyOutage");
    Objects.requireNonNull(slowDelay, "slowDelay");
    if (failedLoginLimit < 1) {
      throw new IllegalArgumentException(
          "failedLoginLimit must be at least 1, got " + failedLoginLimit);
    }
    if (flakyOutage.isNegative() || flakyOutage.compareTo(flakyPeriod) > 0) {
      throw new IllegalArgumentException(
          "flakyOutage must be within 0.." + flakyPeriod + ", got " + flakyOutage);
    }
    if (slowDelay.isNegative()) {
      throw new IllegalArgumentException("slowDelay must not be negative, got " + slowDelay);
    }
  }

  /**
   * Default password, default certificate, 24 h tokens, 429 after 5 failures in 5 min for 10 min,
   * 60 s of every 300 s offline when flaky, 10 s slow delay.
   */
  public static PowerwallSimulatorSettings defaults() {
    return new PowerwallSimulatorSettings(
        DEFAULT_PASSWORD,
        PowerwallSimulatorCertificate.DEFAULT,
        Duration.ofHours(24),
        5,
        Duration.ofMinutes(5),
        Duration.ofMinutes(10),
        Duration.ofSeconds(300),
        Duration.ofSeconds(60),
        Duration.ofSeconds(10));
  }

  public PowerwallSimulatorSettings withPassword(String newPassword) {
    return new PowerwallSimulatorSettings(
        newPassword,
        certificate,
        tokenLifetime,
        failedLoginLimit,
        failedLoginWindow,
        loginCooldown,
        flakyPeriod,
        flakyOutage,
        slowDelay);
  }

  public PowerwallSimulatorSettings withCertificate(PowerwallSimulatorCertificate newCertificate) {
    return new PowerwallSimulatorSettings(
        password,
        newCertificate,
        tokenLifetime,
        failedLoginLimit,
        failedLoginWindow,
        loginCooldown,
        flakyPeriod,
        flakyOutage,
        slowDelay);
  }

  public PowerwallSimulatorSettings withTokenLifetime(Duration lifetime) {
    return new PowerwallSimulatorSettings(
        password,
        certificate,
        lifetime,
        failedLoginLimit,
        failedLoginWindow,
        loginCooldown,
        flakyPeriod,
        flakyOutage,
        slowDelay);
  }

  public PowerwallSimulatorSettings withFailedLoginLimit(
      int limit, Duration window, Duration cooldown) {
    return new PowerwallSimulatorSettings(
        password,
        certificate,
        tokenLifetime,
        limit,
        window,
        cooldown,
        flakyPeriod,
        flakyOutage,
        slowDelay);
  }

  public PowerwallSimulatorSettings withFlakyOutage(Duration period, Duration outage) {
    return new PowerwallSimulatorSettings(
        password,
        certificate,
        tokenLifetime,
        failedLoginLimit,
        failedLoginWindow,
        loginCooldown,
        period,
        outage,
        slowDelay);
  }

  public PowerwallSimulatorSettings withSlowDelay(Duration delay) {
    return new PowerwallSimulatorSettings(
        password,
        certificate,
        tokenLifetime,
        failedLoginLimit,
        failedLoginWindow,
        loginCooldown,
        flakyPeriod,
        flakyOutage,
        delay);
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + duration);
    }
  }
}
