package dev.homeenergy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExchangeThreadsTest {
  private static final Duration DEADLINE = Duration.ofMillis(300);

  private ServerSocketChannel listener;
  private final List<SocketChannel> channels = new ArrayList<>();
  private ExchangeThreads threads;

  @BeforeEach
  void listen() throws IOException {
    listener = ServerSocketChannel.open().bind(new InetSocketAddress("127.0.0.1", 0));
  }

  @AfterEach
  void close() throws IOException {
    if (threads != null) {
      threads.close();
    }
    for (SocketChannel channel : channels) {
      channel.close();
    }
    listener.close();
  }

  /** The server's end of a new connection on which the client sends nothing. */
  private SocketChannel silentConnection() throws IOException {
    SocketChannel client = SocketChannel.open(listener.getLocalAddress());
    SocketChannel server = listener.accept();
    channels.add(client);
    channels.add(server);
    return server;
  }

  /** An exchange that blocks reading its channel, as the JDK server's does on a slow client. */
  private static Runnable readingExchange(
      SocketChannel channel, CountDownLatch started, CompletableFuture<Throwable> outcome) {
    return () -> {
      started.countDown();
      try {
        channel.read(ByteBuffer.allocate(16));
        outcome.complete(null);
      } catch (IOException e) {
        outcome.complete(e);
      }
    };
  }

  @Test
  void anExchangeStillBlockedAtTheDeadlineHasItsConnectionClosed() throws Exception {
    threads = new ExchangeThreads(4, DEADLINE, Duration.ofSeconds(60));
    SocketChannel channel = silentConnection();
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    long start = System.nanoTime();
    threads.execute(readingExchange(channel, new CountDownLatch(1), outcome));

    assertThat(outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(ClosedChannelException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(DEADLINE);
    assertThat(channel.isOpen()).isFalse();
  }

  @Test
  void slowExchangesDoNotHoldUpOthersUpToTheCap() throws Exception {
    threads = new ExchangeThreads(21, Duration.ofMinutes(5), Duration.ofSeconds(60));
    CountDownLatch started = new CountDownLatch(20);
    for (int i = 0; i < 20; i++) {
      threads.execute(readingExchange(silentConnection(), started, new CompletableFuture<>()));
    }
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    CompletableFuture<String> quick = new CompletableFuture<>();
    threads.execute(() -> quick.complete("answered"));
    assertThat(quick.get(30, TimeUnit.SECONDS)).isEqualTo("answered");
  }

  @Test
  void pastTheCapANewExchangeIsRefusedAtOnce() throws Exception {
    threads = new ExchangeThreads(2, Duration.ofMinutes(5), Duration.ofSeconds(60));
    CountDownLatch started = new CountDownLatch(2);
    for (int i = 0; i < 2; i++) {
      threads.execute(readingExchange(silentConnection(), started, new CompletableFuture<>()));
    }
    assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> threads.execute(() -> {}))
        .isInstanceOf(RejectedExecutionException.class);
  }

  @Test
  void aFinishedExchangeLeavesItsThreadUninterrupted() throws Exception {
    threads = new ExchangeThreads(1, DEADLINE, Duration.ofSeconds(60));
    CompletableFuture<Void> first = new CompletableFuture<>();
    threads.execute(() -> first.complete(null));
    first.get(30, TimeUnit.SECONDS);
    await("the one thread back waiting for work")
        .atMost(Duration.ofSeconds(30))
        .until(() -> threads.idleThreads() == 1);

    SocketChannel channel = silentConnection();
    CompletableFuture<Throwable> outcome = new CompletableFuture<>();
    long start = System.nanoTime();
    threads.execute(readingExchange(channel, new CountDownLatch(1), outcome));
    assertThat(outcome.get(30, TimeUnit.SECONDS)).isInstanceOf(ClosedChannelException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .as("cut by its own deadline, not by the first exchange's")
        .isGreaterThanOrEqualTo(DEADLINE);
  }
}
