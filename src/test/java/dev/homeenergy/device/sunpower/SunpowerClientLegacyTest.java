package dev.homeenergy.device.sunpower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.homeenergy.core.EndpointFailure;
import dev.homeenergy.core.FailureReason;
import dev.homeenergy.core.PollException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SunpowerClientLegacyTest {
  private final SunpowerClientHarness harness = new SunpowerClientHarness();
  private FakePvs pvs;

  @BeforeEach
  void start() throws Exception {
    pvs = FakePvs.legacy();
  }

  @AfterEach
  void stop() {
    pvs.close();
  }

  @Test
  void readsDeviceListEveryPollAndTheInfoCommandsOnceAnHour() throws Exception {
    SunpowerClient client = harness.client(pvs.address());

    SunpowerResponses first = client.fetch();
    harness.clock.advance(Duration.ofMinutes(30));
    pvs.answer(
        "Get_Comm",
        "{\"result\":\"succeed\",\"networkstatus\":{\"interfaces\":[{\"interface\":\"wan\"}]}}");
    SunpowerResponses second = client.fetch();
    harness.clock.advance(Duration.ofMinutes(30));
    SunpowerResponses third = client.fetch();

    assertThat(first.api()).isEqualTo(SunpowerApi.DL_CGI);
    assertThat(first.deviceList()).isEqualTo(FakePvs.DEVICE_LIST);
    assertThat(first.comm()).isEqualTo(FakePvs.GET_COMM);
    assertThat(first.gridProfile()).isEqualTo(FakePvs.GRID_PROFILE);
    assertThat(first.vars()).isEmpty();
    assertThat(first.supervisorInfo()).isNull();
    assertThat(second.comm()).isEqualTo(FakePvs.GET_COMM);
    assertThat(second.gridProfile()).isEqualTo(FakePvs.GRID_PROFILE);
    assertThat(third.comm()).contains("wan");
    assertThat(pvs.hits("DeviceList")).isEqualTo(3);
    assertThat(pvs.hits("Get_Comm")).isEqualTo(2);
    assertThat(pvs.hits("GridProfileGet")).isEqualTo(2);
    assertThat(first.failures()).isEmpty();
    assertThat(third.failures()).isEmpty();
  }

  @Test
  void neverSendsStartOrStop() throws Exception {
    SunpowerClient client = harness.client(pvs.address());
    client.fetch();
    client.fetch();

    assertThat(pvs.requests())
        .containsExactly(
            "/cgi-bin/dl_cgi?Command=DeviceList",
            "/cgi-bin/dl_cgi?Command=Get_Comm",
            "/cgi-bin/dl_cgi?Command=GridProfileGet",
            "/cgi-bin/dl_cgi?Command=DeviceList");
    assertThat(harness.rawEndpoints())
        .containsExactly("DeviceList", "Get_Comm", "GridProfileGet", "DeviceList");
  }

  @Test
  void aFailingGridProfileIsAnEndpointFailureOnly() throws Exception {
    pvs.answer("GridProfileGet", 500, "Internal Server Error");

    SunpowerResponses responses = harness.client(pvs.address()).fetch();

    assertThat(responses.deviceList()).isEqualTo(FakePvs.DEVICE_LIST);
    assertThat(responses.comm()).isEqualTo(FakePvs.GET_COMM);
    assertThat(responses.gridProfile()).isNull();
    assertThat(responses.failures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.endpoint()).isEqualTo("GridProfileGet");
              assertThat(failure.reason()).isEqualTo(FailureReason.HTTP_STATUS);
              assertThat(failure.message()).startsWith("GridProfileGet: HTTP 500");
            });
  }

  @Test
  void theMimeErrorBodyIsAnEndpointFailureAndTheLastGoodBodyIsKept() throws Exception {
    SunpowerClient client = harness.client(pvs.address());
    client.fetch();
    harness.clock.advance(DlCgiReader.INFO_MAX_AGE);
    pvs.answer("GridProfileGet", FakePvs.MIME_ERROR);
    pvs.answer("Get_Comm", 403, FakePvs.LOCKED_BODY);

    SunpowerResponses responses = client.fetch();

    assertThat(responses.gridProfile()).isEqualTo(FakePvs.GRID_PROFILE);
    assertThat(responses.comm()).isEqualTo(FakePvs.GET_COMM);
    assertThat(responses.failures())
        .extracting(EndpointFailure::endpoint, EndpointFailure::reason)
        .containsExactly(
            tuple("Get_Comm", FailureReason.AUTH), tuple("GridProfileGet", FailureReason.PARSE));
    assertThat(responses.failures().get(1).message()).contains("Could not connect to mime.");
    assertThat(harness.raw.get(harness.raw.size() - 1).error())
        .contains("Could not connect to mime.");
  }

  @Test
  void aTimedOutInfoCommandDoesNotFailThePoll() throws Exception {
    harness.timeout = Duration.ofMillis(500);
    pvs.block("Get_Comm");

    SunpowerResponses responses = harness.client(pvs.address()).fetch();

    assertThat(responses.deviceList()).isEqualTo(FakePvs.DEVICE_LIST);
    assertThat(responses.failures())
        .extracting(EndpointFailure::endpoint, EndpointFailure::reason)
        .containsExactly(
            tuple("Get_Comm", FailureReason.TIMEOUT),
            tuple("GridProfileGet", FailureReason.TIMEOUT));
  }

  @Test
  void aDeviceListSlowerThanTheTimeoutFailsAsTimeout() {
    harness.timeout = Duration.ofMillis(300);
    pvs.block("DeviceList");

    PollException failure = harness.failure(harness.client(pvs.address()));

    assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
    assertThat(failure.getMessage()).startsWith("DeviceList: ");
    assertThat(pvs.hits("Get_Comm")).isZero();
  }

  @Test
  void aFailingDeviceListFailsThePoll() {
    pvs.answer("DeviceList", 500, "dl_cgi crashed");

    PollException failure = harness.failure(harness.client(pvs.address()));

    assertThat(failure.reason()).isEqualTo(FailureReason.HTTP_STATUS);
    assertThat(failure.getMessage())
        .matches("DeviceList: HTTP 500 from 127\\.0\\.0\\.1:\\d+: dl_cgi crashed");
  }

  @Test
  void aForcedDlCgiOnTheLockedFirmwareFailsAsAuthWithAHint() throws Exception {
    pvs.close();
    pvs = FakePvs.locked();

    PollException failure = harness.failure(harness.client(pvs.address(), Map.of("api", "dl_cgi")));

    assertThat(failure.reason()).isEqualTo(FailureReason.AUTH);
    assertThat(failure.httpStatus()).isEqualTo(403);
    assertThat(failure.getMessage()).endsWith("set api: auto or vars)");
    assertThat(pvs.logins()).isZero();
    assertThat(pvs.hits("supervisor/info")).isZero();
  }

  @Test
  void anUnreachablePvsFailsAsConnect() throws Exception {
    URI address = pvs.address();
    pvs.close();

    assertThat(harness.failure(harness.client(address)).reason()).isEqualTo(FailureReason.CONNECT);
  }
}
