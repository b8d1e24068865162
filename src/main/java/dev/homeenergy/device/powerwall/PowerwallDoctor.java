package dev.homeenergy.device.powerwall;

import dev.homeenergy.config.DeviceConfig;
import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.core.DeviceDoctor;
import dev.homeenergy.core.DoctorStep;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.DeviceHttp;
import dev.homeenergy.devicehttp.LoginGate;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Powerwall's doctor steps: one login with the customer password (a fresh one: a saved session
 * is neither used nor replaced, so the password itself is checked and the exporter's session file
 * is left alone), then one read of each endpoint a poll reads with that session, and with TEDAPI
 * on, one request for the gateway's DIN with the gateway password ({@link TedapiDoctorStep}). Never
 * retries a login: a gateway locks logins out after a few wrong passwords.
 */
final class PowerwallDoctor implements DeviceDoctor {
  private final DeviceConfig config;
  private final DeviceContext context;
  private final PowerwallSettings settings;
  private final X509Certificate pinned;

  PowerwallDoctor(DeviceConfig config, DeviceContext context) {
    this.config = config;
    this.context = context;
    this.settings = PowerwallSettings.from(config);
    this.pinned = PowerwallClient.pinnedCertificate(settings);
  }

  @Override
  public URI address() {
    URI address = config.address();
    return URI.create(
        "https://" + address.getHost() + ":" + (address.getPort() < 0 ? 443 : address.getPort()));
  }

  @Override
  public String tlsServerName() {
    return GatewayTls.SERVER_NAME;
  }

  @Override
  public X509Certificate pinnedCertificate() {
    return pinned;
  }

  @Override
  public String pinMismatchHint() {
    return "the gateway's certificate changed (a replaced gateway, or one that made a new"
        + " certificate after a reset): check it is your gateway, then fetch it again with"
        + " `home-energy-exporter powerwall fetchcert --address "
        + config.address().getHost()
        + " --out FILE` and point tls_cert_file at FILE";
  }

  @Override
  public List<DoctorStep> check() {
    List<DoctorStep> steps = new ArrayList<>();
    apiSteps(steps);
    TedapiSettings tedapi = TedapiSettings.from(config);
    if (tedapi.enabled() && tedapi.gatewayPassword() != null) {
      steps.add(
          new TedapiDoctorStep(tedapi, config.timeout(), context, TedapiDoctorStep::routeFrom)
              .check());
    }
    return steps;
  }

  private void apiSteps(List<DoctorStep> steps) {
    Duration timeout = config.timeout();
    DeviceHttp http =
        new DeviceHttp(
            GatewayTls.httpClient(GatewayTls.context(pinned), timeout, context.httpExecutor()),
            context.clock(),
            context.raw(),
            PowerwallClient.BODY_CAPS);
    GatewayTransport transport = new GatewayTransport(http, config.address());
    GatewaySession session =
        new GatewaySession(
            config.name(),
            transport,
            settings.email(),
            settings.password(),
            new LoginGate(context.clock()),
            SessionStore.in(null, config.name()));
    String token;
    try {
      token = session.token(poll());
      steps.add(DoctorStep.passed("authentication", "logged in as customer (one login)"));
    } catch (PollException e) {
      steps.add(DoctorStep.failed("authentication", e, loginHints(e)));
      steps.add(DoctorStep.skipped("read endpoints", "not tried without a session"));
      return;
    }
    List<String> endpoints = new ArrayList<>(PowerwallClient.EVERY_POLL);
    endpoints.addAll(PowerwallClient.AFTER_METERS);
    endpoints.add(PowerwallClient.SITE_INFO);
    for (String endpoint : endpoints) {
      String step = "read " + endpoint;
      try {
        transport.get(endpoint, endpoint, token, poll());
        steps.add(DoctorStep.passed(step, "answered"));
      } catch (PollException e) {
        if (e.httpStatus() == 404) {
          steps.add(
              DoctorStep.skipped(
                  step, "not on this firmware (HTTP 404); the exporter leaves its metrics out"));
        } else {
          steps.add(DoctorStep.failed(step, e, readHints(e)));
        }
      }
    }
  }

  private GatewayPoll poll() {
    return new GatewayPoll(config.timeout(), settings.retryInterval(), Duration.ZERO);
  }

  private static List<String> loginHints(PollException e) {
    if (e.reason() == FailureReason.AUTH) {
      return List.of(
          "the local API wants the customer password, not the gateway password printed on the"
              + " label behind the gateway's door (that one is for installers and the Tesla One"
              + " app) and not your Tesla account password",
          "older firmware took the last 5 characters of the gateway password as the default"
              + " customer password; firmware 24.36 and later refuses it: set a customer password"
              + " on the gateway's web page first");
    }
    if (e.reason() == FailureReason.RATE_LIMITED) {
      return List.of(
          "the gateway locks logins out for a while after several failed ones (HTTP 429): fix the"
              + " password, stop anything else logging in, and wait a few minutes before trying"
              + " again");
    }
    return DeviceDoctor.hintsFor(e);
  }

  private static List<String> readHints(PollException e) {
    if (e.reason() == FailureReason.AUTH) {
      return List.of(
          "the gateway refused the session it had just issued; firmware that locked the local"
              + " API does so (check the gateway's firmware and the Tesla app)");
    }
    return DeviceDoctor.hintsFor(e);
  }
}
