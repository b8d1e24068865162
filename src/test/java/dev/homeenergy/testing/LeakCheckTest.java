package dev.homeenergy.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class LeakCheckTest {
  private static final String SECRET = "pw-Secret/7f3K+q9xL";

  private LeakCheck seeing(String text) {
    LeakCheck check = new LeakCheck();
    check.secret("password", SECRET);
    check.saw("page", text);
    return check;
  }

  @Test
  void findsTheSecretAsIsAndFormEncoded() {
    assertThat(seeing("login failed for " + SECRET).leaks())
        .singleElement()
        .asString()
        .contains("(as is)");
    assertThat(seeing("password=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8)).leaks())
        .singleElement()
        .asString()
        .contains("(form-encoded)");
  }

  @Test
  void findsTheSecretBase64EncodedAtAnyOffset() {
    for (String prefix : new String[] {"", "a:", "ab:", "abc:"}) {
      String basic =
          Base64.getEncoder()
              .encodeToString((prefix + SECRET + "!").getBytes(StandardCharsets.UTF_8));
      assertThat(seeing("Authorization: Basic " + basic).leaks()).as(prefix).isNotEmpty();
      String url =
          Base64.getUrlEncoder().encodeToString((prefix + SECRET).getBytes(StandardCharsets.UTF_8));
      assertThat(seeing("cookie=" + url).leaks()).as(prefix).isNotEmpty();
    }
  }

  @Test
  void ignoresOtherTextAndBlanksPublicValues() {
    assertThat(seeing("login failed: HTTP 401").leaks()).isEmpty();
    LeakCheck check = new LeakCheck();
    check.secret("PVS password", "Q7xZ9");
    check.publicValue("ZT0123456789ABCDQ7xZ9");
    check.saw("metrics", "pvs_info{serial=\"ZT0123456789ABCDQ7xZ9\"} 1");
    assertThat(check.leaks()).isEmpty();
    check.saw("log", "logging in with Q7xZ9");
    assertThat(check.leaks()).hasSize(1);
  }
}
