package dev.molt.upgrade.hook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.upgrade.step.StepException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HookStepTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
  private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);

  private HookStep step(Duration deadline) {
    return new HookStep("post_upgrade", dir, Map.of("PATH", "/usr/bin:/bin",
        "MOLT_UPGRADE_TO", "0.2.0"), deadline, log);
  }

  @Test
  void scripts_runInNameOrder_withTheEnvironment() throws Exception {
    Path out = dir.resolve("order.txt");
    Files.writeString(dir.resolve("20-b.sh"), "echo \"b $MOLT_HOOK_PHASE\" >> " + out + "\n");
    Files.writeString(dir.resolve("10-a.sh"), "echo \"a $MOLT_UPGRADE_TO\" >> " + out + "\n");
    Files.writeString(dir.resolve("README.md"), "not a hook");
    step(Duration.ofSeconds(30)).run();
    assertThat(Files.readAllLines(out)).containsExactly("a 0.2.0", "b post_upgrade");
  }

  @Test
  void failingScript_failsTheStep_namingItsExitCodeAndOutput() throws Exception {
    Files.writeString(dir.resolve("10-check.sh"), "echo not healthy\nexit 7\n");
    assertThatThrownBy(() -> step(Duration.ofSeconds(30)).run())
        .isInstanceOf(StepException.class)
        .hasMessageContaining("post_upgrade hook").hasMessageContaining("10-check.sh")
        .hasMessageContaining("exit 7").hasMessageContaining("not healthy");
    assertThat(logged.toString(StandardCharsets.UTF_8)).contains("not healthy");
  }

  @Test
  void scriptPastItsDeadline_isKilled_andFailsTheStep() throws Exception {
    Files.writeString(dir.resolve("10-slow.sh"), "sleep 60\n");
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> step(Duration.ofSeconds(1)).run())
        .isInstanceOf(StepException.class).hasMessageContaining("did not finish within 1 s");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void noHookDirectory_runsNothing() throws Exception {
    HookStep none = new HookStep("pre_upgrade", dir.resolve("absent"), Map.of(),
        Duration.ofSeconds(1), log);
    assertThat(none.scripts()).isEmpty();
    none.run();
  }
}
