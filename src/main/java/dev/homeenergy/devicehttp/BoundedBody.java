package dev.homeenergy.devicehttp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * A response body of at most {@code maxBytes}, read as UTF-8 text or as bytes: a larger declared
 * {@code Content-Length} is refused before any byte is read, and a body that grows past the cap
 * (chunked or undeclared) is abandoned at once by cancelling the stream, which closes the
 * connection. Either way the body fails with {@link TooLarge}; nothing beyond the cap is buffered.
 * One instance per request: {@link #exceeded()} then tells, whatever error the HTTP client reports
 * for the abandoned exchange, that the cap was the cause.
 */
public final class BoundedBody {
  /** The cap every device body has unless its family asks for another. */
  public static final int DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

  private final int maxBytes;
  private volatile boolean exceeded;

  public BoundedBody(int maxBytes) {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  public int maxBytes() {
    return maxBytes;
  }

  /** A body handler that fails with {@link TooLarge} past the cap. */
  public HttpResponse.BodyHandler<String> handler() {
    return handler(received -> received.toString(StandardCharsets.UTF_8));
  }

  /** A body handler for binary bodies that fails with {@link TooLarge} past the cap. */
  public HttpResponse.BodyHandler<byte[]> bytesHandler() {
    return handler(ByteArrayOutputStream::toByteArray);
  }

  private <T> HttpResponse.BodyHandler<T> handler(Function<ByteArrayOutputStream, T> finish) {
    return info -> {
      OptionalLong declared = info.headers().firstValueAsLong("Content-Length");
      return new Subscriber<>(declared.isPresent() && declared.getAsLong() > maxBytes, finish);
    };
  }

  /** Whether the body was abandoned for passing the cap. */
  public boolean exceeded() {
    return exceeded;
  }

  /** A body longer than the cap; the message says how long the cap is. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    private final int maxBytes;

    public TooLarge(int maxBytes) {
      super("body exceeded " + maxBytes + " bytes");
      this.maxBytes = maxBytes;
    }

    public int maxBytes() {
      return maxBytes;
    }
  }

  private final class Subscriber<T> implements HttpResponse.BodySubscriber<T> {
    private final boolean declaredTooLarge;
    private final Function<ByteArrayOutputStream, T> finish;
    private final CompletableFuture<T> body = new CompletableFuture<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private Flow.Subscription subscription;

    Subscriber(boolean declaredTooLarge, Function<ByteArrayOutputStream, T> finish) {
      this.declaredTooLarge = declaredTooLarge;
      this.finish = finish;
    }

    @Override
    public CompletionStage<T> getBody() {
      return body;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      if (declaredTooLarge) {
        abandon();
      } else {
        subscription.request(Long.MAX_VALUE);
      }
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (body.isDone()) {
        return;
      }
      for (ByteBuffer buffer : buffers) {
        if ((long) received.size() + buffer.remaining() > maxBytes) {
          abandon();
          return;
        }
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        received.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable error) {
      body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      body.complete(finish.apply(received));
    }

    /**
     * Fails the body before cancelling: cancelling can make the client report its own error first.
     */
    private void abandon() {
      exceeded = true;
      body.completeExceptionally(new TooLarge(maxBytes));
      received.reset();
      subscription.cancel();
    }
  }
}
