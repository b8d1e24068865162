package dev.homeenergy.testing;

import dev.homeenergy.devicehttp.SelfSignedTrust;
import dev.homeenergy.testing.SlowClients.Held;
import dev.homeenergy.testing.SlowClients.Kind;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * bench/slowclients: well-behaved scrapes of a web server while slow connections are held open, and
 * how long the server lets each kind of slow connection hang on. Prints one markdown row per phase.
 * Not a test: it asserts nothing.
 *
 * <p>Arguments: {@code URL} (the scrape URL), {@code SLOW} (how many slow connections, spread over
 * the kinds), {@code SECONDS} (how long to scrape in each phase), and optionally {@code
 * AUTHORIZATION} (an {@code Authorization} header value for the scrapes and pipelined requests).
 */
public final class SlowClientsBench {
  private static final Duration WAIT_FOR_CUTS = Duration.ofSeconds(45);

  private SlowClientsBench() {}

  public static void main(String[] args) throws Exception {
    URI url = URI.create(args[0]);
    int slow = Integer.parseInt(args[1]);
    Duration phase = Duration.ofSeconds(Long.parseLong(args[2]));
    String authorization = args.length > 3 ? args[3] : null;
    boolean tls = url.getScheme().equals("https");
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .sslContext(SelfSignedTrust.context(SelfSignedTrust.trustingAny()))
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    System.out.println(
        "| phase | scrapes | failed | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|---|");
    System.out.println(row("no slow connections", scrapes(client, url, authorization, phase)));

    Map<Kind, Integer> kinds = new LinkedHashMap<>();
    List<Kind> used =
        tls
            ? List.of(Kind.PIPELINED_UNREAD, Kind.PARTIAL_HEAD, Kind.TLS_RECORD_HEADER, Kind.IDLE)
            : List.of(Kind.PIPELINED_UNREAD, Kind.PARTIAL_HEAD, Kind.IDLE);
    for (int i = 0; i < used.size(); i++) {
      kinds.put(used.get(i), slow / used.size() + (i < slow % used.size() ? 1 : 0));
    }
    InetSocketAddress address = new InetSocketAddress(url.getHost(), url.getPort());
    try (SlowClients clients = SlowClients.open(address, kinds, tls, authorization)) {
      System.out.println(
          row(slow + " slow connections held", scrapes(client, url, authorization, phase)));
      long deadline = System.nanoTime() + WAIT_FOR_CUTS.toNanos();
      while (System.nanoTime() < deadline
          && !clients.held().stream().allMatch(h -> h.closedAfter().isPresent())) {
        Thread.sleep(100);
      }
      System.out.println(
          "\n| kind | connections | cut | first cut s | last cut s |\n|---|---|---|---|---|");
      for (Kind kind : used) {
        List<Duration> cuts = new ArrayList<>();
        for (Held held : clients.held(kind)) {
          held.closedAfter().ifPresent(cuts::add);
        }
        Collections.sort(cuts);
        System.out.printf(
            "| %s | %d | %d | %s | %s |%n",
            kind,
            clients.held(kind).size(),
            cuts.size(),
            cuts.isEmpty() ? "-" : seconds(cuts.get(0)),
            cuts.isEmpty() ? "-" : seconds(cuts.get(cuts.size() - 1)));
      }
    }
  }

  private static String seconds(Duration duration) {
    return String.format("%.1f", duration.toMillis() / 1000.0);
  }

  /** Scrapes one after another for {@code phase}; the durations of those that answered 200. */
  private static Result scrapes(HttpClient client, URI url, String authorization, Duration phase) {
    List<Long> micros = new ArrayList<>();
    int failed = 0;
    long end = System.nanoTime() + phase.toNanos();
    while (System.nanoTime() < end) {
      HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5));
      if (authorization != null) {
        request.header("Authorization", authorization);
      }
      long start = System.nanoTime();
      try {
        HttpResponse<byte[]> response =
            client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() == 200) {
          micros.add((System.nanoTime() - start) / 1_000);
        } else {
          failed++;
        }
      } catch (Exception e) {
        failed++;
      }
    }
    Collections.sort(micros);
    return new Result(micros, failed);
  }

  private record Result(List<Long> micros, int failed) {
    String percentile(double p) {
      if (micros.isEmpty()) {
        return "-";
      }
      int index = (int) Math.min(micros.size() - 1, Math.ceil(p * micros.size()) - 1);
      return String.format("%.2f", micros.get(Math.max(0, index)) / 1000.0);
    }
  }

  private static String row(String phase, Result result) {
    return String.format(
        "| %s | %d | %d | %s | %s | %s |",
        phase,
        result.micros().size(),
        result.failed(),
        result.percentile(0.5),
        result.percentile(0.99),
        result.percentile(1.0));
  }
}
