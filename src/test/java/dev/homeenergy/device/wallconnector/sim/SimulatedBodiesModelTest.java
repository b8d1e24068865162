package dev.homeenergy.device.wallconnector.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Number formatting of the rendered bodies, checked against values seen in real captures. */
class SimulatedBodiesModelTest {

  @Test
  void sessionEnergyPrintsLikeTheFirmwaresFloat() {
    assertThat(SimulatedBodies.sessionEnergy(0.0)).isEqualTo("0.000");
    assertThat(SimulatedBodies.sessionEnergy(110.1)).isEqualTo("110.100");
    assertThat(SimulatedBodies.sessionEnergy(49.43)).isEqualTo("49.400");
    assertThat(SimulatedBodies.sessionEnergy(25164.71)).isEqualTo("25164.699");
  }

  @Test
  void fixedDecimalsKeepTrailingZerosAndNegativeZero() {
    assertThat(SimulatedBodies.fixed(50.02, 3)).isEqualTo("50.020");
    assertThat(SimulatedBodies.fixed(232.0, 1)).isEqualTo("232.0");
    assertThat(SimulatedBodies.fixed(-0.04, 1)).isEqualTo("-0.0");
    assertThat(SimulatedBodies.fixed(5.75, 1)).isEqualTo("5.8");
  }
}
