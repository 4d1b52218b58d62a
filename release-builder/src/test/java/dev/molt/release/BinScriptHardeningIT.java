package dev.molt.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/<name> under dash refusing what a security review found it accepted: CDPATH, failures
 * inside $(...), paths as command names, strangers' pids, weak cookies, planted socket
 * directories, hooks that never end, a second start beside a node that is still starting.
 */
class BinScriptHardeningIT {
  @TempDir Path dir;
  Path root;
  Path script;
  Path pidFile;
  Sh sh;
  final List<Process> strangers = new ArrayList<>();

  @BeforeEach
  void buildRelease() throws Exception {
    root = build(dir, "target");
    script = root.resolve("bin/shop");
    pidFile = root.resolve("tmp/shop.pid");
    sh = new Sh(dir, baseEnv());
  }

  /** The test release with a declared custom command {@code greet}, built into {@code dir/out}. */
  static Path build(Path dir, String out) throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "bare");
    Files.writeString(r.relDir().resolve("molt.json"), """
        {"schema": 1, "name": "shop",
         "environments": {"bare": {"devMode": false, "includeRuntime": false}},
         "commands": {"greet": {"description": "says hello"}}}
        """);
    Path greet = r.relDir().resolve("commands/greet.sh");
    Files.writeString(greet, "#!/bin/sh\necho \"hello $# [$1] [$2]\"\n");
    ReleaseRequest withKernel = new ReleaseRequest(r.name(), r.version(), r.environment(), r.relDir(),
        dir.resolve(out), r.apps(), FakeKernel.build(dir), r.jdkHome());
    return new ReleaseBuilder(s -> {}).build(withKernel).releaseDir();
  }

  static Map<String, String> baseEnv() {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv("PATH"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("MOLT_START_TIMEOUT", "60");
    return env;
  }

  @AfterEach
  void killNodes() throws Exception {
    if (Files.exists(pidFile)) {
      ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).ifPresent(ProcessHandle::destroyForcibly);
    }
    NodeProcessesOf.root(root).forEach(ProcessHandle::destroyForcibly);
    strangers.forEach(Process::destroyForcibly);
  }

  @Test
  void exportedCdpath_rootStaysOneLine() throws Exception {
    sh.env.put("CDPATH", dir.toString());
    Sh.Result r = sh.run(dir.relativize(script), "version");
    assertThat(r).isEqualTo(new Sh.Result(0, "shop 1.0\n", ""));
  }

  @Test
  void failureInsideCommandSubstitution_stopsTheScriptBeforeJava() throws Exception {
    Files.createDirectories(root.resolve("tmp/jvm.args.boot")); // jvm_args cannot write its file
    Sh.Result r = sh.run(script, "foreground");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("cannot write " + root.resolve("tmp/jvm.args.boot"))
        .doesNotContain("molt: using");
  }

  @Test
  void customCommand_declaredRunsWithItsArguments_pathsAndUndeclaredScriptsRefused() throws Exception {
    Sh.Result greet = sh.run(script, "greet", "a b", "c");
    assertThat(greet).isEqualTo(new Sh.Result(0, "hello 2 [a b] [c]\n", ""));

    Path evil = Files.writeString(dir.resolve("evil.sh"), "#!/bin/sh\ntouch \"$0.ran\"\n");
    Files.setPosixFilePermissions(evil, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path commands = root.resolve("releases/1.0/commands");
    String traversal = commands.relativize(dir.resolve("evil")).toString();
    Sh.Result path = sh.run(script, traversal);
    assertThat(path.code()).as(path.err()).isEqualTo(2);
    assertThat(path.err()).contains("unknown command");
    assertThat(dir.resolve("evil.sh.ran")).doesNotExist();

    Path sneaky = Files.writeString(commands.resolve("sneaky.sh"), "#!/bin/sh\ntouch \"$0.ran\"\n");
    Files.setPosixFilePermissions(sneaky, PosixFilePermissions.fromString("rwxr-xr-x"));
    assertThat(sh.run(script, "sneaky").code()).isEqualTo(2);
    assertThat(commands.resolve("sneaky.sh.ran")).doesNotExist();
  }

  @Test
  void stop_withAStrangersPidInThePidFile_neverSignalsIt_withProcAndWithout() throws Exception {
    Process stranger = new ProcessBuilder("sleep", "60").start();
    strangers.add(stranger);
    Files.createDirectories(pidFile.getParent());
    // A node that crashed left its pid file; the pid now belongs to another process of ours.
    Files.writeString(pidFile, stranger.pid() + "\n");
    Sh.Result withProc = sh.run(script, "stop");
    assertThat(withProc.code()).as(withProc.err()).isEqualTo(3);
    assertThat(withProc.err()).contains("shop is not running");
    assertThat(stranger.isAlive()).as("the stranger still runs").isTrue();

    assumeThat(unshareWorks()).as("unshare -rm (user and mount namespaces) is not available:"
        + " cannot hide /proc; skipping").isTrue();
    Files.writeString(pidFile, stranger.pid() + "\n");
    // /proc hidden under an empty tmpfs: the pid file's process cannot be checked by /proc nor ps.
    Sh.Result stop = sh.runCommand(List.of("unshare", "-rm", "sh", "-c",
        "mount -t tmpfs none /proc && exec dash \"$0\" stop", script.toString()));
    assertThat(stop.code()).as(stop.err()).isEqualTo(3);
    assertThat(stop.err()).contains("shop is not running");
    assertThat(stranger.waitFor(1, TimeUnit.SECONDS)).as("the stranger still runs").isFalse();
  }

  @Test
  void cookie_openToOthers_refused() throws Exception {
    Path cookie = root.resolve("releases/COOKIE");
    Files.setPosixFilePermissions(cookie, PosixFilePermissions.fromString("rw-r--r--"));
    Sh.Result start = sh.run(script, "start");
    assertThat(start.code()).isEqualTo(1);
    assertThat(start.err()).contains(cookie + " is readable or writable by others", "chmod 0400")
        .as("refused by bin/shop itself, before any JVM").doesNotContain("failed to start");
    assertThat(pidFile).doesNotExist();
  }

  @Test
  void cookie_symbolicLink_refused() throws Exception {
    Path cookie = root.resolve("releases/COOKIE");
    Path elsewhere = Files.move(cookie, dir.resolve("COOKIE.elsewhere"));
    Files.createSymbolicLink(cookie, elsewhere);
    Sh.Result start = sh.run(script, "start");
    assertThat(start.code()).isEqualTo(1);
    assertThat(start.err()).contains(cookie + " must be a regular file owned by you");
  }

  @Test
  void cookie_ofAnotherUser_refused() throws Exception {
    assumeThat(System.getProperty("user.name")).as("only root can give a file away; skipping").isEqualTo("root");
    Path cookie = root.resolve("releases/COOKIE");
    Files.setAttribute(cookie, "unix:uid", 4321, LinkOption.NOFOLLOW_LINKS);
    Sh.Result start = sh.run(script, "start");
    assertThat(start.code()).isEqualTo(1);
    assertThat(start.err()).contains(cookie + " must be a regular file owned by you")
        .doesNotContain("failed to start");
    assertThat(pidFile).doesNotExist();
  }

  @Test
  void cookie_shortMoltCookie_refused() throws Exception {
    sh.env.put("MOLT_COOKIE", "fifteen-chars!!");
    Sh.Result start = sh.run(script, "start");
    assertThat(start.code()).isEqualTo(1);
    assertThat(start.err()).contains("MOLT_COOKIE has 15 characters; a cookie needs at least 16");
  }

  @Test
  void cookie_failedGeneration_leavesNoEmptyCookie() throws Exception {
    Path cookie = root.resolve("releases/COOKIE");
    Files.delete(cookie);
    Path tools = Files.createDirectories(dir.resolve("broken-od"));
    Path od = Files.writeString(tools.resolve("od"), "#!/bin/sh\nexit 1\n");
    Files.setPosixFilePermissions(od, PosixFilePermissions.fromString("rwxr-xr-x"));
    sh.env.put("PATH", tools + ":" + System.getenv("PATH"));
    Sh.Result start = sh.run(script, "start");
    assertThat(start.code()).isEqualTo(1);
    assertThat(start.err()).contains("cannot create " + cookie);
    assertThat(cookie).doesNotExist();
  }

  @Test
  void hook_thatNeverEnds_isStoppedAfterMoltHookTimeout() throws Exception {
    assertHangingHookStopped(sh);
  }

  @Test
  void hook_thatNeverEnds_isStoppedWithoutTimeoutCommand() throws Exception {
    sh.env.put("PATH", Tools.without(dir.resolve("no-timeout"), "timeout").toString());
    assertHangingHookStopped(sh);
  }

  @Test
  void hook_thatIgnoresSigterm_isKilledAfterTheGrace() throws Exception {
    assertHangingHookStopped(sh, "trap '' TERM\n");
  }

  @Test
  void hook_thatIgnoresSigterm_isKilledAfterTheGraceWithoutTimeoutCommand() throws Exception {
    sh.env.put("PATH", Tools.without(dir.resolve("no-timeout"), "timeout").toString());
    assertHangingHookStopped(sh, "trap '' TERM\n");
  }

  private void assertHangingHookStopped(Sh shell) throws Exception {
    assertHangingHookStopped(shell, "");
  }

  /** {@code prelude}: shell lines the hook runs first ({@code trap '' TERM}: its child inherits it). */
  private void assertHangingHookStopped(Sh shell, String prelude) throws Exception {
    Path hook = root.resolve("releases/1.0/hooks/pre_start/10-hang.sh");
    Files.createDirectories(hook.getParent());
    Path child = dir.resolve("hook-child.pid");
    // The hook's own child must go with it: left behind, it would outlive the command. It sleeps
    // far beyond Sh's 120 s bound on the command, so a start that waited for it fails there.
    Files.writeString(hook, "#!/bin/sh\n" + prelude + "echo hanging\nsleep 600 &\necho $! > " + child
        + "\nwait\n");
    Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
    shell.env.put("MOLT_HOOK_TIMEOUT", "1");
    Sh.Result start = shell.run(script, "start");
    assertThat(start.code()).as(start.err()).isEqualTo(1);
    assertThat(start.out() + start.err()).contains("hanging",
        "pre_start hook " + hook + " did not finish within 1 s", "MOLT_HOOK_TIMEOUT");
    assertThat(pidFile).doesNotExist();
    ProcessHandle sleeper = ProcessHandle.of(Long.parseLong(Files.readString(child).strip())).orElse(null);
    if (sleeper != null) {
      ProcessHandle exited = sleeper.onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).get();
      sleeper.destroyForcibly();
      assertThat(exited).as("the hook's child, after the hook was stopped").isNotNull();
    }
  }

  @Test
  void secondStart_whileANodeIsStillStarting_refusedWithExit7_stopFindsItOverTheChannel() throws Exception {
    sh.env.put("FAKE_NO_PID", "1"); // the node answers on its channel but never writes its pid file
    sh.env.put("MOLT_START_TIMEOUT", "3");
    Sh.Result first = sh.run(script, "start");
    assertThat(first.err()).contains("did not start within 3 s"); // no pid file
    Sh.Result second = sh.run(script, "start");
    assertThat(second.code()).as(second.err()).isEqualTo(7);
    assertThat(second.err()).contains("shop is already running (pid ");
    assertThat(sh.run(script, "foreground").code()).isEqualTo(7);
    Sh.Result stop = sh.run(script, "stop");
    assertThat(stop.code()).as(stop.err()).isZero();
    assertThat(NodeProcessesOf.root(root)).isEmpty();
  }

  @Test
  void longRoot_plantedLinkAsSocketDirectory_refusedAndItsTargetUntouched() throws Exception {
    Path longRoot = build(dir.resolve("long"), "target/" + "x".repeat(80));
    Path tmpdir = Files.createDirectories(dir.resolve("tmpdir"));
    Path victim = Files.createDirectories(dir.resolve("victim"));
    Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.createSymbolicLink(tmpdir.resolve("molt-" + uid() + "-" + cksum(longRoot.toString())), victim);
    sh.env.put("TMPDIR", tmpdir.toString());
    // An XDG_RUNTIME_DIR open to others is not used: the socket directory falls back to TMPDIR.
    Path openXdg = Files.createDirectories(dir.resolve("xdg-open"));
    Files.setPosixFilePermissions(openXdg, PosixFilePermissions.fromString("rwxr-xr-x"));
    sh.env.put("XDG_RUNTIME_DIR", openXdg.toString());
    try {
      Sh.Result start = sh.run(longRoot.resolve("bin/shop"), "start");
      assertThat(start.code()).as(start.err()).isEqualTo(1);
      assertThat(start.err()).contains("is a symbolic link, belongs to another user or is open to others");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(victim))).isEqualTo("rwxr-xr-x");
      assertThat(victim).isEmptyDirectory();
      assertThat(openXdg).isEmptyDirectory();
    } finally {
      NodeProcessesOf.root(longRoot).forEach(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void longRoot_socketUnderXdgRuntimeDir_foundFromAShellWithAnotherTmpdir() throws Exception {
    Path longRoot = build(dir.resolve("long"), "target/" + "x".repeat(80));
    Path bin = longRoot.resolve("bin/shop");
    Path xdg = Files.createDirectories(dir.resolve("xdg"));
    Files.setPosixFilePermissions(xdg, PosixFilePermissions.fromString("rwx------"));
    sh.env.put("XDG_RUNTIME_DIR", xdg.toString());
    sh.env.put("TMPDIR", Files.createDirectories(dir.resolve("tmp1")).toString());
    try {
      Sh.Result start = sh.run(bin, "start");
      assertThat(start.code()).as(start.err()).isZero();
      Path socket = xdg.resolve("molt-" + uid() + "-" + cksum(longRoot.toString()) + "/shop.sock");
      assertThat(Files.readString(longRoot.resolve("tmp/shop.socket"))).isEqualTo(socket + "\n");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())))
          .isEqualTo("rwx------");
      sh.env.remove("XDG_RUNTIME_DIR");
      sh.env.put("TMPDIR", Files.createDirectories(dir.resolve("tmp2")).toString());
      assertThat(sh.run(bin, "ping")).isEqualTo(new Sh.Result(0, "pong\n", ""));
      assertThat(sh.run(bin, "stop").code()).isZero();
    } finally {
      NodeProcessesOf.root(longRoot).forEach(ProcessHandle::destroyForcibly);
    }
  }

  private String uid() throws Exception {
    return sh.runCommand(List.of("id", "-u")).out().strip();
  }

  private String cksum(String text) throws Exception {
    String out = sh.runCommand(List.of("sh", "-c", "printf '%s' \"$0\" | cksum", text)).out();
    return out.split(" ")[0];
  }

  private boolean unshareWorks() throws Exception {
    Sh.Result r = sh.runCommand(List.of("unshare", "-rm", "sh", "-c", "mount -t tmpfs none /proc"));
    return r.code() == 0;
  }
}
