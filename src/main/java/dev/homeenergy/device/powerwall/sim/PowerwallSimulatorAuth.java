package dev.homeenergy.device.powerwall.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import dev.homeenergy.simulator.SimulatorResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gateway's customer login: {@code POST /api/login/Basic} with a JSON or form-encoded body,
 * tokens valid for a simulated lifetime, and the login rate limit that answers 429 for a cool-down
 * once too many logins failed within a window. Thread-safe.
 */
final class PowerwallSimulatorAuth {
  private static final String FORM = "application/x-www-form-urlencoded";
  private static final int TOKEN_BYTES = 64;

  private final Clock clock;
  private final PowerwallSimulatorSettings settings;
  private final PowerwallSimulatorBodies bodies;
  private final ObjectMapper mapper = new ObjectMapper();
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Instant> tokenExpiry = new HashMap<>();
  private final Set<String> issued = new LinkedHashSet<>();
  private final Deque<Instant> failures = new ArrayDeque<>();

  private String password;
  private Instant lockedUntil = Instant.MIN;
  private long loginAttempts;
  private long successfulLogins;

  PowerwallSimulatorAuth(
      Clock clock, PowerwallSimulatorSettings settings, PowerwallSimulatorBodies bodies) {
    this.clock = clock;
    this.settings = settings;
    this.bodies = bodies;
    this.password = settings.password();
  }

  synchronized void setPassword(String newPassword) {
    this.password = newPassword;
  }

  synchronized long loginAttempts() {
    return loginAttempts;
  }

  synchronized long successfulLogins() {
    return successfulLogins;
  }

  synchronized Set<String> issuedTokens() {
    return Set.copyOf(issued);
  }

  /** Ends every session at once, as a gateway reboot or password change would. */
  synchronized void expireTokens() {
    tokenExpiry.clear();
  }

  synchronized SimulatorResponse login(String contentType, String body) {
    loginAttempts++;
    Instant now = clock.instant();
    if (now.isBefore(lockedUntil)) {
      return SimulatorResponse.json(
          429, bodies.error(429, "Api Limit reached for this endpoint", "API Limit Reached"));
    }
    Map<String, String> fields = parse(contentType, body);
    if (!"customer".equals(fields.get("username")) || !password.equals(fields.get("password"))) {
      failures.addLast(now);
      while (!failures.isEmpty()
          && !failures.peekFirst().isAfter(now.minus(settings.failedLoginWindow()))) {
        failures.removeFirst();
      }
      if (failures.size() >= settings.failedLoginLimit()) {
        failures.clear();
        lockedUntil = now.plus(settings.loginCooldown());
      }
      return SimulatorResponse.json(401, bodies.error(401, "bad credentials", "Login Error"));
    }
    successfulLogins++;
    String token = newToken();
    tokenExpiry.put(token, now.plus(settings.tokenLifetime()));
    issued.add(token);
    String email = fields.getOrDefault("email", "");
    String loginBody =
        bodies.login(
            email,
            token,
            PowerwallSimulatorJson.fixedFraction(now, random.nextInt(1_000_000_000), 7));
    String userRecord =
        Base64.getEncoder().encodeToString(loginBody.getBytes(StandardCharsets.UTF_8));
    return SimulatorResponse.json(loginBody)
        .withHeader(
            "Set-Cookie",
            List.of("AuthCookie=" + token + "; Path=/", "UserRecord=" + userRecord + "; Path=/"));
  }

  /** Whether the request carries a live token as {@code AuthCookie} cookie or bearer token. */
  synchronized boolean authorized(Headers headers) {
    String token = token(headers);
    if (token == null) {
      return false;
    }
    Instant expiry = tokenExpiry.get(token);
    if (expiry == null) {
      return false;
    }
    if (!clock.instant().isBefore(expiry)) {
      tokenExpiry.remove(token);
      return false;
    }
    return true;
  }

  /** Invalidates the request's token ({@code GET /api/logout}). */
  synchronized void logout(Headers headers) {
    String token = token(headers);
    if (token != null) {
      tokenExpiry.remove(token);
    }
  }

  private static String token(Headers headers) {
    String authorization = headers.getFirst("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return authorization.substring(7).trim();
    }
    for (String cookieHeader : headers.getOrDefault("Cookie", List.of())) {
      for (String cookie : cookieHeader.split(";")) {
        String trimmed = cookie.trim();
        if (trimmed.startsWith("AuthCookie=")) {
          return trimmed.substring("AuthCookie=".length());
        }
      }
    }
    return null;
  }

  private Map<String, String> parse(String contentType, String body) {
    boolean form = contentType != null && contentType.toLowerCase().startsWith(FORM);
    if (!form && body.stripLeading().startsWith("{")) {
      return parseJson(body);
    }
    Map<String, String> fields = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        fields.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return fields;
  }

  private Map<String, String> parseJson(String body) {
    Map<String, String> fields = new HashMap<>();
    try {
      JsonNode node = mapper.readTree(body);
      if (node != null && node.isObject()) {
        node.fields()
            .forEachRemaining(
                e -> {
                  if (e.getValue().isValueNode()) {
                    fields.put(e.getKey(), e.getValue().asText());
                  }
                });
      }
    } catch (IOException malformed) {
      // An unreadable body carries no credentials: a failed login.
    }
    return fields;
  }

  private String newToken() {
    byte[] bytes = new byte[TOKEN_BYTES];
    random.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
