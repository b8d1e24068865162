package dev.homeenergy.core;

import static org.assertj.core.api.Assertions.assertThat;

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
    DeviceContext one = new DeviceContext(java.time.Clock.systemUTC(), record -> { });
    DeviceContext other = new DeviceContext(java.time.Clock.systemUTC(), record -> { });

    assertThat(one.http().plainClient(Duration.ofSeconds(5))).isNotSameAs(other.http().plainClient(Duration.ofSeconds(5)));
    assertThat(one.http().executor()).isNull();
  }
}
