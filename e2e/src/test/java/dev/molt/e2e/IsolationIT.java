package dev.molt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.appup.AppupCompiler;
import dev.molt.appup.PlanRequest;
import dev.molt.e2e.support.Fixture;
import dev.molt.e2e.support.Releases;
import dev.molt.e2e.support.UpgradeReleases;
import dev.molt.format.UpgradeFormats;
import dev.molt.release.AppInput;
import dev.molt.release.ReleaseResult;
import dev.molt.testsupport.node.CommandResult;
import dev.molt.testsupport.node.Node;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class loader isolation in a running node: app-a uses greeter 1.0.0 and app-b greeter 2.0.0
 * (same class name), and neither can load the kernel or the kernel's Jackson; and a library both
 * hold, changed in a method body only, is redefined live in both.
 */
class IsolationIT {
  private Node node;

  @AfterEach
  void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void twoAppsWithTwoVersionsOfOneLibrary_eachSeesItsOwn_noneSeesTheKernel(@TempDir Path out)
      throws Exception {
    ReleaseResult built = Releases.build("isolation", "1.0.0",
        Fixture.root().resolve("isolation/rel"), "dev", out, inputs(), Optional.empty());
    node = new Node(built.releaseDir(), "isolation");

    CommandResult start = node.run(Node.env(Map.of()), "start");
    assertThat(start.exitCode()).as(start + "\n" + node.log()).isZero();
    Properties a = awaitSeen("app-a");
    Properties b = awaitSeen("app-b");

    assertThat(a.getProperty("greeting")).isEqualTo("hello app-a from greeter 1");
    assertThat(b.getProperty("greeting")).isEqualTo("greetings app-b from greeter 2");
    for (Properties seen : List.of(a, b)) {
      assertThat(seen.getProperty("jackson")).as("Jackson visible to an app").isEqualTo("false");
      assertThat(seen.getProperty("kernel")).as("kernel visible to an app").isEqualTo("false");
      assertThat(seen.getProperty("compress")).as("the kernel's commons-compress visible to an app")
          .isEqualTo("false");
      assertThat(seen.getProperty("upgradeEngine")).as("the upgrade engine visible to an app")
          .isEqualTo("false");
      assertThat(seen.getProperty("api")).as("molt-api visible to an app").isEqualTo("true");
    }
    assertThat(built.descriptor().apps()).extracting(app -> app.name() + "-" + app.version())
        .contains("greeter-v1-1.0.0", "greeter-v2-2.0.0");
  }

  @Test
  void libraryBodyChange_plansARedefineOfTheLibrary_appliedLiveInEveryApplicationHoldingIt(
      @TempDir Path out) throws Exception {
    // app-a and app-b both on greeter 1.0.0, then 2.0.0 (greet's body changed only): each
    // application's loader defined its own copy of Greeter, and the redefine must reach both.
    Path rel = Releases.copy(Fixture.root().resolve("isolation/rel"), out.resolve("rel"));
    // a prod release without a jlink runtime: copied jars, no seconds spent linking
    Files.writeString(rel.resolve("molt.json"), "{\"schema\": 1, \"name\": \"isolation\","
        + " \"environments\": {\"bare\": {\"devMode\": false, \"includeRuntime\": false}}}");
    Path v1 = Releases.build("isolation", "1.0.0", rel, "bare", out.resolve("v1"),
        sharedGreeter("app-a"), Optional.empty()).releaseDir();
    Path v2 = Releases.build("isolation", "1.0.1", rel, "bare", out.resolve("v2"),
        sharedGreeter("app-b"), Optional.empty()).releaseDir();
    Path relup = v2.resolve("releases/1.0.1/relup.json");
    AppupCompiler.writeRelup(AppupCompiler.plan(PlanRequest.of(List.of(v1), v2)), relup);
    assertThat(UpgradeFormats.readRelup(relup).upFrom("1.0.0").orElseThrow().steps())
        .extracting(step -> step.instruction().op() + step.app().map(a -> " " + a).orElse(""))
        .containsExactly("redefine greeter", "point_of_no_return");

    node = new Node(Releases.copy(v1, out.resolve("isolation")), "isolation");
    CommandResult start = node.run(Node.env(Map.of()), "start");
    assertThat(start.exitCode()).as(start + "\n" + node.log()).isZero();
    awaitSeen("app-a");
    awaitSeen("app-b");
    assertThat(greet("app-a")).isEqualTo("hello x from greeter 1");
    UpgradeReleases.install(v2, "1.0.1", node.root());

    CommandResult up = node.run(Node.env(Map.of()), "upgrade", "1.0.1");
    assertThat(up.exitCode()).as(up + "\n" + node.log()).isZero();
    assertThat(up.stdout()).containsPattern("ok +redefine greeter: Greeter");
    assertThat(greet("app-a")).isEqualTo("greetings x from greeter 2");
    assertThat(greet("app-b")).isEqualTo("greetings x from greeter 2");

    CommandResult down = node.run(Node.env(Map.of()), "downgrade", "1.0.0");
    assertThat(down.exitCode()).as(down + "\n" + node.log()).isZero();
    assertThat(greet("app-a")).isEqualTo("hello x from greeter 1");
    assertThat(greet("app-b")).isEqualTo("hello x from greeter 1");
  }

