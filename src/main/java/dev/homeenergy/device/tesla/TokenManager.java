package dev.homeenergy.device.tesla;

import dev.homeenergy.config.Secret;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import dev.homeenergy.devicehttp.FailureWords;
import dev.homeenergy.devicehttp.LoginGate;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Fleet API's bearer token, read from the {@link TokenFile} and refreshed ahead of expiry.
 *
 * <p>Refresh tokens are single-use, so the refresh path saves the rotated one to disk as soon as
 * Tesla's answer is parsed, before anything else (logging, the gate, handing out the access token);
 * if saving fails the new tokens stay in memory and saving is retried before the next token is
 * handed out. A failed refresh leaves the file untouched; after a rejected or rate-limited one a
 * {@link LoginGate} holds further attempts back. Calls are serialised: concurrent callers wait for
 * the one refresh under way.
 */
public final class TokenManager implements AccessTokenSource {
  /** How long before expiry the token is renewed. */
  public static final Duration DEFAULT_REFRESH_AHEAD = Duration.ofMinutes(5);

  private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);

  /**
   * Trades a refresh token for new tokens, handing them to {@code saveFirst} as soon as they are
   * parsed; {@link OAuthClient#refresh(Secret, OAuthClient.TokenSaver)} in production.
   */
  @FunctionalInterface
  public interface Refresher {
    TeslaTokens refresh(Secret refreshToken, OAuthClient.TokenSaver saveFirst) throws PollException;
  }

  private final TokenFile file;
  private final Refresher refresher;
  private final Clock clock;
  private final Duration refreshAhead;
  private final LoginGate gate;
  private TeslaTokens current;
  private boolean unsaved;
  private boolean refreshRequested;

  public TokenManager(TokenFile file, Refresher refresher, Clock clock, Duration refreshAhead) {
    this.file = file;
    this.refresher = refresher;
    this.clock = clock;
    this.refreshAhead = refreshAhead;
    this.gate = new LoginGate(clock);
  }

  public TokenManager(TokenFile file, OAuthClient oauth, Clock clock) {
    this(file, oauth::refresh, clock, DEFAULT_REFRESH_AHEAD);
  }

  @Override
  public synchronized String accessToken() throws PollException {
    if (current == null) {
      current = load();
    }
    if (unsaved) {
      save(current);
    }
    if (refreshRequested
        || current.access().reveal().isEmpty()
        || current.expiresWithin(refreshAhead, clock.instant())) {
      gate.checkOpen();
      TeslaTokens renewed;
      try {
        renewed = refresher.refresh(current.refresh(), this::keep);
      } catch (PollException e) {
        if (LoginGate.closesOn(e.reason())) {
          gate.failed(e);
        }
        throw e;
      }
      if (current != renewed) {
        keep(renewed);
      }
      gate.succeeded();
      LOG.info("Refreshed the Tesla access token; it expires at {}", renewed.expiresAt());
    }
    return current.access().reveal();
  }

  @Override
  public synchronized void rejected(String token) {
    if (current != null && current.access().reveal().equals(token)) {
      refreshRequested = true;
    }
  }

  private TeslaTokens load() throws PollException {
    Optional<TeslaTokens> saved;
    try {
      saved = file.read();
    } catch (java.nio.file.NoSuchFileException e) {
      throw new PollException(
          FailureReason.AUTH,
          "no token file at " + e.getFile() + ": run `home-energy-exporter tesla login`");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new PollException(
          FailureReason.AUTH,
          "cannot read the Tesla token file "
              + file.path()
              + ": permission denied to the user the exporter runs as; give that user the file"
              + " (chown) and its directory, or run the exporter as the file's owner");
    } catch (IOException e) {
      throw new PollException(
          FailureReason.AUTH,
          "cannot read the Tesla token file: "
              + FailureWords.file(e)
              + "; "
              + OAuthClient.SIGN_IN_AGAIN);
    }
    return saved.orElseThrow(
        () ->
            new PollException(
                FailureReason.AUTH,
                "no token file at " + file.path() + ": run `home-energy-exporter tesla login`"));
  }

  private void keep(TeslaTokens renewed) throws PollException {
    current = renewed;
    unsaved = true;
    refreshRequested = false;
    save(renewed);
  }

  private void save(TeslaTokens tokens) throws PollException {
    try {
      file.write(tokens);
      unsaved = false;
    } catch (IOException e) {
      throw new PollException(
          FailureReason.INTERNAL,
          "cannot save the refreshed Tesla tokens to "
              + file.path()
              + " ("
              + FailureWords.file(e)
              + "); kept in memory, saving again on the next poll");
    }
  }
}
