package dev.homeenergy.device.tesla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeenergy.testing.MutableClock;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PartnerRegistrationTest {
  /**
   * teslatte__tesla-docs-2023_partner_accounts_register.json, wrapped in {@code response} as the
   * API does.
   */
  private static final String REGISTERED =
      """
      {"response": {
       "client_id": "client-id",
       "name": "The Best Tesla Partner",
       "description": "The very best Tesla partner",
       "domain": "the-best-partner.com",
       "ca": null,
       "created_at": "2023-06-28T00:42:00.000Z",
       "updated_at": "2023-06-28T00:42:00.000Z",
       "enterprise_tier": "free",
       "public_key": "04b3ba29bfed422f4a641630333458428cbd681ae1456f1d50521852577c3a84b22c7290087af38d8c4cd7b310dbfd79f164405d72a6cfac875ca37a7f09317891"
      }}
      """;

  /** vehicle-command__error_421_user_out_of_region.json. */
  private static final String OUT_OF_REGION =
      """
      {
        "response": null,
        "error": "user out of region, use base URL: https://fleet-api.prd.na.vn.cloud.tesla.com, see https://developer.tesla.com/docs/fleet-api#regional-requirements",
        "error_description": ""
      }
      """;

  private OAuthFakeServer server;
  private PartnerRegistration registration;

  @BeforeEach
  void start() throws IOException {
    server = new OAuthFakeServer();
    HttpClient http = HttpClient.newHttpClient();
    OAuthClient oauth =
        new OAuthClient(server.settings(), http, MutableClock.at("2026-11-25T00:00:00Z"));
    registration = new PartnerRegistration(oauth, http, Duration.ofSeconds(5));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void registersTheDomainWithAPartnerToken() throws Exception {
    server.answerRegistration(200, REGISTERED);

    PartnerRegistration.PartnerAccount account = registration.register("the-best-partner.com");

    assertThat(account.clientId()).isEqualTo("client-id");
    assertThat(account.domain()).isEqualTo("the-best-partner.com");
    assertThat(account.publicKeyHex()).startsWith("04b3ba29");
    var requests = server.received();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).form())
        .containsEntry("grant_type", "client_credentials")
        .containsEntry("audience", server.base().toString());
    assertThat(requests.get(1).method()).isEqualTo("POST");
    assertThat(requests.get(1).path()).isEqualTo("/api/1/partner_accounts");
    assertThat(requests.get(1).authorization()).isEqualTo("Bearer partner-1");
    assertThat(requests.get(1).body()).isEqualTo("{\"domain\":\"the-best-partner.com\"}");
  }

  @Test
  void notRegisteredInTheRegionIsExplained() {
    server.answerRegistration(
        412, "{\"response\":null,\"error\":\"Account must be registered in the current region\"}");

    assertThatThrownBy(() -> registration.register("app.example.com"))
        .isInstanceOfSatisfying(
            PartnerRegistrationException.class, e -> assertThat(e.httpStatus()).isEqualTo(412))
        .hasMessageContaining("must be registered in this region")
        .hasMessageContaining(server.base().toString());
  }

  @Test
  void wrongRegionNamesTheBaseUrlToUse() {
    server.answerRegistration(421, OUT_OF_REGION);

    assertThatThrownBy(() -> registration.register("app.example.com"))
        .isInstanceOf(PartnerRegistrationException.class)
        .hasMessageContaining("wrong region")
        .hasMessageContaining("https://fleet-api.prd.na.vn.cloud.tesla.com (region na)");
  }

  @Test
  void keyDownloadFailureSaysWhereTheKeyMustBe() {
    server.answerRegistration(424, "{\"response\":null,\"error\":\"Public key download failed\"}");

    assertThatThrownBy(() -> registration.register("app.example.com"))
        .isInstanceOf(PartnerRegistrationException.class)
        .hasMessageContaining(
            "https://app.example.com/.well-known/appspecific/com.tesla.3p.public-key.pem");
  }

  @Test
  void refusedClientCredentialsDoNotShowTheSecret() {
    server.failTokenRequests(401, "{\"error\":\"invalid_client\"}");

    assertThatThrownBy(() -> registration.register("app.example.com"))
        .isInstanceOf(PartnerRegistrationException.class)
        .hasMessageContaining("check the client id and client secret")
        .hasMessageNotContaining(OAuthFakeServer.CLIENT_SECRET);
    assertThat(server.received()).hasSize(1);
  }

  @Test
  void anOversizedAnswerIsRefusedAtTheCap() {
    server.answerRegistration(
        200, "{\"response\": {\"client_id\": \"" + "x".repeat(5 * 1024 * 1024) + "\"}}");

    assertThatThrownBy(() -> registration.register("the-best-partner.com"))
        .isInstanceOf(PartnerRegistrationException.class)
        .hasMessageContaining("exceeded 4194304 bytes");
  }

  @Test
  void aUrlIsNotADomain() {
    assertThatThrownBy(() -> registration.register("https://App.example.com/"))
        .isInstanceOf(PartnerRegistrationException.class)
        .hasMessageContaining("not a domain");
    assertThat(server.received()).isEmpty();
  }
}
