package dev.homeenergy.devicehttp;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;

/**
 * Says in plain words what went wrong talking to a device: which address, and what happened there
 * ("connection refused by 192.168.1.50:80", "the device answered an HTML page, not JSON"). Every
 * failure a person sees (log, status page, raw log, {@code doctor}) is worded here, so none shows a
 * Java class name or a JSON library's internals. Pure functions: nothing here holds state.
 */
public final class FailureWords {
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*:?\\s*");
  private static final Pattern THROWABLE_PREFIX =
      Pattern.compile("\\b[A-Z][A-Za-z0-9_]*(?:Exception|Error):\\s*");
  private static final Pattern THROWABLE_NAME =
      Pattern.compile("\\b[A-Z][A-Za-z0-9_]*(?:Exception|Error)\\b");
  private static final Pattern ALLOWED_MAXIMUM = Pattern.compile("maximum allowed \\((\\d+)");
  private static final Pattern SOURCE_NOTE = Pattern.compile("\\s*\\[Source:[^\\]]*\\]");

  private FailureWords() {}

  /** {@code host:port} of a URI, the scheme's default port filled in. */
  public static String address(URI uri) {
    return uri.getHost() + ":" + port(uri);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** "no answer from HOST:PORT within N ms". */
  public static String noAnswer(URI uri, Duration waited) {
    return "no answer from " + address(uri) + " within " + waited.toMillis() + " ms";
  }

  /**
   * What a failed exchange with {@code uri} means, from the exception the HTTP client gave:
   * refused, no such host, no route, timeouts, TLS on a plain port, plain HTTP on a TLS port, a
   * refused certificate, a reset connection.
   */
  public static String connection(URI uri, Throwable failure) {
    String address = address(uri);
    String host = uri.getHost();
    boolean tls = "https".equalsIgnoreCase(uri.getScheme());
    if (failure instanceof HttpConnectTimeoutException) {
      return "no connection to " + address + " within the connect timeout (is it on this network?)";
    }
    if (failure instanceof HttpTimeoutException) {
      return "no answer from " + address + " in time";
    }
    if (has(failure, UnresolvedAddressException.class)
        || has(failure, UnknownHostException.class)) {
      return "no such host " + host;
    }
    if (has(failure, NoRouteToHostException.class)) {
      return "no route to " + host + " (is it on this network?)";
    }
    if (failure instanceof ConnectException) {
      return "connection refused by " + address;
    }
    CertificateException certificate = find(failure, CertificateException.class);
    if (certificate != null) {
      return "the TLS certificate of "
          + address
          + " was refused: "
          + plain(certificate.getMessage());
    }
    if (has(failure, SSLException.class)) {
      return tls
          ? "port " + port(uri) + " of " + host + " does not speak TLS (try http://)"
          : "the TLS connection to " + address + " failed: " + plain(innermost(failure));
    }
    if (!tls && (has(failure, EOFException.class) || mentions(failure, "header parser"))) {
      return address
          + " closed the connection without an HTTP answer (if it speaks only TLS, use https)";
    }
    if (has(failure, SocketException.class) && mentions(failure, "reset")) {
      return address + " reset the connection";
    }
    if (failure instanceof IOException) {
      String detail = plain(innermost(failure));
      return "the connection to " + address + " failed" + (detail.isEmpty() ? "" : ": " + detail);
    }
    String detail = plain(innermost(failure));
    return "unexpected failure talking to " + address + (detail.isEmpty() ? "" : ": " + detail);
  }

  /**
   * Why {@code body} could not be read as JSON: a bound of {@link DeviceJson} broken (named with
   * its limit), an HTML page, a truncated answer, invalid JSON at a line and column, or a value of
   * the wrong kind in a named field.
   */
  public static String json(String body, JsonProcessingException e) {
    StreamConstraintsException bound = find(e, StreamConstraintsException.class);
    if (bound != null) {
      return bound(bound);
    }
    if (looksLikeMarkup(body)) {
      return "the device answered an HTML page, not JSON";
    }
    if (e instanceof JsonEOFException || failsAtTheEnd(body, e.getLocation())) {
      return "the JSON answer ends early (cut off after "
          + (body == null ? 0 : body.length())
          + " characters)";
    }
    if (e instanceof JsonParseException) {
      return "the answer is not valid JSON" + at(e.getLocation());
    }
    if (e instanceof JsonMappingException mapping) {
      String field = null;
      for (JsonMappingException.Reference reference : mapping.getPath()) {
        if (reference.getFieldName() != null) {
          field = reference.getFieldName();
        }
      }
      return field == null
          ? "the JSON answer does not have the expected shape"
          : "the JSON field " + field + " does not hold the expected kind of value";
    }
    return "the answer is not valid JSON" + at(e.getLocation());
  }

  /** Which bound a JSON answer broke, with its limit, e.g. "nests deeper than 64 levels". */
  private static String bound(StreamConstraintsException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    java.util.regex.Matcher allowed = ALLOWED_MAXIMUM.matcher(message);
    String limit = allowed.find() ? allowed.group(1) : "its";
    String broken;
    if (message.contains("NestingDepth")) {
      broken = "nests deeper than " + limit + " levels";
    } else if (message.contains("TokenCount")) {
      broken = "has more than " + limit + " tokens";
    } else if (message.contains("NumberLength")) {
      broken = "holds a number longer than " + limit + " characters";
    } else if (message.contains("StringLength")) {
      broken = "holds a string longer than " + limit + " characters";
    } else if (message.contains("NameLength")) {
      broken = "holds a field name longer than " + limit + " characters";
    } else if (message.contains("DocumentLength")) {
      broken = "is longer than " + limit + " characters";
    } else {
      broken = "breaks a size limit";
    }
    return "the JSON answer " + broken + ", far beyond any real answer; it was not read further";
  }

  /**
   * What went wrong with a file, naming it: "no file at PATH", "permission denied on PATH", or the
   * system's reason.
   */
  public static String file(IOException e) {
    if (e instanceof NoSuchFileException missing) {
      return "no file at " + missing.getFile();
    }
    if (e instanceof AccessDeniedException denied) {
      return "permission denied on " + denied.getFile();
    }
    if (e instanceof FileSystemException system) {
      String reason = system.getReason();
      return (reason == null ? "cannot use" : plain(reason)) + ": " + system.getFile();
    }
    return plain(e.getMessage());
  }

  /** Whether a body is an HTML (or XML) page rather than JSON. */
  public static boolean looksLikeMarkup(String body) {
    return body != null && body.stripLeading().startsWith("<");
  }

  /**
   * A message with Java class names, exception-name prefixes and the JSON library's {@code [Source:
   * …]} notes taken out; what is left is the part meant for people.
   */
  public static String plain(String message) {
    if (message == null) {
      return "";
    }
    String text = SOURCE_NOTE.matcher(message).replaceAll("");
    text = QUALIFIED_NAME.matcher(text).replaceAll("");
    text = THROWABLE_PREFIX.matcher(text).replaceAll("");
    text = THROWABLE_NAME.matcher(text).replaceAll("error");
    return text.strip();
  }

  private static boolean failsAtTheEnd(String body, JsonLocation location) {
    return body != null
        && location != null
        && location.getCharOffset() >= 0
        && location.getCharOffset() >= body.stripTrailing().length() - 1;
  }

  private static String at(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return "";
    }
    return " (at line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  private static String innermost(Throwable failure) {
    Throwable t = failure;
    String message = null;
    while (t != null) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        message = t.getMessage();
      }
      t = t.getCause() == t ? null : t.getCause();
    }
    return message;
  }

  private static boolean mentions(Throwable failure, String word) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains(word)) {
        return true;
      }
    }
    return false;
  }

  private static boolean has(Throwable failure, Class<? extends Throwable> type) {
    return find(failure, type) != null;
  }

  private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
