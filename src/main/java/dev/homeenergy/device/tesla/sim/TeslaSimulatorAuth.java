package dev.homeenergy.device.tesla.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.homeenergy.simulator.SimulatorResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The auth-server part of the Tesla simulator: {@code /oauth2/v3/authorize} approves at once and
 * redirects with a code; {@code /oauth2/v3/token} serves the {@code authorization_code}, {@code
 * refresh_token} and {@code client_credentials} grants. Codes live 10 minutes and are single-use;
 * refresh tokens are single-use (a reused one answers 400 {@code invalid_grant}) and every refresh
 * returns a new one; older access tokens stay valid until they expire. Access tokens are unsigned
 * JWT look-alikes carrying {@code scp}, {@code exp} and {@code ou_code}.
 */
public final class TeslaSimulatorAuth {
  public static final String AUTHORIZE_PATH = "/oauth2/v3/authorize";
  public static final String TOKEN_PATH = "/oauth2/v3/token";
  private static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
  private static final Duration REFRESH_LIFETIME = Duration.ofDays(90);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Who a token acts for and what it may do. */
  public record Grant(boolean partner, Set<String> scopes, Instant expiresAt) {
    public Grant {
      scopes = Set.copyOf(scopes);
    }

    public boolean has(String scope) {
      return scopes.contains(scope);
    }
  }

  /** Outcome of checking a bearer token: the grant, or the 401 to answer. */
  public record Check(Grant grant, SimulatorResponse rejection) {}

  private record PendingCode(Set<String> scopes, String redirectUri, Instant expiresAt) {}

  private record RefreshGrant(Set<String> scopes, Instant expiresAt) {}

  private final Clock clock;
  private final TeslaSimulatorSettings settings;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, PendingCode> codes = new ConcurrentHashMap<>();
  private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
  private final Set<String> usedRefreshTokens = ConcurrentHashMap.newKeySet();
  private final Map<String, Grant> accessTokens = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> tokenRequests = new ConcurrentHashMap<>();
  private final Set<String> issued = ConcurrentHashMap.newKeySet();

  public TeslaSimulatorAuth(Clock clock, TeslaSimulatorSettings settings) {
    this.clock = clock;
    this.settings = settings;
  }

  /** {@code GET /oauth2/v3/authorize}: 302 to {@code redirect_uri?code=…&state=…}, or 400. */
  public SimulatorResponse authorize(Map<String, String> query) {
    String redirectUri = query.get("redirect_uri");
    if (!"code".equals(query.get("response_type"))
        || redirectUri == null
        || query.get("state") == null) {
      return error(
          400, "invalid_request", "response_type=code, redirect_uri and state are required");
    }
    if (!settings.clientId().equals(query.get("client_id"))) {
      return error(400, "unauthorized_client", "unknown client_id");
    }
    String code = settings.accountRegion().toUpperCase() + "_" + randomHex(24);
    codes.put(
        code,
        new PendingCode(
            scopes(query.get("scope")), redirectUri, clock.instant().plus(CODE_LIFETIME)));
    String location =
        redirectUri
            + (redirectUri.contains("?") ? "&" : "?")
            + "code="
            + encode(code)
            + "&state="
            + encode(query.get("state"));
    return new SimulatorResponse(
        302, SimulatorResponse.HTML, "", Map.of("Location", List.of(location)));
  }

  /** {@code POST /oauth2/v3/token} with the (form or JSON) parameters. */
  public SimulatorResponse token(Map<String, String> params) {
    String grantType = params.getOrDefault("grant_type", "");
    tokenRequests.computeIfAbsent(grantType, g -> new AtomicLong()).incrementAndGet();
    if (!settings.clientId().equals(params.get("client_id"))) {
      return error(401, "invalid_client", "unknown client_id");
    }
    return switch (grantType) {
      case "authorization_code" -> exchangeCode(params);
      case "refresh_token" -> refresh(params.get("refresh_token"));
      case "client_credentials" -> clientCredentials(params);
      default ->
          error(400, "unsupported_grant_type", "grant_type '" + grantType + "' is not supported");
    };
  }

