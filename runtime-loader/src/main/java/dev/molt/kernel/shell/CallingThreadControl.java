package dev.molt.kernel.shell;

import java.util.Map;
import java.util.Optional;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs snippets in this JVM on the thread that evaluates them, and keeps the exception a snippet
 * threw so that callers get the original object (jshell itself only passes on its class name,
 * message and stack).
 *
 * <p>Why not {@code LocalExecutionControl}: it runs each snippet on a new thread, and on JDK 17 it
 * also calls {@code Thread.setDefaultUncaughtExceptionHandler} on every evaluation and never
 * restores it; its handler silently drops every uncaught exception that is not its own, so after
 * one {@code rpc} the node's threads would die without a trace. Its one extra feature, stopping a
 * running snippet, needs an interrupt that a line console over a pipe cannot send.
 */
final class CallingThreadControl extends DirectExecutionControl {
  private Throwable lastThrown;

  CallingThreadControl(SnippetLoaderDelegate delegate) {
    super(delegate);
  }

  @Override
  protected String throwConvertedInvocationException(Throwable cause)
      throws RunException, InternalException {
    lastThrown = cause;
    return super.throwConvertedInvocationException(cause);
  }

  /** The exception the last snippet threw, and forgets it. */
  Optional<Throwable> takeThrown() {
    Optional<Throwable> thrown = Optional.ofNullable(lastThrown);
    lastThrown = null;
    return thrown;
  }

  /** Hands JShell one prepared control; JShell asks for it once, while it is being built. */
  static final class Provider implements ExecutionControlProvider {
    private final CallingThreadControl control;

    Provider(CallingThreadControl control) {
      this.control = control;
    }

    @Override
    public String name() {
      return "molt-calling-thread";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
      return control;
    }
  }
}
