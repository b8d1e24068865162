package dev.homeenergy.device.tesla.sim;

import dev.homeenergy.config.NamingStyle;
import dev.homeenergy.config.Secret;
import dev.homeenergy.core.PollException;
import dev.homeenergy.device.tesla.OAuthClient;
import dev.homeenergy.device.tesla.TeslaFamily;
import dev.homeenergy.device.tesla.TokenFile;
import dev.homeenergy.simulator.DemoDevice;
import dev.homeenergy.simulator.FamilySimulator;
import dev.homeenergy.simulator.Simulator;
import dev.homeenergy.simulator.SimulatorOptions;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The Tesla cloud simulator as the family list knows it: scenarios, faults, start, demo devices.
 */
public final class TeslaFamilySimulator implements FamilySimulator {

  @Override
  public List<String> scenarios() {
    return TeslaSimulator.scenarioNames();
  }

  @Override
  public List<String> faults() {
    return TeslaSimulator.faultNames();
  }

  @Override
  public String usageNote() {
    return "Fleet API and sign-in";
  }

  /** The simulated app's client id and secret, and the one base URL for API, auth and token. */
  @Override
  public List<String> describe(Simulator simulator) {
    TeslaSimulator cloud = (TeslaSimulator) simulator;
    return List.of(
        "client id: " + cloud.settings().clientId(),
        "client secret: " + cloud.settings().clientSecret(),
        "api, auth and token base: " + cloud.baseUri(),
        "sign-in approves at once and redirects to the redirect_uri asked for");
  }

  @Override
  public Simulator start(SimulatorOptions options) throws IOException {
    return TeslaSimulator.start(options);
  }

  @Override
  public List<DemoDevice> demoDevices() {
    return List.of(new DemoDevice("cars", "daily", NamingStyle.NATIVE, 60, Duration.ofMinutes(15)));
  }

  /** Signs in to the simulated cloud (it approves at once) and points the demo device at it. */
  @Override
  public Map<String, Object> demoSettings(Simulator simulator, Path scratch) throws IOException {
    TeslaSimulator cloud = (TeslaSimulator) simulator;
    TeslaSimulatorSettings settings = cloud.settings();
    OAuthClient oauth =
        new OAuthClient(
            new OAuthClient.Settings(
                cloud.authBase(),
                cloud.tokenBase(),
                cloud.baseUri(),
                settings.clientId(),
                new Secret(settings.clientSecret()),
                TeslaFamily.DEFAULT_REDIRECT_URI,
                TeslaFamily.DEFAULT_SCOPES,
                Duration.ofSeconds(10)),
            HttpClient.newHttpClient(),
            Clock.systemUTC());
    OAuthClient.AuthorizationRequest request = oauth.authorizationRequest();
    Path tokenFile = scratch.resolve("tesla-demo-token.json");
    try {
      HttpResponse<Void> redirect =
          HttpClient.newBuilder()
              .followRedirects(HttpClient.Redirect.NEVER)
              .build()
              .send(
                  HttpRequest.newBuilder(request.url()).GET().build(),
                  HttpResponse.BodyHandlers.discarding());
      String location =
          redirect
              .headers()
              .firstValue("Location")
              .orElseThrow(() -> new IOException("the simulated sign-in did not redirect"));
      TokenFile.at(tokenFile)
          .write(oauth.exchangeCode(OAuthClient.codeFromRedirect(location, request.state())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while signing in to the simulated cloud", e);
    } catch (PollException e) {
      throw new IOException("cannot sign in to the simulated cloud: " + e.getMessage(), e);
    }
    return Map.of(
        "client_id", settings.clientId(),
        "client_secret", new Secret(settings.clientSecret()),
        "auth_base", cloud.authBase().toString(),
        "token_base", cloud.tokenBase().toString(),
        "token_file", tokenFile.toString());
  }
}
