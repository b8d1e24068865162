package dev.homeenergy.device.tesla.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.homeenergy.device.tesla.sim.TeslaSimulatorSettings.PartnerRegistration;
import dev.homeenergy.testing.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TeslaSimulatorAuthTest {
  private final TeslaSimulatorHttp http = new TeslaSimulatorHttp();

  @AfterEach
  void close() {
    http.close();
  }

  @Test
  void authorizeRedirectsWithCodeAndState() throws IOException {
    TeslaSimulator simulator = http.start("daily", TeslaSimulatorSettings.defaults());

    HttpResponse<String> response =
        Http.get(
            URI.create(
                simulator.authorizeUri()
                    + "?response_type=code&client_id=simulated-client-id&redirect_uri=http%3A%2F%2Flocalhost%2Fcb"
                    + "&scope=openid%20offline_access&state=xyz"));

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location").orElseThrow())
        .startsWith("http://localhost/cb?code=NA_")
        .endsWith("&state=xyz");
  }

  @Test
  void codeIsSingleUseAndRefreshTokensRotate() throws IOException {
    TeslaSimulator simulator = http.start("daily", TeslaSimulatorSettings.defaults());
    String code = http.authorizeCode(simulator, TeslaSimulatorHttp.USER_SCOPES, "s");
    String[] exchange = {
      "grant_type",
      "authorization_code",
      "client_id",
      "simulated-client-id",
      "client_secret",
      "simulated-client-secret",
      "code",
      code,
      "redirect_uri",
      "http://localhost/cb"
    };

    JsonNode tokens = http.json(http.postForm(simulator.tokenUri(), exchange));
    HttpResponse<String> reused = http.postForm(simulator.tokenUri(), exchange);

    assertThat(tokens.get("expires_in").asLong()).isEqualTo(28_800);
    assertThat(tokens.get("token_type").asText()).isEqualTo("Bearer");
    assertThat(tokens.has("id_token")).isTrue();
    assertThat(reused.statusCode()).isEqualTo(400);
    assertThat(http.json(reused).get("error").asText()).isEqualTo("invalid_auth_code");

    String firstRefresh = tokens.get("refresh_token").asText();
    HttpResponse<String> refreshed =
        Http.send(
            HttpRequest.newBuilder(simulator.tokenUri())
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"grant_type\":\"refresh_token\",\"client_id\":\"simulated-client-id\",\"refresh_token\":\""
                            + firstRefresh
                            + "\"}"))
                .build());
    JsonNode rotated = http.json(refreshed);
    HttpResponse<String> again =
        http.postForm(
            simulator.tokenUri(),
            "grant_type",
            "refresh_token",
            "client_id",
            "simulated-client-id",
            "refresh_token",
            firstRefresh);
    HttpResponse<String> next =
        http.postForm(
            simulator.tokenUri(),
            "grant_type",
            "refresh_token",
            "client_id",
            "simulated-client-id",
            "refresh_token",
            rotated.get("refresh_token").asText());

    assertThat(refreshed.statusCode()).isEqualTo(200);
    assertThat(rotated.get("refresh_token").asText()).isNotEqualTo(firstRefresh);
    assertThat(rotated.get("access_token").asText())
        .isNotEqualTo(tokens.get("access_token").asText());
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(http.json(again).get("error").asText()).isEqualTo("invalid_grant");
    assertThat(next.statusCode()).isEqualTo(200);
    assertThat(simulator.tokenRequests("authorization_code")).isEqualTo(2);
    assertThat(simulator.tokenRequests("refresh_token")).isEqualTo(3);
  }

  @Test
  void expiredOrUnknownAccessTokensAnswer401() throws IOException {
    TeslaSimulator simulator = http.start("daily", TeslaSimulatorSettings.defaults());
    String token = http.userToken(simulator);
    URI vehicles = http.api(simulator, "/api/1/vehicles");

    assertThat(http.get(vehicles, token).statusCode()).isEqualTo(200);
    HttpResponse<String> unknown = http.get(vehicles, "not-a-token");
    http.clock.advance(Duration.ofHours(8));
    HttpResponse<String> expired = http.get(vehicles, token);

    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(http.json(unknown).get("error").asText()).isEqualTo("invalid bearer token");
    assertThat(expired.statusCode()).isEqualTo(401);
    assertThat(http.json(expired).get("response").isNull()).isTrue();
    assertThat(http.json(expired).get("error").asText()).isEqualTo("token expired (401)");
  }

  @Test
  void partnerRegistrationNeedsAPartnerTokenAndAnswers200() throws IOException {
    TeslaSimulator simulator = http.start("daily", TeslaSimulatorSettings.defaults());
    URI accounts = http.api(simulator, "/api/1/partner_accounts");

    HttpResponse<String> asUser =
        http.post(accounts, http.userToken(simulator), "{\"domain\":\"example.org\"}");
    HttpResponse<String> asPartner =
        http.post(accounts, http.partnerToken(simulator), "{\"domain\":\"example.org\"}");

    assertThat(asUser.statusCode()).isEqualTo(401);
    assertThat(asPartner.statusCode()).isEqualTo(200);
    assertThat(http.json(asPartner).at("/response/domain").asText()).isEqualTo("example.org");
    assertThat(http.json(asPartner).at("/response/public_key").asText()).startsWith("04");
    assertThat(simulator.tokenRequests("client_credentials")).isEqualTo(1);
  }

  @Test
  void partnerRegistrationFailuresAnswer412And424() throws IOException {
    TeslaSimulator precondition =
        http.start(
            "daily",
            TeslaSimulatorSettings.defaults()
                .withPartnerRegistration(PartnerRegistration.PRECONDITION_FAILED));
    TeslaSimulator keyDownload =
        http.start(
            "daily",
            TeslaSimulatorSettings.defaults()
                .withPartnerRegistration(PartnerRegistration.KEY_DOWNLOAD_FAILED));

    HttpResponse<String> failed412 =
        http.post(
            http.api(precondition, "/api/1/partner_accounts"),
            http.partnerToken(precondition),
            "{\"domain\":\"example.org\"}");
    HttpResponse<String> failed424 =
        http.post(
            http.api(keyDownload, "/api/1/partner_accounts"),
            http.partnerToken(keyDownload),
            "{\"domain\":\"example.org\"}");

    assertThat(failed412.statusCode()).isEqualTo(412);
    assertThat(failed424.statusCode()).isEqualTo(424);
    assertThat(http.json(failed424).get("error").asText()).contains("example.org");
  }

  @Test
  void wrongRegionAnswers421NamingTheAccountsBaseUrl() throws IOException {
    TeslaSimulator simulator =
        http.start("daily", TeslaSimulatorSettings.defaults().withRegions("eu", "na"));

    HttpResponse<String> partner =
        http.post(
            http.api(simulator, "/api/1/partner_accounts"),
            http.partnerToken(simulator),
            "{\"domain\":\"example.org\"}");
    HttpResponse<String> vehicles =
        http.get(http.api(simulator, "/api/1/vehicles"), http.userToken(simulator));

    assertThat(partner.statusCode()).isEqualTo(421);
    assertThat(vehicles.statusCode()).isEqualTo(421);
    assertThat(http.json(vehicles).get("error").asText())
        .isEqualTo(
            "user out of region, use base URL: "
                + "https://fleet-api.prd.na.vn.cloud.tesla.com, see https://developer.tesla.com/docs/fleet-api#regional-requirements");
  }
}
