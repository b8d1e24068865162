package dev.homeenergy.testing;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures what the process logs while a test runs: every byte written to {@code System.err} (where
 * the exporter's console appender writes, stack traces included), still passed on to the real
 * stderr, and the logging events themselves from an appender on the root logger.
 */
public final class LogCapture implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  private LogCapture() {
    System.setErr(
        new PrintStream(
            new OutputStream() {
              @Override
              public void write(int b) {
                synchronized (bytes) {
                  bytes.write(b);
                }
                original.write(b);
              }

              @Override
              public void write(byte[] b, int off, int len) {
                synchronized (bytes) {
                  bytes.write(b, off, len);
                }
                original.write(b, off, len);
              }

              @Override
              public void flush() throws IOException {
                original.flush();
              }
            },
            true,
            StandardCharsets.UTF_8));
    events.start();
    attach();
  }

  public static LogCapture start() {
    return new LogCapture();
  }

  /** Attaches the event appender again, after logging was set up anew (which drops appenders). */
  public void attach() {
    root.detachAppender(events);
    root.addAppender(events);
  }

  /** Everything written to stderr so far. */
  public String stderr() {
    synchronized (bytes) {
      return bytes.toString(StandardCharsets.UTF_8);
    }
  }

  /** Each event as its message, key-value pairs and stack trace. */
  public List<String> events() {
    return List.copyOf(events.list).stream().map(LogCapture::render).toList();
  }

  private static String render(ILoggingEvent event) {
    StringBuilder text =
        new StringBuilder(
            event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage());
    if (event.getKeyValuePairs() != null) {
      event
          .getKeyValuePairs()
          .forEach(pair -> text.append(' ').append(pair.key).append('=').append(pair.value));
    }
    if (event.getThrowableProxy() != null) {
      text.append('\n').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
    }
    return text.toString();
  }

  @Override
  public void close() {
    root.detachAppender(events);
    System.setErr(original);
  }
}
