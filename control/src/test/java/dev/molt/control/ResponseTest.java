package dev.molt.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResponseTest {
  @Test
  void thrown_rendersClassMessageAndCauses() {
    Response response = Response.thrown(new IllegalStateException("boom", new java.io.IOException("disk full")));
    assertThat(response.status()).isEqualTo(Response.Status.EXCEPTION);
    assertThat(response.exitCode()).isEqualTo(1);
    assertThat(response.error()).isEqualTo(
        "java.lang.IllegalStateException: boom\nCaused by: java.io.IOException: disk full\n");
  }

  @Test
  void thrown_cyclicCauses_terminates() {
    Exception a = new Exception("a");
    Exception b = new Exception("b", a);
    a.initCause(b);
    assertThat(Response.thrown(a).thrown()).hasSize(2);
  }

  @Test
  void failed_zeroExitCode_isRejected() {
    assertThatThrownBy(() -> Response.failed(0, "x")).isInstanceOf(IllegalArgumentException.class);
  }
}
