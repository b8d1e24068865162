package dev.homeenergy.devicehttp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeenergy.core.DeviceContext;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class SharedHttpTest {
  @Test
  void devicesWithTheSameConnectTimeoutShareOneClientOnTheSharedThreads() {
    ExecutorService threads = Executors.newCachedThreadPool();
    try {
      SharedHttp http = new SharedHttp(threads);
      HttpClient first = http.plainClient(Duration.ofSeconds(5));

      assertThat(http.plainClient(Duration.ofSeconds(5))).isSameAs(first);
      assertThat(http.plainClient(Duration.ofSeconds(3))).isNotSameAs(first);
      assertThat(first.executor()).contains(threads);
      assertThat(first.connectTimeout()).contains(Duration.ofSeconds(5));
      assertThat(first.followRedirects()).isEqualTo(HttpClient.Redirect.NEVER);
      assertThat(first.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void contextsOfTheirOwnDoNotShare() {
    DeviceContext one = SharedHttp.unshared(java.time.Clock.systemUTC(), record -> {}, null);
    DeviceContext other = SharedHttp.unshared(java.time.Clock.systemUTC(), record -> {}, null);

    assertThat(one.plainClient(Duration.ofSeconds(5)))
        .isNotSameAs(other.plainClient(Duration.ofSeconds(5)));
    assertThat(one.httpExecutor()).isNull();
  }
}