  /** Checks an {@code Authorization} header value. */
  public Check check(String authorization) {
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return new Check(null, FleetSimulatorBodies.error(401, "invalid bearer token"));
    }
    Grant grant = accessTokens.get(authorization.substring("Bearer ".length()).trim());
    if (grant == null) {
      return new Check(null, FleetSimulatorBodies.error(401, "invalid bearer token"));
    }
    if (!clock.instant().isBefore(grant.expiresAt())) {
      return new Check(null, FleetSimulatorBodies.error(401, "token expired (401)"));
    }
    return new Check(grant, null);
  }

  /** Every access, refresh and id token it has handed out. */
  public Set<String> issuedTokens() {
    return Set.copyOf(issued);
  }

  /** Token requests received for {@code grantType}, whatever their outcome. */
  public long tokenRequests(String grantType) {
    AtomicLong count = tokenRequests.get(grantType);
    return count == null ? 0 : count.get();
  }

  private SimulatorResponse exchangeCode(Map<String, String> params) {
    if (!settings.clientSecret().equals(params.get("client_secret"))) {
      return error(401, "invalid_client", "client authentication failed");
    }
    String code = params.get("code");
    PendingCode pending = code == null ? null : codes.remove(code);
    if (pending == null || !clock.instant().isBefore(pending.expiresAt())) {
      return error(
          400, "invalid_auth_code", "authorization code is invalid, expired or already used");
    }
    if (params.get("redirect_uri") != null
        && !params.get("redirect_uri").equals(pending.redirectUri())) {
      return error(
          400, "invalid_redirect_url", "redirect_uri does not match the authorization request");
    }
    return issue(pending.scopes(), false, params.get("state"));
  }

  private SimulatorResponse refresh(String refreshToken) {
    RefreshGrant grant = refreshToken == null ? null : refreshTokens.remove(refreshToken);
    if (grant == null) {
      String why =
          refreshToken != null && usedRefreshTokens.contains(refreshToken)
              ? "refresh token has already been used"
              : "refresh token is invalid";
      return error(400, "invalid_grant", why);
    }
    usedRefreshTokens.add(refreshToken);
    if (!clock.instant().isBefore(grant.expiresAt())) {
      return error(400, "invalid_grant", "refresh token has expired");
    }
    return issue(grant.scopes(), false, null);
  }

  private SimulatorResponse clientCredentials(Map<String, String> params) {
    if (!settings.clientSecret().equals(params.get("client_secret"))) {
      return error(401, "invalid_client", "client authentication failed");
    }
    return issue(scopes(params.get("scope")), true, null);
  }

  private SimulatorResponse issue(Set<String> scopes, boolean partner, String state) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(settings.accessTokenLifetime());
    String accessToken = jwt(scopes, now, expiresAt, partner);
    accessTokens.put(accessToken, new Grant(partner, scopes, expiresAt));
    issued.add(accessToken);
    ObjectNode body = JSON.createObjectNode();
    body.put("access_token", accessToken);
    if (!partner && scopes.contains("offline_access")) {
      String refreshToken = settings.accountRegion().toUpperCase() + "_" + randomHex(32);
      refreshTokens.put(refreshToken, new RefreshGrant(scopes, now.plus(REFRESH_LIFETIME)));
      issued.add(refreshToken);
      body.put("refresh_token", refreshToken);
    }
    if (!partner && scopes.contains("openid")) {
      String idToken = jwt(Set.of("openid"), now, expiresAt, false);
      issued.add(idToken);
      body.put("id_token", idToken);
    }
    body.put("expires_in", settings.accessTokenLifetime().toSeconds());
    if (state != null) {
      body.put("state", state);
    }
    body.put("token_type", "Bearer");
    return SimulatorResponse.json(body.toString());
  }

  private String jwt(Set<String> scopes, Instant issuedAt, Instant expiresAt, boolean partner) {
    ObjectNode payload = JSON.createObjectNode();
    payload.put("iss", "https://fleet-auth.prd.vn.cloud.tesla.com/oauth2/v3/nts");
    payload.put("sub", partner ? "partner-" + settings.clientId() : "simulated-user");
    payload.putArray("aud").add(TeslaSimulatorSettings.fleetBaseUrl(settings.accountRegion()));
    ArrayNode scp = payload.putArray("scp");
    scopes.stream().sorted().forEach(scp::add);
    payload.put("iat", issuedAt.getEpochSecond());
    payload.put("exp", expiresAt.getEpochSecond());
    payload.put("ou_code", settings.accountRegion().toUpperCase());
    payload.put("jti", randomHex(16));
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    return base64.encodeToString(
            "{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + base64.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8))
        + ".simulated";
  }

  private static Set<String> scopes(String scope) {
    if (scope == null || scope.isBlank()) {
      return Set.of();
    }
    return Set.copyOf(Arrays.asList(scope.trim().split("[\\s+]+")));
  }

  private static SimulatorResponse error(int status, String error, String description) {
    ObjectNode body = JSON.createObjectNode();
    body.put("error", error);
    body.put("error_description", description);
    return SimulatorResponse.json(status, body.toString());
  }

  private String randomHex(int bytes) {
    byte[] value = new byte[bytes];
    random.nextBytes(value);
    return HexFormat.of().formatHex(value);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
