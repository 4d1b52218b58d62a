package dev.molt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.e2e.support.FileTree;
import dev.molt.e2e.support.Fixture;
import dev.molt.e2e.support.Releases;
import dev.molt.e2e.support.SharedBookRelease;
import dev.molt.release.ReleaseResult;
import dev.molt.testsupport.node.CommandResult;
import dev.molt.testsupport.node.Commands;
import dev.molt.testsupport.node.Http;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prod tarball: reproducible, and a release of its own once unpacked anywhere. */
class TarballIT {
  private Node unpacked;

  @AfterEach
  void stopNode() {
    if (unpacked != null) {
      unpacked.close();
    }
  }

  @Test
  void build_twiceFromSameInputs_tarballsAreByteIdentical(@TempDir Path second) throws Exception {
    SharedBookRelease.Built first = SharedBookRelease.get();
    ReleaseResult again = Releases.build(Fixture.bookApp(), "prod", second);

    Path firstTar = first.tarball().orElseThrow();
    Path secondTar = again.tarball().orElseThrow();
    assertThat(firstTar).isNotEqualTo(secondTar);
    assertThat(FileTree.sha256(secondTar)).isEqualTo(FileTree.sha256(firstTar));
    assertThat(Files.mismatch(firstTar, secondTar)).isEqualTo(-1L);
    assertThat(Files.readString(again.checksum().orElseThrow()))
        .contains(FileTree.sha256(secondTar));
    assertThat(first.releaseDir().resolve("releases/0.1.0/book_app-0.1.0.tar.gz")).isRegularFile();
  }

  @Test
  void unpackedElsewhere_runsThroughSymlinkFromAnotherDirectory(@TempDir Path dir)
      throws Exception {
    Path tarball = SharedBookRelease.get().tarball().orElseThrow();
    Path installDir = Files.createDirectories(dir.resolve("opt"));
    CommandResult untar = Commands.run(List.of("tar", "-xzf", tarball.toString()), installDir,
        Map.of("PATH", "/usr/bin:/bin"), Duration.ofSeconds(60));
    assertThat(untar.exitCode()).as(untar.toString()).isZero();
    unpacked = new Node(installDir.resolve("book_app"), "book_app");
    assertThat(unpacked.script()).isExecutable();

    Path link = Files.createDirectories(dir.resolve("usr/local/bin")).resolve("book_app");
    Files.createSymbolicLink(link, unpacked.script());
    Path elsewhere = Files.createDirectories(dir.resolve("home/somebody"));
    int port = Ports.free();

    CommandResult start = unpacked.runFrom(elsewhere, link, Node.envWithPort(port), "start");
    assertThat(start.exitCode()).as(start + "\n" + unpacked.log()).isZero();
    Http.awaitOk(port, "/health", Node.TIMEOUT);
    assertThat(Http.postForm(port, "/books", "title=Ulysses&author=James+Joyce").statusCode())
        .isEqualTo(201);
    assertThat(Http.get(port, "/books").body()).contains("Ulysses");
    assertThat(installDir.resolve("book_app/var/book_app/books.mv.db")).exists();
    assertThat(elsewhere).isEmptyDirectory();

    CommandResult ping = unpacked.runFrom(elsewhere, link, Node.env(Map.of()), "ping");
    assertThat(ping.exitCode()).as(ping.toString()).isZero();
    CommandResult stop = unpacked.runFrom(elsewhere, link, Node.env(Map.of()), "stop");
    assertThat(stop.exitCode()).as(stop.toString()).isZero();
    assertThat(unpacked.pidFile()).doesNotExist();
  }
}
