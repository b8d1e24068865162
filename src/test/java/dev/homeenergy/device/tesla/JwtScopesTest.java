package dev.homeenergy.device.tesla;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Scopes read from a token's claims; whatever does not read grants nothing. */
class JwtScopesTest {
  private static String token(String claims) {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    return base64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + base64.encodeToString(claims.getBytes(StandardCharsets.UTF_8))
        + ".signature";
  }

  @Test
  void anScpArrayGrantsExactlyItsEntries() {
    String token = token("{\"scp\":[\"openid\",\"vehicle_location\"]}");

    assertThat(JwtScopes.listsScopes(token)).isTrue();
    assertThat(JwtScopes.grants(token, "vehicle_location")).isTrue();
    assertThat(JwtScopes.grants(token, "vehicle")).isFalse();
  }

  @Test
  void aSpaceSeparatedScpOrScopeClaimGrantsWholeWordsOnly() {
    assertThat(JwtScopes.grants(token("{\"scp\":\"openid vehicle_location\"}"), "vehicle_location"))
        .isTrue();
    String scope = token("{\"scope\":\"openid vehicle_device_data\"}");
    assertThat(JwtScopes.listsScopes(scope)).isTrue();
    assertThat(JwtScopes.grants(scope, "vehicle_device_data")).isTrue();
    assertThat(JwtScopes.grants(scope, "vehicle_device")).isFalse();
  }

  @Test
  void aTokenWithoutReadableScopesGrantsNothing() {
    for (String token :
        new String[] {
          null, "", "opaque-token", "a.%%%.c", token("not json"), token("{\"sub\":\"me\"}")
        }) {
      assertThat(JwtScopes.listsScopes(token)).as(String.valueOf(token)).isFalse();
      assertThat(JwtScopes.grants(token, "openid")).as(String.valueOf(token)).isFalse();
    }
  }
}
