package dev.homeenergy.testing;

import dev.homeenergy.config.Secret;
import dev.homeenergy.device.tesla.OAuthClient;
import dev.homeenergy.device.tesla.TokenFile;
import dev.homeenergy.device.tesla.sim.TeslaSimulator;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Signs in to a simulated Tesla cloud as {@code tesla login} would: authorize (the simulator
 * approves at once), paste the redirect, exchange the code and write the tokens to a token file.
 */
public final class TeslaSignIn {
  /** The scopes {@code tesla login} asks for by default. */
  public static final String SCOPES =
      "openid offline_access vehicle_device_data energy_device_data";

  private TeslaSignIn() {}

  public static void signIn(TeslaSimulator cloud, Path tokenFile) throws Exception {
    signIn(cloud, SCOPES, Clock.systemUTC(), tokenFile);
  }

  /**
   * @param clock the clock the tokens' expiry is counted from
   */
  public static void signIn(TeslaSimulator cloud, String scopes, Clock clock, Path tokenFile)
      throws Exception {
    OAuthClient oauth =
        new OAuthClient(
            new OAuthClient.Settings(
                cloud.authBase(),
                cloud.tokenBase(),
                cloud.baseUri(),
                cloud.settings().clientId(),
                new Secret(cloud.settings().clientSecret()),
                "https://localhost/callback",
                scopes,
                Duration.ofSeconds(5)),
            HttpClient.newHttpClient(),
            clock);
    OAuthClient.AuthorizationRequest request = oauth.authorizationRequest();
    String pasted = Http.redirectLocation(request.url());
    TokenFile.at(tokenFile)
        .write(oauth.exchangeCode(OAuthClient.codeFromRedirect(pasted, request.state())));
  }
}
