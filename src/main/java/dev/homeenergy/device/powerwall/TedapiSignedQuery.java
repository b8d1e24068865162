package dev.homeenergy.device.powerwall;

import com.google.protobuf.ByteString;
import java.util.Objects;

/**
 * One captured, Tesla-signed GraphQL query as the gateway must receive it: the signed bytes and the
 * signature replayed unchanged, and the variables (which the signature does not cover).
 *
 * @param operation what the metrics call it: {@code status} or {@code components}
 * @param signedQuery a serialised {@code SignedQuery} (version and text)
 * @param signature DER-encoded ECDSA signature over the query
 * @param variables GraphQL variables as JSON text
 */
record TedapiSignedQuery(
    String operation, ByteString signedQuery, ByteString signature, String variables) {
  TedapiSignedQuery {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(signedQuery, "signedQuery");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(variables, "variables");
  }
}
