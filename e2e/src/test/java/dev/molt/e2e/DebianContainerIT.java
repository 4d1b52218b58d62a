package dev.molt.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.molt.e2e.support.SharedBookRelease;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * The prod tarball on a bare Debian with no Java installed: unpack, start, call, stop. Skipped,
 * with the reason in the build output, where Docker is not available; BookAppReleaseIT checks the
 * same property without Docker by hiding Java from PATH and JAVA_HOME. The container is started
 * in the test, after the check, so a skip is a skipped test in Failsafe's count too.
 */
class DebianContainerIT {
  private static final int PORT = 4001;
  private GenericContainer<?> debian;

  @Test
  void prodTarball_onDebianWithoutJava_startsAndAnswers() throws Exception {
    assumeTrue(DockerClientFactory.instance().isDockerAvailable(), "no Docker environment found by"
        + " Testcontainers (DOCKER_HOST, /var/run/docker.sock); BookAppReleaseIT checks the tarball"
        + " without Java on this host instead");
    try (GenericContainer<?> container = new GenericContainer<>(
        DockerImageName.parse("debian:bookworm-slim"))
        .withCommand("sleep", "infinity")
        .withStartupTimeout(Duration.ofMinutes(2))) {
      container.start();
      debian = container;
      runsTheTarball();
    }
  }

  private void runsTheTarball() throws Exception {
    Path tarball = SharedBookRelease.get().tarball().orElseThrow();
    debian.copyFileToContainer(MountableFile.forHostPath(tarball), "/opt/book_app.tar.gz");

    assertThat(sh("command -v java").getExitCode()).as("java in the image").isNotZero();
    ExecResult untar = sh("cd /opt && tar -xzf book_app.tar.gz");
    assertThat(untar.getExitCode()).as(untar.getStderr()).isZero();

    ExecResult start = sh("PORT=" + PORT + " /opt/book_app/bin/book_app start");
    assertThat(start.getExitCode()).as(start.getStdout() + start.getStderr()).isZero();
    ExecResult health = bash(poll(PORT, "/health"));
    assertThat(health.getStdout()).as(health.getStderr()).contains("200").contains("\"ok\"");
    ExecResult books = bash(poll(PORT, "/books"));
    assertThat(books.getStdout()).contains("200");

    ExecResult stop = sh("/opt/book_app/bin/book_app stop");
    assertThat(stop.getExitCode()).as(stop.getStdout() + stop.getStderr()).isZero();
  }

  /** A bash loop (the image has no curl) that GETs a path over /dev/tcp, for up to 60 s. */
  static String poll(int port, String path) {
    // The connection is made in a subshell, so a refused connect fails that subshell only.
    return "for i in $(seq 1 300); do "
        + "out=$( (exec 3<>/dev/tcp/127.0.0.1/" + port + " && printf 'GET " + path
        + " HTTP/1.0\\r\\nHost: 127.0.0.1\\r\\n\\r\\n' >&3 && cat <&3) 2>/dev/null ) "
        + "&& { printf '%s' \"$out\"; exit 0; }; sleep 0.2; done; echo 'no answer'; exit 1";
  }

  private ExecResult sh(String script) throws Exception {
    return debian.execInContainer("sh", "-c", script);
  }

  private ExecResult bash(String script) throws Exception {
    return debian.execInContainer("bash", "-c", script);
  }
}
