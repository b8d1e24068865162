package dev.homeenergy.testing;

import dev.homeenergy.devicehttp.SelfSignedTrust;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * HTTP/1.1 for tests, to servers on loopback: plain, or TLS trusting any certificate or only those
 * of a key store (with an optional SNI name), never following redirects. The static methods speak
 * plain HTTP and turn an I/O failure into an unchecked one; {@link #exchange} keeps timeouts and
 * TLS failures as thrown, for tests that expect them.
 */
public final class Http {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final Http PLAIN = new Http(builder().build());

  private final HttpClient client;

  private Http(HttpClient client) {
    this.client = client;
  }

  public static Http plain() {
    return PLAIN;
  }

  /** TLS trusting any certificate, sending {@code sniName} when not null. */
  public static Http trustingAny(String sniName) {
    return tls(SelfSignedTrust.context(SelfSignedTrust.trustingAny()), sniName);
  }

  /**
   * TLS trusting only the certificates in {@code trusted}, sending {@code sniName} when not null.
   */
  public static Http trusting(KeyStore trusted, String sniName) {
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return tls(context, sniName);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Http tls(SSLContext context, String sniName) {
    HttpClient.Builder builder = builder().sslContext(context);
    if (sniName != null) {
      SSLParameters parameters = context.getDefaultSSLParameters();
      parameters.setServerNames(List.of(new SNIHostName(sniName)));
      builder.sslParameters(parameters);
    }
    return new Http(builder.build());
  }

  private static HttpClient.Builder builder() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(CONNECT_TIMEOUT);
  }

  /** The underlying client, for asynchronous sends and other body handlers. */
  public HttpClient client() {
    return client;
  }

  /** Sends a request; a timeout, refused connection or failed handshake is thrown as it is. */
  public HttpResponse<String> exchange(HttpRequest request)
      throws IOException, InterruptedException {
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** A GET with {@code timeout} and header name/value pairs; failures thrown as they are. */
  public HttpResponse<String> exchange(URI uri, Duration timeout, String... headers)
      throws IOException, InterruptedException {
    return exchange(request(uri, timeout, headers).GET().build());
  }

  /**
   * A request to {@code uri} with {@code timeout} and header name/value pairs, to finish and build.
   */
  public static HttpRequest.Builder request(URI uri, Duration timeout, String... headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout);
    if (headers.length > 0) {
      request.headers(headers);
    }
    return request;
  }

  /** A plain GET with header name/value pairs. */
  public static HttpResponse<String> get(URI uri, String... headers) {
    return send(request(uri, REQUEST_TIMEOUT, headers).GET().build());
  }

  /** Sends a request over plain HTTP. */
  public static HttpResponse<String> send(HttpRequest request) {
    return unchecked(() -> PLAIN.exchange(request));
  }

  public static HttpResponse<byte[]> getBytes(URI uri, String... headers) {
    HttpRequest request = request(uri, REQUEST_TIMEOUT, headers).GET().build();
    return unchecked(() -> PLAIN.client.send(request, HttpResponse.BodyHandlers.ofByteArray()));
  }

  /** Where a plain GET of {@code uri} redirects to (its Location header), without following it. */
  public static String redirectLocation(URI uri) {
    HttpResponse<String> response = get(uri);
    return response
        .headers()
        .firstValue("Location")
        .orElseThrow(() -> new AssertionError("no redirect: status " + response.statusCode()));
  }

  /** {@code user:password} in Base64, as an {@code Authorization: Basic} header carries it. */
  public static String basicCredentials(String user, String password) {
    return Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private interface Call<T> {
    T run() throws IOException, InterruptedException;
  }

  private static <T> T unchecked(Call<T> call) {
    try {
      return call.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
