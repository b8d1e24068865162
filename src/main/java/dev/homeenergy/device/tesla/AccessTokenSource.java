package dev.homeenergy.device.tesla;

import dev.homeenergy.core.PollException;

/**
 * Where the Fleet API client gets its bearer token: the current access token, refreshed ahead of
 * expiry; told when the API rejected one so the next call refreshes first.
 */
public interface AccessTokenSource {

  /**
   * A valid access token, refreshing it first when it expires soon.
   *
   * @throws PollException {@code auth} when no usable token exists (sign in again), or the reason
   *     the token endpoint could not be reached
   */
  String accessToken() throws PollException;

  /** The API answered 401 with {@code token}: refresh before the next call. */
  void rejected(String token);
}
