package dev.homeenergy.device.tesla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.homeenergy.config.Secret;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.BoundedBody;
import dev.homeenergy.devicehttp.DeviceJson;
import dev.homeenergy.devicehttp.FailureWords;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Tesla's OAuth 2 endpoints for a Fleet API app: the sign-in URL, the redirect the user pastes
 * back, the code exchange, refreshes (which rotate the single-use refresh token) and partner
 * (client-credentials) tokens. Bodies are form-encoded as Tesla documents. No token or secret
 * appears in any message this class produces.
 */
public final class OAuthClient {
  /** What the user runs when the refresh token is gone or rejected. */
  public static final String SIGN_IN_AGAIN =
      "sign in again with `home-energy-exporter tesla login`";

  static final String TOKEN_PATH = "/oauth2/v3/token";
  static final String AUTHORIZE_PATH = "/oauth2/v3/authorize";
  private static final Duration DEFAULT_EXPIRES_IN = Duration.ofHours(1);
  private static final ObjectMapper JSON = DeviceJson.mapper();

  /**
   * Where and as whom to sign in.
   *
   * @param authBase the sign-in host, normally {@link FleetRegion#DEFAULT_AUTH_BASE}
   * @param tokenBase the token host, normally {@link FleetRegion#DEFAULT_TOKEN_BASE}
   * @param apiBase the Fleet API base URL, sent as the token {@code audience}
   * @param clientId the app's client id
   * @param clientSecret the app's client secret
   * @param redirectUri the redirect URI registered for the app, exactly
   * @param scopes space-separated scopes; include {@code openid offline_access} for a refresh token
   * @param timeout the limit for one token request
   */
  public record Settings(
      URI authBase,
      URI tokenBase,
      URI apiBase,
      String clientId,
      Secret clientSecret,
      String redirectUri,
      String scopes,
      Duration timeout) {
    public Settings {
      Objects.requireNonNull(authBase, "authBase");
      Objects.requireNonNull(tokenBase, "tokenBase");
      Objects.requireNonNull(apiBase, "apiBase");
      Objects.requireNonNull(clientId, "clientId");
      Objects.requireNonNull(clientSecret, "clientSecret");
      Objects.requireNonNull(redirectUri, "redirectUri");
      Objects.requireNonNull(scopes, "scopes");
      Objects.requireNonNull(timeout, "timeout");
    }
  }

  /**
   * A sign-in URL for the user's browser and the random state the redirect must carry back.
   *
   * @param url the URL to open
   * @param state the value the pasted redirect must carry
   */
  public record AuthorizationRequest(URI url, String state) {}

  private final Settings settings;
  private final HttpClient http;
  private final Clock clock;
  private final SecureRandom random;

  public OAuthClient(Settings settings, HttpClient http, Clock clock) {
    this(settings, http, clock, new SecureRandom());
  }

