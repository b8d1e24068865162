package dev.homeenergy.testing;

import dev.homeenergy.core.PollException;
import dev.homeenergy.core.RawExchange;
import dev.homeenergy.core.RawRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Everything a device client shows a user (failure messages, raw exchanges), collected so tests can
 * assert that no password or token ever appears in it.
 */
public final class VisibleOutput {
  /** A poll that is expected to fail. */
  @FunctionalInterface
  public interface Poll {
    void run() throws PollException;
  }

  private final List<RawExchange> raw = new CopyOnWriteArrayList<>();
  private final List<String> failureMessages = new CopyOnWriteArrayList<>();

  public RawRecorder recorder() {
    return raw::add;
  }

  public List<RawExchange> raw() {
    return raw;
  }

  /** Runs {@code poll}, expecting failure; remembers the message. */
  public PollException failure(Poll poll) {
    try {
      poll.run();
    } catch (PollException e) {
      failureMessages.add(e.getMessage());
      return e;
    }
    throw new AssertionError("the poll succeeded");
  }

  /** Failure messages and raw records, as text. */
  public List<String> text() {
    List<String> text = new ArrayList<>(failureMessages);
    raw.forEach(exchange -> text.add(exchange.toString()));
    return text;
  }
}
