package dev.homeenergy.device.tesla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.config.Secret;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.BoundedBody;
import dev.homeenergy.devicehttp.DeviceJson;
import dev.homeenergy.devicehttp.FailureWords;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registers the app's domain with the Fleet API of one region ({@code POST /api/1/partner_accounts}
 * with a partner token), which Tesla requires once per region before any other call. Tesla then
 * downloads the public key from the domain.
 */
public final class PartnerRegistration {
  /** The scopes of the partner token used to register. */
  public static final String PARTNER_SCOPES = "openid vehicle_device_data vehicle_cmds";

  static final String REGISTER_PATH = "/api/1/partner_accounts";
  private static final Pattern BASE_URL = Pattern.compile("use base URL:\\s*(https://[^\\s,]+)");
  private static final Pattern DOMAIN =
      Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
  private static final ObjectMapper JSON = DeviceJson.mapper();

  /**
   * What Tesla registered.
   *
   * @param clientId the app's client id
   * @param domain the registered domain
   * @param publicKeyHex the public key Tesla downloaded, as uncompressed hex ({@code 04…})
   */
  public record PartnerAccount(String clientId, String domain, String publicKeyHex) {}

  private final OAuthClient oauth;
  private final HttpClient http;
  private final Duration timeout;

  public PartnerRegistration(OAuthClient oauth, HttpClient http, Duration timeout) {
    this.oauth = oauth;
    this.http = http;
    this.timeout = timeout;
  }

  /**
   * Registers {@code domain} in the region of the client's API base.
   *
   * @throws PartnerRegistrationException with a message for the user
   */
  public PartnerAccount register(String domain) throws PartnerRegistrationException {
    String wanted = domain == null ? "" : domain.strip();
    if (!DOMAIN.matcher(wanted).matches()) {
      throw new PartnerRegistrationException(
          "'"
              + wanted
              + "' is not a domain: give the bare, lowercase host name"
              + " of the app (e.g. example.com), without https:// or a path",
          0);
    }
    Secret token;
    try {
      token = oauth.partnerToken(PARTNER_SCOPES);
    } catch (PollException e) {
      throw new PartnerRegistrationException(
          "cannot get a partner token: " + e.getMessage(), e.httpStatus());
    }
    String apiBase = oauth.settings().apiBase().toString().replaceAll("/+$", "");
    URI uri = URI.create(apiBase + REGISTER_PATH);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .version(TeslaHttp.version(uri))
            .timeout(timeout)
            .header("Authorization", "Bearer " + token.reveal())
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    JSON.createObjectNode().put("domain", wanted).toString()))
            .build();
    HttpResponse<String> response;
    BoundedBody bounded = new BoundedBody(BoundedBody.DEFAULT_MAX_BYTES);
    try {
      response = http.send(request, bounded.handler());
    } catch (IOException e) {
      if (bounded.exceeded()) {
        throw new PartnerRegistrationException(
            "the answer of "
                + apiBase
                + " exceeded "
                + bounded.maxBytes()
                + " bytes; not a partner-account answer",
            0);
      }
      throw new PartnerRegistrationException(
          "cannot reach " + apiBase + ": " + FailureWords.connection(URI.create(apiBase), e), 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PartnerRegistrationException("interrupted while registering", 0);
    }
    JsonNode body = readJson(response.body());
    int status = response.statusCode();
    if (status / 100 == 2) {
      JsonNode account =
          body.has("response") && body.get("response").isObject() ? body.get("response") : body;
      return new PartnerAccount(
          account.path("client_id").asText(""),
          account.path("domain").asText(wanted),
          account.path("public_key").asText(""));
    }
    throw new PartnerRegistrationException(
        explain(status, body.path("error").asText(""), wanted, apiBase), status);
  }

  static String explain(int status, String error, String domain, String apiBase) {
    return switch (status) {
      case 412 ->
          "HTTP 412: the app must be registered in this region ("
              + apiBase
              + ") before it can call it;"
              + " run the registration for this region (once per region the app uses)";
      case 421 -> {
        Matcher matcher = BASE_URL.matcher(error);
        yield matcher.find()
            ? "HTTP 421: wrong region; this account belongs to "
                + matcher.group(1)
                + FleetRegion.ofBaseUrl(matcher.group(1))
                    .map(r -> " (region " + r.name().toLowerCase(Locale.ROOT) + ")")
                    .orElse("")
                + ": register and poll there"
            : "HTTP 421: wrong region for "
                + apiBase
                + "; use the base URL of the account's region";
      }
      case 424 ->
          "HTTP 424: Tesla could not download the public key; it must be served at "
              + FleetKeys.publicKeyUrl(domain)
              + " (the "
              + FleetKeys.PUBLIC_KEY_FILE
              + " written by the key generation)";
      case 401, 403 ->
          "HTTP "
              + status
              + ": the partner token was refused; check the client id and client secret";
      default ->
          "HTTP " + status + (error.isBlank() ? "" : ": " + error.replaceAll("[^\\p{Print}]", ""));
    };
  }

  private static JsonNode readJson(String body) {
    try {
      JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
      return node != null && node.isObject() ? node : JSON.createObjectNode();
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
