package dev.homeenergy.device.tesla;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    String[] parts = token == null ? new String[0] : token.split("\\.");
    if (parts.length < 2) {
      return false;
    }
    try {
      JsonNode claims =
          JSON.readTree(
              new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
      return claims.has("scp") || claims.has("scope");
    } catch (IllegalArgumentException | java.io.IOException e) {
      return false;
    }
  }

  static boolean grants(String token, String scope) {
    String[] parts = token == null ? new String[0] : token.split("\\.");
    if (parts.length < 2) {
      return false;
    }
    try {
      JsonNode claims =
          JSON.readTree(
              new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
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
    } catch (IllegalArgumentException | java.io.IOException e) {
      return false;
    }
  }
}
