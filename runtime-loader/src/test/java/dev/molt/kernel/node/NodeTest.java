package dev.molt.kernel.node;

import static dev.molt.kernel.testing.JarBuilder.jar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.kernel.testing.AppSources;
import dev.molt.kernel.testing.ReleaseRoot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts and stops apps inside this JVM, each in its own loader. */
class NodeTest {
  @TempDir static Path build;
  static Path recorderJar;

  @TempDir Path root;

  @BeforeAll
  static void buildJars() throws Exception {
    recorderJar = jar(build, "recorder.jar").source("rec.Events", AppSources.EVENTS)
        .source("rec.Recorder", AppSources.RECORDER)
        .source("rec.NotAnApp", "package rec; public class NotAnApp {}").build();
  }

  @BeforeEach
  void events() {
    System.setProperty("molt.test.events", root.resolve("events.log").toString());
  }

  @AfterEach
  void clear() {
    System.clearProperty("molt.test.events");
  }

  @Test
  void stopApps_oneStopThrows_othersStillStoppedInReverse() throws Exception {
    ReleaseRoot.at(root, "book", "1.0")
        .application("a", recorderJar, "rec.Recorder")
        .application("b", recorderJar, "rec.Recorder", "a")
        .application("c", recorderJar, "rec.Recorder", "b")
        .config("{\"b\": {\"failStop\": \"socket stuck\"}}").write();
    Node node = Node.load(new BootRequest(root, "1.0", Map.of(), true));

    node.startApps(failure -> { });
    List<AppFailure> failures = node.stopApps();

    assertThat(failures).singleElement().satisfies(f -> {
      assertThat(f.app()).isEqualTo("b");
      assertThat(f.error()).hasMessage("socket stuck");
    });
    assertThat(Files.readAllLines(root.resolve("events.log")))
        .endsWith("stop c tccl=app", "stop b tccl=app", "stop a tccl=app");
    assertThat(node.apps()).extracting(NodeApp::state).containsOnly(AppState.STOPPED);
    assertThat(node.stopApps()).isEmpty();
  }

  @Test
  void reloadConfig_changedKeysReachTheRunningApps_invalidFileChangesNothing() throws Exception {
    ReleaseRoot.at(root, "book", "1.0")
        .application("a", recorderJar, "rec.Recorder")
        .application("b", recorderJar, "rec.Recorder", "a")
        .config("{\"a\": {\"greeting\": \"hi\"}, \"b\": {\"greeting\": \"hi\"}}").write();
    Node node = Node.load(new BootRequest(root, "1.0", Map.of("WHO", "world"), true));
    node.startApps(failure -> { });
    Path config = root.resolve("releases/1.0/config.json");

    Files.writeString(config, "{\"a\": {\"greeting\": \"hello ${WHO}\", \"extra\": \"1\"},"
        + " \"b\": {\"greeting\": \"hi\"}}");
    ConfigChanges changes = node.reloadConfig(Map.of("WHO", "world"));

    assertThat(changes.changed()).containsOnlyKeys("a");
    assertThat(changes.changed().get("a")).containsExactly("extra", "greeting");
    assertThat(changes.failures()).isEmpty();
    assertThat(Files.readAllLines(root.resolve("events.log")))
        .contains("config a [extra, greeting] greeting=hello world tccl=app")
        .noneMatch(line -> line.startsWith("config b"));
    assertThat(node.app("a").orElseThrow().config().get("greeting")).contains("hello world");

    Files.writeString(config, "{ not json");
    assertThatThrownBy(() -> node.reloadConfig(Map.of())).isInstanceOf(ConfigException.class)
        .hasMessageContaining("config.json");
    assertThat(node.app("a").orElseThrow().config().get("greeting")).contains("hello world");
    node.stopApps();
  }

  @Test
  void startApps_classNotAnApplication_failsWithRemedyAndRollsBack() throws Exception {
    ReleaseRoot.at(root, "book", "1.0")
        .application("a", recorderJar, "rec.Recorder")
        .application("b", recorderJar, "rec.NotAnApp").write();
    Node node = Node.load(new BootRequest(root, "1.0", Map.of(), true));

    assertThatThrownBy(() -> node.startApps(failure -> { }))
        .isInstanceOf(AppStartException.class)
        .hasMessage("app b 1.0 cannot start: class rec.NotAnApp does not implement"
            + " dev.molt.api.Application; implement it, or declare the entry as kind \"main\""
            + " if the class has a main method");
    assertThat(node.app("a").orElseThrow().state()).isEqualTo(AppState.STOPPED);
    assertThat(node.app("b").orElseThrow().state()).isEqualTo(AppState.FAILED);
  }

  @Test
  void startApps_entryClassMissing_failsNamingTheAppDirectory() throws Exception {
    ReleaseRoot.at(root, "book", "1.0").application("a", recorderJar, "rec.Nope").write();
    Node node = Node.load(new BootRequest(root, "1.0", Map.of(), true));

    assertThatThrownBy(() -> node.startApps(failure -> { }))
        .isInstanceOf(AppStartException.class)
        .hasMessageContaining("entry class rec.Nope is not in lib/a-1.0");
  }

  @Test
  void load_versionMismatch_fails() throws Exception {
    ReleaseRoot.at(root, "book", "1.0").application("a", recorderJar, "rec.Recorder").write();
    Files.move(root.resolve("releases/1.0"), root.resolve("releases/2.0"));

    assertThatThrownBy(() -> Node.load(new BootRequest(root, "2.0", Map.of(), true)))
        .isInstanceOf(ReleaseInvalidException.class)
        .hasMessageContaining("is for version 1.0, not 2.0");
  }

  @Test
  void load_missingJar_failsNamingIt() throws Exception {
    ReleaseRoot.at(root, "book", "1.0").application("a", recorderJar, "rec.Recorder").write();
    Files.delete(root.resolve("lib/a-1.0/recorder.jar"));

    assertThatThrownBy(() -> Node.load(new BootRequest(root, "1.0", Map.of(), true)))
        .isInstanceOf(JarMismatchException.class)
        .hasMessageStartingWith("lib/a-1.0/recorder.jar is missing; restore it from the release"
            + " tarball (book-1.0.tar.gz");
  }

  @Test
  void load_noVerify_tamperedJarStillLoads() throws Exception {
    ReleaseRoot.at(root, "book", "1.0").application("a", recorderJar, "rec.Recorder").write();
    Files.write(root.resolve("lib/a-1.0/recorder.jar"), new byte[] {0},
        java.nio.file.StandardOpenOption.APPEND);

    Node node = Node.load(new BootRequest(root, "1.0", Map.of(), false));

    assertThat(node.apps()).singleElement().extracting(NodeApp::name).isEqualTo("a");
    assertThat(root.resolve("var/a")).isDirectory();
  }
}
