package dev.homeenergy.device.powerwall;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.homeenergy.device.powerwall.TedapiProto.Frame;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The request envelopes byte for byte against the layouts of the TEDAPI notes (section 8). */
class TedapiRequestsTest {
  private static final String DIN = "1232100-00-E--TG123456789012";
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void theConfigRequestIsTheDocumentedSixtyThreeBytes() {
    byte[] bytes = TedapiRequests.config(DIN).toByteArray();

    assertThat(HEX.formatHex(bytes))
        .isEqualTo(
            "0a390801120218011a1e0a1c313233323130302d30302d452d2d5447313233343536373839303132"
                + "7a110a0f0801120b636f6e6669672e6a736f6e12020801");
  }

  @Test
  void theSystemInfoRequestIsTheDocumentedFortyEightBytes() {
    byte[] bytes = TedapiRequests.systemInfo(DIN).toByteArray();

    assertThat(HEX.formatHex(bytes))
        .isEqualTo(
            "0a2a0801120218011a1e0a1c313233323130302d30302d452d2d5447313233343536373839303132"
                + "2202120012020801");
  }

  @Test
  void theDocumentedMinimalQueryResponseParses() throws InvalidProtocolBufferException {
    String hex =
        "0a360801121e0a1c"
            + HEX.formatHex(DIN.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            + "1a02180182010d120b080112077b2261223a317d12020801";

    Frame frame = Frame.parseFrom(HEX.parseHex(hex));

    assertThat(frame.getEnvelope().getSender().getDin()).isEqualTo(DIN);
    assertThat(frame.getEnvelope().getQuery().getResponse().getStatus()).isEqualTo(1);
    assertThat(frame.getEnvelope().getQuery().getResponse().getData()).isEqualTo("{\"a\":1}");
    assertThat(frame.getTail().getValue()).isEqualTo(1);
    assertThat(HEX.formatHex(frame.toByteArray())).isEqualTo(hex);
  }

  @Test
  void aVersionOneSignedQueryCarriesTheTextTheSignatureAndTheVariables() throws Exception {
    TedapiQuerySet set = TedapiQuerySet.load(TedapiQuerySet.V2024_06);

    Frame frame = Frame.parseFrom(TedapiRequests.query(DIN, set.status()).toByteArray());

    var request = frame.getEnvelope().getQuery().getRequest();
    assertThat(request.getFormat()).isEqualTo(2);
    var signed = TedapiProto.SignedQuery.parseFrom(request.getSignedQuery());
    assertThat(signed.getVersion()).isEqualTo(1);
    assertThat(signed.getText()).startsWith("query DeviceControllerQuery(");
    assertThat(HEX.formatHex(request.getSignature().toByteArray())).startsWith("3081870242");
    assertThat(request.getVariables().getValue()).contains("msaComp");
    assertThat(frame.getEnvelope().getSender().getLocal()).isEqualTo(1);
    assertThat(frame.getEnvelope().getRecipient().getDin()).isEqualTo(DIN);
    assertThat(frame.getTail().getValue()).isEqualTo(1);
  }

  @Test
  void aVersionTwoSignedQueryReplaysTheStoredSignedBytes() throws Exception {
    TedapiQuerySet set = TedapiQuerySet.load(TedapiQuerySet.V2026_06);

    var request =
        Frame.parseFrom(TedapiRequests.query(DIN, set.components()).toByteArray())
            .getEnvelope()
            .getQuery()
            .getRequest();

    var signed = TedapiProto.SignedQuery.parseFrom(request.getSignedQuery());
    assertThat(signed.getVersion()).isEqualTo(2);
    assertThat(signed.getText()).startsWith("query PW3Query{");
    assertThat(HEX.formatHex(request.getSignedQuery().toByteArray())).startsWith("080212");
    assertThat(request.getVariables().getValue()).isEqualTo("{}");
  }

  @Test
  void theComponentsQueryAsksForTheExtraSignalsBesideTheCapturedOnes() throws Exception {
    TedapiQuerySet set = TedapiQuerySet.load(TedapiQuerySet.V2024_06);

    String variables = set.components().variables();

    assertThat(variables)
        .contains("\"PCH_PvVoltageA\"", "\"PCH_AmbientTemp\"", "\"HVP_PackTempMax\"");
  }

  @Test
  void aFollowerIsAddressedFromTheLeaderWithTailTwo() throws Exception {
    TedapiQuerySet set = TedapiQuerySet.load(TedapiQuerySet.V2024_06);

    Frame frame =
        Frame.parseFrom(
            TedapiRequests.followerQuery(DIN, "1707000-30-L--TG000000000002", set.components())
                .toByteArray());

    assertThat(frame.getEnvelope().getSender().getDin()).isEqualTo(DIN);
    assertThat(frame.getEnvelope().getRecipient().getDin())
        .isEqualTo("1707000-30-L--TG000000000002");
    assertThat(frame.getTail().getValue()).isEqualTo(2);
  }
}
