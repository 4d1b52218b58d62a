package dev.molt.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestPauseTest {
  @TempDir Path root;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final PrintStream log = new PrintStream(out, true, StandardCharsets.UTF_8);

  @BeforeEach
  void tmp() throws Exception {
    Files.createDirectories(root.resolve("tmp"));
  }

  @Test
  void unset_neverPausesNorWrites() {
    TestPause pause = TestPause.fromEnvironment(Map.of(), root, log);
    pause.at(0, "pre_upgrade hooks");
    pause.at(3, "commit");
    assertThat(root.resolve("tmp")).isEmptyDirectory();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void namedStep_writesTheMarker_waitsForTheReleaseFile_otherStepsPassThrough() throws Exception {
    TestPause pause = TestPause.fromEnvironment(Map.of(TestPause.VARIABLE, "redefine"), root, log);
    pause.at(0, "redefined-not-a-match");
    pause.at(2, "commit");
    assertThat(root.resolve("tmp/molt-test-pause.reached")).doesNotExist();

    CompletableFuture<Void> paused = CompletableFuture.runAsync(
        () -> pause.at(1, "redefine book_app: BookHandler"));
    Path reached = root.resolve("tmp/molt-test-pause.reached");
    for (int i = 0; i < 500 && !Files.exists(reached); i++) {
      Thread.sleep(10);
    }
    assertThat(Files.readString(reached)).isEqualTo("1 redefine book_app: BookHandler\n");
    assertThat(paused).isNotDone();
    Files.writeString(root.resolve("tmp/molt-test-pause.release"), "");
    paused.get(10, TimeUnit.SECONDS);
    assertThat(root.resolve("tmp")).isEmptyDirectory();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("MOLT_TEST_PAUSE_AT=redefine",
        "for tests only", "paused at 1 redefine");
  }

  @Test
  void commitAndCommitted_areTwoPoints_aNumberMatchesTheStepNumber() throws Exception {
    TestPause pause = TestPause.fromEnvironment(Map.of(TestPause.VARIABLE, "commit"), root, log);
    pause.at(-1, "committed");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    TestPause byNumber = TestPause.fromEnvironment(Map.of(TestPause.VARIABLE, "4"), root, log);
    CompletableFuture<Void> paused = CompletableFuture.runAsync(
        () -> byNumber.at(4, "purge book_app"));
    Path reached = root.resolve("tmp/molt-test-pause.reached");
    for (int i = 0; i < 500 && !Files.exists(reached); i++) {
      Thread.sleep(10);
    }
    Files.writeString(root.resolve("tmp/molt-test-pause.release"), "");
    paused.get(10, TimeUnit.SECONDS);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("paused at 4 purge book_app");
  }
}
