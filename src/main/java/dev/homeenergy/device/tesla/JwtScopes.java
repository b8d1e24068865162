package dev.homeenergy.device.tesla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.homeenergy.devicehttp.DeviceJson;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Reads the granted scopes from a Fleet API access token (a JWT whose {@code scp} claim lists
 * them), so the client asks for {@code location_data} only when the user granted {@code
 * vehicle_location}. The token is never logged; an unreadable token grants nothing.
 */
final class JwtScopes {
  private static final ObjectMapper JSON = DeviceJson.mapper();

  private JwtScopes() {}

  /** True when the token is a JWT whose claims list its scopes, so {@link #grants} can tell. */
  static boolean listsScopes(String token) {
    JsonNode claims = claims(token);
    return claims.has("scp") || claims.has("scope");
  }

  static boolean grants(String token, String scope) {
    JsonNode claims = claims(token);
    JsonNode scp = claims.path("scp");
    if (scp.isArray()) {
      for (JsonNode granted : scp) {
        if (granted.asText().equals(scope)) {
          return true;
        }
      }
      return false;
    }
    String scopes = scp.isTextual() ? scp.asText() : claims.path("scope").asText("");
    return (" " + scopes + " ").contains(" " + scope + " ");
  }

  /** The token's claims; a missing node when it is not a JWT or they do not read. */
  private static JsonNode claims(String token) {
    String[] parts = token == null ? new String[0] : token.split("\\.");
    if (parts.length < 2) {
      return MissingNode.getInstance();
    }
    try {
      JsonNode claims =
          JSON.readTree(
              new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      return claims == null ? MissingNode.getInstance() : claims;
    } catch (IllegalArgumentException | java.io.IOException e) {
      return MissingNode.getInstance();
    }
  }
}
