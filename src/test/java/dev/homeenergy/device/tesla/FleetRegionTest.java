package dev.homeenergy.device.tesla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FleetRegionTest {

  @Test
  void regionsCarryTeslasBaseUrls() {
    assertThat(FleetRegion.NA.apiBase()).hasToString("https://fleet-api.prd.na.vn.cloud.tesla.com");
    assertThat(FleetRegion.EU.apiBase()).hasToString("https://fleet-api.prd.eu.vn.cloud.tesla.com");
    assertThat(FleetRegion.CN.apiBase()).hasToString("https://fleet-api.prd.cn.vn.cloud.tesla.cn");
    assertThat(FleetRegion.DEFAULT_AUTH_BASE).hasToString("https://auth.tesla.com");
    assertThat(FleetRegion.DEFAULT_TOKEN_BASE)
        .hasToString("https://fleet-auth.prd.vn.cloud.tesla.com");
  }

  @Test
  void configAcceptsNamesInAnyCaseAndBaseUrls() {
    assertThat(FleetRegion.fromConfig("eu")).isEqualTo(FleetRegion.EU);
    assertThat(FleetRegion.fromConfig(" NA ")).isEqualTo(FleetRegion.NA);
    assertThat(FleetRegion.fromConfig("https://fleet-api.prd.cn.vn.cloud.tesla.cn/"))
        .isEqualTo(FleetRegion.CN);
    assertThat(FleetRegion.ofBaseUrl("https://fleet-api.prd.na.vn.cloud.tesla.com"))
        .contains(FleetRegion.NA);
  }

  @Test
  void unknownRegionNamesTheAcceptedOnes() {
    assertThatThrownBy(() -> FleetRegion.fromConfig("us"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'us'")
        .hasMessageContaining("na, eu, cn");
  }
}