  OAuthClient(Settings settings, HttpClient http, Clock clock, SecureRandom random) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
    this.random = random;
  }

  public Settings settings() {
    return settings;
  }

  /** A new sign-in URL with a fresh random {@code state}. */
  public AuthorizationRequest authorizationRequest() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Map<String, String> query = new LinkedHashMap<>();
    query.put("response_type", "code");
    query.put("client_id", settings.clientId());
    query.put("redirect_uri", settings.redirectUri());
    query.put("scope", settings.scopes());
    query.put("state", state);
    return new AuthorizationRequest(
        URI.create(strip(settings.authBase()) + AUTHORIZE_PATH + "?" + form(query)), state);
  }

  /**
   * The authorization code in the redirect URL the user pasted back.
   *
   * @throws IllegalArgumentException with a message for the user when the URL carries an error, no
   *     code, or a state other than {@code expectedState}
   */
  public static Secret codeFromRedirect(String pastedUrl, String expectedState) {
    String text = pastedUrl == null ? "" : pastedUrl.strip();
    int question = text.indexOf('?');
    if (question < 0) {
      throw new IllegalArgumentException(
          "that is not the redirect URL: paste the whole address the browser shows after signing in"
              + " (it contains ?code=...)");
    }
    String query = text.substring(question + 1);
    int hash = query.indexOf('#');
    Map<String, String> parameters = parseQuery(hash < 0 ? query : query.substring(0, hash));
    if (parameters.containsKey("error")) {
      String description = parameters.getOrDefault("error_description", "");
      throw new IllegalArgumentException(
          "Tesla refused the sign-in: "
              + printable(parameters.get("error"))
              + (description.isBlank() ? "" : " (" + printable(description) + ")"));
    }
    String code = parameters.get("code");
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException(
          "the pasted URL has no code parameter: paste the whole redirect URL");
    }
    if (!Objects.equals(parameters.get("state"), expectedState)) {
      throw new IllegalArgumentException(
          "the pasted URL does not belong to this sign-in (its state does not match):"
              + " open the sign-in URL printed by this run and paste the redirect it leads to");
    }
    return new Secret(code);
  }

  /** Exchanges the authorization code for the user's first tokens. */
  public TeslaTokens exchangeCode(Secret code) throws PollException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("client_id", settings.clientId());
    form.put("client_secret", settings.clientSecret().reveal());
    form.put("code", code.reveal());
    form.put("audience", strip(settings.apiBase()));
    form.put("redirect_uri", settings.redirectUri());
    return tokens(post("code exchange", form), null);
  }

  /** Receives tokens the moment they are parsed from Tesla's answer, before anything else. */
  @FunctionalInterface
  public interface TokenSaver {
    void save(TeslaTokens tokens) throws PollException;
  }

  /**
   * Trades {@code refreshToken} (single-use) for new tokens. The answer carries the rotated refresh
   * token; the old one must not be used again.
   */
  public TeslaTokens refresh(Secret refreshToken) throws PollException {
    return refresh(refreshToken, tokens -> {});
  }

  /**
   * Like {@link #refresh(Secret)}, handing the new tokens to {@code saveFirst} as soon as the
   * answer is parsed: the rotated refresh token is the only one Tesla now accepts, so it is
   * persisted before this method does or returns anything else.
   */
  public TeslaTokens refresh(Secret refreshToken, TokenSaver saveFirst) throws PollException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "refresh_token");
    form.put("client_id", settings.clientId());
    form.put("client_secret", settings.clientSecret().reveal());
    form.put("refresh_token", refreshToken.reveal());
    form.put("audience", strip(settings.apiBase()));
    TeslaTokens renewed = tokens(post("token refresh", form), refreshToken);
    saveFirst.save(renewed);
    return renewed;
  }

  /** A partner token (client credentials) for partner endpoints such as registration. */
  public Secret partnerToken(String scopes) throws PollException {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "client_credentials");
    form.put("client_id", settings.clientId());
    form.put("client_secret", settings.clientSecret().reveal());
    form.put("scope", scopes);
    form.put("audience", strip(settings.apiBase()));
    JsonNode body = post("partner token", form);
    String access = body.path("access_token").asText("");
    if (access.isEmpty()) {
      throw new PollException(FailureReason.PARSE, "partner token: the answer has no access_token");
    }
    return new Secret(access);
  }

  private TeslaTokens tokens(JsonNode body, Secret previousRefresh) throws PollException {
    String access = body.path("access_token").asText("");
    String refresh = body.path("refresh_token").asText("");
    if (access.isEmpty()) {
      throw new PollException(
          FailureReason.PARSE, "Tesla token endpoint: the answer has no access_token");
    }
    if (refresh.isEmpty()) {
      if (previousRefresh == null) {
        throw new PollException(
            FailureReason.PARSE,
            "Tesla token endpoint: the answer has no refresh_token (is offline_access among the scopes?)");
      }
      refresh = previousRefresh.reveal();
    }
    Instant now = clock.instant();
    long expiresIn = body.path("expires_in").asLong(DEFAULT_EXPIRES_IN.toSeconds());
    return new TeslaTokens(
        new Secret(access),
        new Secret(refresh),
        now.plusSeconds(expiresIn),
        body.path("token_type").asText("Bearer"),
        now);
  }

  private JsonNode post(String what, Map<String, String> form) throws PollException {
    URI uri = URI.create(strip(settings.tokenBase()) + TOKEN_PATH);
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .version(TeslaHttp.version(uri))
            .timeout(settings.timeout())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form(form)))
            .build();
    BoundedBody bounded = new BoundedBody(BoundedBody.DEFAULT_MAX_BYTES);
    HttpResponse<String> response;
    try {
      response = http.send(request, bounded.handler());
    } catch (HttpTimeoutException e) {
      throw new PollException(
          FailureReason.TIMEOUT,
          what + ": no answer from " + uri + " within " + settings.timeout().toMillis() + " ms");
    } catch (ConnectException e) {
      throw new PollException(FailureReason.CONNECT, what + ": " + FailureWords.connection(uri, e));
    } catch (IOException e) {
      if (bounded.exceeded()) {
        throw new PollException(
            FailureReason.PARSE,
            what
                + ": the answer from "
                + uri
                + " exceeded "
                + BoundedBody.DEFAULT_MAX_BYTES
                + " bytes");
      }
      throw new PollException(FailureReason.CONNECT, what + ": " + FailureWords.connection(uri, e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PollException(FailureReason.TIMEOUT, what + ": interrupted");
    }
    int status = response.statusCode();
    JsonNode body = readJson(response.body());
    if (status / 100 == 2) {
      if (body == null) {
        throw new PollException(FailureReason.PARSE, what + ": the answer is not a JSON object");
      }
      return body;
    }
    throw failure(what, status, body == null ? "" : body.path("error").asText(""));
  }

  private static PollException failure(String what, int status, String error) {
    String code = error.isEmpty() ? "" : " " + printable(error);
    if (status == 400 || status == 401 || status == 403) {
      String hint =
          switch (error) {
            case "invalid_grant", "invalid_auth_code", "login_required", "" -> SIGN_IN_AGAIN;
            case "invalid_client", "unauthorized_client" -> "check the client id and client secret";
            case "invalid_redirect_url", "invalid_redirect_uri" ->
                "the redirect URI must match the app's registered one exactly";
            default -> SIGN_IN_AGAIN;
          };
      return new PollException(
          FailureReason.AUTH, what + ": HTTP " + status + code + ": " + hint, status);
    }
    if (status == 429) {
      return new PollException(
          FailureReason.RATE_LIMITED, what + ": HTTP 429 (rate limited)", status);
    }
    return new PollException(FailureReason.HTTP_STATUS, what + ": HTTP " + status + code, status);
  }

  private static JsonNode readJson(String body) {
    try {
      JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Keeps an error code printable and short; error codes are enums, never tokens. */
  private static String printable(String text) {
    String cleaned = text.replaceAll("[^\\p{Alnum} ._:,'()-]", "");
    return cleaned.length() > 120 ? cleaned.substring(0, 120) + "…" : cleaned;
  }

  private static String strip(URI base) {
    return base.toString().replaceAll("/+$", "");
  }

  static String form(Map<String, String> fields) {
    return fields.entrySet().stream()
        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
  }

  static Map<String, String> parseQuery(String query) {
    Map<String, String> parameters = new HashMap<>();
    for (String pair : query.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = decode(equals < 0 ? pair : pair.substring(0, equals));
      String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
      parameters.putIfAbsent(name, value);
    }
    return parameters;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
