package dev.homeenergy.device.sunpower;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.core.DeviceContext;
import dev.homeenergy.devicehttp.SharedHttp;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two PVSs on one host, read through one shared client, each keep their own session. */
class SunpowerSharedClientTest {
  private final SunpowerClientHarness harness = new SunpowerClientHarness();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private FakePvs first;
  private FakePvs second;

  @BeforeEach
  void start() throws Exception {
    first = FakePvs.locked();
    second = FakePvs.locked();
  }

  @AfterEach
  void stop() {
    first.close();
    second.close();
    threads.shutdownNow();
  }

  @Test
  void eachPvsKeepsTheSessionItsOwnLoginGot() throws Exception {
    SharedHttp http = new SharedHttp(threads);
    DeviceContext context = http.context(harness.clock, harness.visible.recorder(), null);
    SunpowerClient one = new SunpowerClient(harness.config(first.address(), Map.of()), context);
    SunpowerClient other = new SunpowerClient(harness.config(second.address(), Map.of()), context);

    for (int poll = 0; poll < 3; poll++) {
      assertThat(one.fetch().failures()).isEmpty();
      assertThat(other.fetch().failures()).isEmpty();
      harness.clock.advance(Duration.ofMinutes(2));
    }

    assertThat(http.liveClients()).isEqualTo(1);
    assertThat(first.logins()).isEqualTo(1);
    assertThat(second.logins()).isEqualTo(1);
    assertThat(first.sessions()).doesNotContainAnyElementsOf(second.sessions());
  }
}
