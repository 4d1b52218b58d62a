package dev.molt.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/book_app foreground}, stopped with {@code bin/book_app stop}. With {@code skipHooks},
 * runs it with {@code MOLT_SKIP_HOOKS=1}: book_app's post_start hook (a migration run through the
 * control channel, i.e. more JVMs) then does not compete with the boot for the CPU.
 */
final class MoltLaunch extends Launch {
  private final Path script;
  private final boolean skipHooks;

  MoltLaunch(Path releaseRoot, boolean skipHooks) {
    this.script = releaseRoot.resolve("bin/book_app");
    this.skipHooks = skipHooks;
  }

  @Override
  String label() {
    return skipHooks ? "MOLT_SKIP_HOOKS=1 bin/book_app foreground" : "bin/book_app foreground";
  }

  @Override
  List<String> command() {
    return List.of(script.toString(), "foreground");
  }

  @Override
  Map<String, String> environment(int port) {
    return skipHooks ? Map.of("PORT", Integer.toString(port), "MOLT_SKIP_HOOKS", "1")
        : Map.of("PORT", Integer.toString(port));
  }

  @Override
  void requestStop(Process process) throws IOException, InterruptedException {
    runStopCommand(script);
  }
}
