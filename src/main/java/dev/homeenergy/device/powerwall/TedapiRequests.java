package dev.homeenergy.device.powerwall;

import dev.homeenergy.device.powerwall.TedapiProto.Envelope;
import dev.homeenergy.device.powerwall.TedapiProto.FileMessages;
import dev.homeenergy.device.powerwall.TedapiProto.Frame;
import dev.homeenergy.device.powerwall.TedapiProto.Participant;
import dev.homeenergy.device.powerwall.TedapiProto.QueryMessages;
import dev.homeenergy.device.powerwall.TedapiProto.QueryRequest;
import dev.homeenergy.device.powerwall.TedapiProto.ReadFileRequest;
import dev.homeenergy.device.powerwall.TedapiProto.SystemInfoMessages;
import dev.homeenergy.device.powerwall.TedapiProto.SystemInfoRequest;
import dev.homeenergy.device.powerwall.TedapiProto.Tail;
import dev.homeenergy.device.powerwall.TedapiProto.TextValue;

/**
 * The request frames the exporter sends to {@code /tedapi/v1} (and to a follower Powerwall 3's
 * {@code /tedapi/device/<din>/v1}): the config.json read, the system-info read and a signed query.
 */
final class TedapiRequests {
  static final int LOCAL_HTTPS = 1;
  static final int INSTALLER = 1;
  static final int CONFIG_JSON = 1;
  static final int SIGNED_SHA256_ECDSA_ASN1 = 2;
  static final int TAIL = 1;
  static final int TAIL_FOLLOWER = 2;

  private TedapiRequests() {}

  static Frame config(String din) {
    return frame(
        envelope(din)
            .setFile(
                FileMessages.newBuilder()
                    .setReadRequest(
                        ReadFileRequest.newBuilder().setDomain(CONFIG_JSON).setName("config.json")))
            .build(),
        TAIL);
  }

  static Frame systemInfo(String din) {
    return frame(
        envelope(din)
            .setSystemInfo(
                SystemInfoMessages.newBuilder().setRequest(SystemInfoRequest.getDefaultInstance()))
            .build(),
        TAIL);
  }

  /** A signed query to the gateway itself (or the only Powerwall 3). */
  static Frame query(String din, TedapiSignedQuery query) {
    return frame(envelope(din).setQuery(queryMessages(query)).build(), TAIL);
  }

  /** A signed query to a follower Powerwall 3, relayed by the leader. */
  static Frame followerQuery(String leaderDin, String followerDin, TedapiSignedQuery query) {
    Envelope envelope =
        Envelope.newBuilder()
            .setDeliveryChannel(LOCAL_HTTPS)
            .setSender(Participant.newBuilder().setDin(leaderDin))
            .setRecipient(Participant.newBuilder().setDin(followerDin))
            .setQuery(queryMessages(query))
            .build();
    return frame(envelope, TAIL_FOLLOWER);
  }

  private static QueryMessages queryMessages(TedapiSignedQuery query) {
    return QueryMessages.newBuilder()
        .setRequest(
            QueryRequest.newBuilder()
                .setFormat(SIGNED_SHA256_ECDSA_ASN1)
                .setSignedQuery(query.signedQuery())
                .setSignature(query.signature())
                .setVariables(TextValue.newBuilder().setValue(query.variables())))
        .build();
  }

  private static Envelope.Builder envelope(String din) {
    return Envelope.newBuilder()
        .setDeliveryChannel(LOCAL_HTTPS)
        .setSender(Participant.newBuilder().setLocal(INSTALLER))
        .setRecipient(Participant.newBuilder().setDin(din));
  }

  private static Frame frame(Envelope envelope, int tail) {
    return Frame.newBuilder()
        .setEnvelope(envelope)
        .setTail(Tail.newBuilder().setValue(tail))
        .build();
  }
}
