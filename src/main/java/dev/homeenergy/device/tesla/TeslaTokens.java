package dev.homeenergy.device.tesla;

import dev.homeenergy.config.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A Tesla access token with the refresh token that renews it. The tokens are {@link Secret}s, so
 * neither this record's {@code toString()} nor anything built from it shows them.
 *
 * @param access the bearer token sent to the Fleet API
 * @param refresh the single-use refresh token (rotated on every refresh)
 * @param expiresAt when the access token expires; {@link Instant#EPOCH} when unknown
 * @param tokenType usually {@code Bearer}
 * @param createdAt when the token was issued (or first read)
 */
public record TeslaTokens(
    Secret access, Secret refresh, Instant expiresAt, String tokenType, Instant createdAt) {

  public TeslaTokens {
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(refresh, "refresh");
    Objects.requireNonNull(expiresAt, "expiresAt");
    tokenType = tokenType == null || tokenType.isBlank() ? "Bearer" : tokenType;
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** True when the access token expires within {@code margin} of {@code now}. */
  public boolean expiresWithin(Duration margin, Instant now) {
    return !now.plus(margin).isBefore(expiresAt);
  }
}
