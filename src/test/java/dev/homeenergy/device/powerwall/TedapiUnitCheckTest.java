package dev.homeenergy.device.powerwall;

import static dev.homeenergy.device.powerwall.TedapiMappingTest.PW3;
import static dev.homeenergy.device.powerwall.TedapiMappingTest.capture;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How a Powerwall 3's components answer is checked against the unit it was asked of. */
class TedapiUnitCheckTest {
  private static final String FOLLOWER = "1707000-30-L--TG12520300FW1";
  private static final List<String> UNITS = List.of(PW3, FOLLOWER);
  private final JsonNode leaderAnswer = capture("pw3_components");

  @Test
  void theConfigGivesEachExpansionPackToItsUnit() {
    assertThat(TedapiParser.expansionOwners(capture("pw3_config")))
        .containsExactly(Map.entry("TG125214002DF3", PW3), Map.entry("TG1252580009ZX", PW3));
  }

  @Test
  void theLeadersOwnAnswerIsAboutItself() {
    Map<String, String> owners = TedapiParser.expansionOwners(capture("pw3_config"));

    assertThat(TedapiClient.otherUnit(PW3, PW3, leaderAnswer, UNITS, owners)).isNull();
    assertThat(TedapiClient.otherUnit(PW3, "", leaderAnswer, UNITS, owners)).isNull();
  }

  @Test
  void anAnswerNamingTheLeadersPacksIsNotAboutTheFollower() {
    Map<String, String> owners = TedapiParser.expansionOwners(capture("pw3_config"));

    assertThat(TedapiClient.otherUnit(FOLLOWER, "", leaderAnswer, UNITS, owners))
        .isEqualTo("its pack TG125214002DF3 belongs to " + PW3);
  }

  @Test
  void anAnswerSentByAnotherUnitOfTheSiteIsNotAboutThisOne() {
    assertThat(TedapiClient.otherUnit(FOLLOWER, PW3, leaderAnswer, UNITS, Map.of()))
        .isEqualTo("it comes from " + PW3);
  }

  @Test
  void aSenderOutsideTheSitesUnitsProvesNothing() {
    assertThat(
            TedapiClient.otherUnit(
                FOLLOWER, "1232100-00-E--TG123456789012", leaderAnswer, UNITS, Map.of()))
        .isNull();
  }

  @Test
  void dinSerialsAreReadWithEitherSeparator() {
    assertThat(TedapiParser.serialOf("1807000-20-B--TG125214002DF3")).isEqualTo("TG125214002DF3");
    assertThat(TedapiParser.serialOf("2012170-25-E#TG123")).isEqualTo("TG123");
    assertThat(TedapiParser.serialOf("1807000-20-B--")).isNull();
  }
}
