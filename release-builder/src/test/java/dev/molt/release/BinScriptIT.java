package dev.molt.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/<name> under dash, against a release whose kernel is a small stand-in (FakeKernel). */
class BinScriptIT {
  @TempDir Path dir;
  Path root;
  Path script;
  Path pidFile;
  Sh sh;

  @BeforeEach
  void buildRelease() throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "bare");
    Files.writeString(r.relDir().resolve("jvm.options"), "# heap\n\n-Dmolt.test.prop=hello  # trailing\n-Xmx64m\n");
    ReleaseRequest withKernel = new ReleaseRequest(r.name(), r.version(), r.environment(), r.relDir(),
        r.outputDir(), r.apps(), FakeKernel.build(dir), r.jdkHome());
    root = new ReleaseBuilder(s -> {}).build(withKernel).releaseDir();
    script = root.resolve("bin/shop");
    pidFile = root.resolve("tmp/shop.pid");
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("MOLT_START_TIMEOUT", "60");
    sh = new Sh(dir, env);
  }

  @AfterEach
  void killNode() throws Exception {
    if (Files.exists(pidFile)) {
      ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void version_help_unknown() throws Exception {
    assertThat(sh.run(script, "version")).isEqualTo(new Sh.Result(0, "shop 1.0\n", ""));
    Sh.Result help = sh.run(script, "help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("foreground", "restart", "describe", "Exit codes: 0 ok, 1 failure, 2 usage error, 3 node not running");
    Sh.Result bad = sh.run(script, "frobnicate");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown command 'frobnicate'", "Usage: bin/shop");
    assertThat(sh.run(script).code()).isEqualTo(2);
  }

  @Test
  void pingPidStop_whenNotRunning_exit3() throws Exception {
    for (String cmd : List.of("ping", "pid", "stop")) {
      Sh.Result r = sh.run(script, cmd);
      assertThat(r.code()).as(cmd).isEqualTo(3);
      assertThat(r.err()).as(cmd).contains("shop is not running");
    }
  }

  @Test
  void startPingPidStop_fullCycle() throws Exception {
    Files.delete(root.resolve("releases/COOKIE"));
    Sh.Result start = sh.run(script, "start");
    assertThat(start.code()).as(start.err()).isZero();
    assertThat(start.out()).startsWith("shop 1.0 started (pid ");
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    assertThat(ProcessHandle.of(pid)).isPresent();
    assertThat(sh.run(script, "ping")).isEqualTo(new Sh.Result(0, "pong\n", ""));
    assertThat(sh.run(script, "pid").out()).isEqualTo(pid + "\n");
    Sh.Result again = sh.run(script, "start");
    assertThat(again.code()).isEqualTo(7);
    assertThat(again.err()).contains("shop is already running (pid " + pid + ")");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("releases/COOKIE"))))
        .isEqualTo("r--------");
    assertThat(Files.readString(root.resolve("releases/COOKIE"))).matches("[0-9a-f]{64}");
    assertThat(Files.readString(root.resolve("tmp/jvm.args.boot"))).isEqualTo("-Dmolt.test.prop=hello\n-Xmx64m\n");
    Sh.Result stop = sh.run(script, "stop");
    assertThat(stop.code()).as(stop.err()).isZero();
    assertThat(pidFile).doesNotExist();
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(Files.readString(root.resolve("var/log/shop.log")))
        .contains("booted 1.0 prop=hello agent=loaded vsn=1.0");
  }

  @Test
  void start_withStalePidFile_startsAnyway() throws Exception {
    Files.createDirectories(pidFile.getParent());
    Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid())); // alive, but not our kernel
    Sh.Result start = sh.run(script, "start");
    assertThat(start.code()).as(start.err()).isZero();
    assertThat(Files.readString(pidFile).strip()).isNotEqualTo(Long.toString(ProcessHandle.current().pid()));
  }

  @Test
  void start_whenBootFails_printsLogTailAndExits1() throws Exception {
    sh.env.put("FAKE_FAIL", "1");
    Sh.Result start = sh.run(script, "start");
    assertThat(start.code()).isEqualTo(1);
    assertThat(start.err()).contains("shop failed to start", "boot failed: FAKE_FAIL is set");
  }

  @Test
  void stop_whenNodeIgnoresTerm_timesOutWithExit1() throws Exception {
    sh.env.put("FAKE_IGNORE_TERM", "1");
    sh.env.put("MOLT_STOP_TIMEOUT", "1");
    assertThat(sh.run(script, "start").code()).isZero();
    Sh.Result stop = sh.run(script, "stop");
    assertThat(stop.code()).isEqualTo(1);
    assertThat(stop.err()).contains("did not stop within 1 s", "kill -KILL");
  }

  @Test
  void reboot_givesANewPid() throws Exception {
    assertThat(sh.run(script, "start").code()).isZero();
    String first = Files.readString(pidFile).strip();
    Sh.Result restart = sh.run(script, "reboot");
    assertThat(restart.code()).as(restart.err()).isZero();
    assertThat(Files.readString(pidFile).strip()).isNotEqualTo(first);
  }

  @Test
  void throughSymlinkFromAnotherDirectory_findsItsRoot() throws Exception {
    Path link = dir.resolve("elsewhere/shop");
    Files.createDirectories(link.getParent());
    Files.createSymbolicLink(link, script);
    Path link2 = dir.resolve("elsewhere/shop2");
    Files.createSymbolicLink(link2, Path.of("shop")); // relative link to a link
    assertThat(sh.run(link2, "version").out()).isEqualTo("shop 1.0\n");
  }

  @Test
  void describe_saysWhichJavaAndRunsTheKernel() throws Exception {
    Sh.Result r = sh.run(script, "describe");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("java command: " + System.getProperty("java.home") + "/bin/java (JAVA_HOME)")
        .contains("fake describe " + root + " 1.0");
  }

  @Test
  void foreground_withoutAnyJava_failsClearly() throws Exception {
    Path bin = dir.resolve("tools");
    Files.createDirectories(bin);
    for (String tool : List.of("dirname", "readlink", "awk", "sed", "cat", "mkdir", "chmod", "tr", "grep",
        "od", "sleep", "tail", "nohup", "rm", "basename")) {
      Path real = Path.of("/usr/bin", tool);
      Files.createSymbolicLink(bin.resolve(tool), Files.exists(real) ? real : Path.of("/bin", tool));
    }
    sh.env.put("PATH", bin.toString());
    sh.env.remove("JAVA_HOME");
    Sh.Result r = sh.run(script, "foreground");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("molt: no Java found");
  }

  @Test
  void missingReleasesFile_failsClearly() throws Exception {
    Files.delete(root.resolve("releases/RELEASES.json"));
    Sh.Result r = sh.run(script, "version");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("RELEASES.json not found");
  }
}