  /** app-a and app-b, both with the greeter {@code greeterOf}'s fixture depends on, as greeter. */
  private static List<AppInput> sharedGreeter(String greeterOf) throws Exception {
    List<AppInput> apps = new ArrayList<>();
    for (String app : List.of("app-a", "app-b")) {
      for (AppInput input : Fixture.isolationApp(app).inputs()) {
        if (!input.name().equals("greeter") || app.equals(greeterOf)) {
          apps.add(input);
        }
      }
    }
    return apps;
  }

  /** Greeter.greet("x") called in {@code app}'s loader, through rpc. */
  private String greet(String app) {
    CommandResult rpc = node.run(Node.env(Map.of()), "rpc", "--app", app,
        "dev.molt.fixtures.greeter.Greeter.greet", "x");
    assertThat(rpc.exitCode()).as(rpc.toString()).isZero();
    return rpc.stdout().strip();
  }

  /**
   * app-a and app-b with their greeters. Both greeters are artifactId "greeter"; a release names
   * each app once, so they become greeter-v1 and greeter-v2 here.
   */
  private static List<AppInput> inputs() throws Exception {
    List<AppInput> apps = new ArrayList<>();
    apps.addAll(renameGreeter(Fixture.isolationApp("app-a").inputs(), "greeter-v1"));
    apps.addAll(renameGreeter(Fixture.isolationApp("app-b").inputs(), "greeter-v2"));
    return apps;
  }

  private static List<AppInput> renameGreeter(List<AppInput> apps, String newName) {
    List<AppInput> renamed = new ArrayList<>();
    for (AppInput app : apps) {
      String name = app.name().equals("greeter") ? newName : app.name();
      List<String> deps = app.dependsOn().stream()
          .map(d -> d.equals("greeter") ? newName : d).toList();
      renamed.add(new AppInput(
          name, app.version(), app.coordinates(), app.jars(), deps, app.entry()));
    }
    return renamed;
  }

  private Properties awaitSeen(String app) throws IOException, InterruptedException {
    Path file = node.root().resolve("var").resolve(app).resolve("seen.properties");
    Instant deadline = Instant.now().plus(Node.TIMEOUT);
    while (!Files.isRegularFile(file)) { // moved into place whole by the app
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError(app + " wrote no " + file + " within " + Node.TIMEOUT
            + "\n--- log\n" + node.log());
      }
      Thread.sleep(Duration.ofMillis(100).toMillis());
    }
    Properties seen = new Properties();
    try (Reader reader = Files.newBufferedReader(file)) {
      seen.load(reader);
    }
    return seen;
  }
}
