package dev.molt.kernel.shell;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * The Java shell of a node: evaluates Java expressions and snippets ({@code rpc}, {@code eval})
 * and runs interactive consoles ({@code console}, {@code remote_console}) inside the node's JVM,
 * where the applications' classes are the live ones.
 *
 * <p>Snippets are compiled against the jars given at creation and the runtime's modules, defined
 * in a class loader whose parent is the given loader, and run on the thread that calls {@link
 * #evaluate} or {@link #interactive}, with that loader as its context class loader. A static field
 * an app has set is therefore seen by a snippet, and objects a snippet creates are of the apps'
 * own classes. What snippets print on {@code System.out} and {@code System.err} while they run
 * goes to the caller (see {@code docs/console.md}).
 *
 * <p>Built on {@code jdk.jshell}, which an embedded runtime may lack: check {@link #available()},
 * or let {@link #create} throw {@link ShellUnavailableException}. This class itself never touches
 * {@code jdk.jshell}, so it can be loaded anywhere.
 *
 * <p>Arguments must not be null. A shell keeps its declarations between calls. It is thread-safe
 * in that calls are serialised: one evaluation or console at a time per shell; create one shell
 * per console to run several at once. {@link #close()} releases it; closing twice is harmless.
 */
public final class JavaShell implements AutoCloseable {
  /** The message when {@code jdk.jshell} is missing; it says how to add it. */
  public static final String UNAVAILABLE_MESSAGE = "this runtime has no jdk.jshell module;"
      + " add \"jdk.jshell\" to runtime.addModules in rel/molt.json and rebuild the release";

  private static final String MODULE = "jdk.jshell";

  private final ShellEngine engine;

  private JavaShell(ShellEngine engine) {
    this.engine = engine;
  }

  /** True when this runtime has the {@code jdk.jshell} module in its boot layer. */
  public static boolean available() {
    return available(ModuleLayer.boot());
  }

  static boolean available(ModuleLayer layer) {
    return layer.findModule(MODULE).isPresent();
  }

  /**
   * Starts a shell. Takes about a second or two (JShell starts a compiler); see docs/console.md.
   *
   * @param name the name in the console's prompt ({@code name> }), usually the release's name
   * @param parent the loader snippet classes delegate to: it must see the applications' classes
   *     and {@code dev.molt.api}
   * @param classPath the jars snippets are compiled against (the apps' jars and the API jar); the
   *     classes are still loaded through {@code parent}, never from these paths
   * @throws ShellUnavailableException when the runtime has no {@code jdk.jshell} module, or JShell
   *     cannot start (for example without the {@code jdk.compiler} module)
   */
  public static JavaShell create(String name, ClassLoader parent, List<Path> classPath)
      throws ShellUnavailableException {
    return create(name, parent, classPath, ModuleLayer.boot());
  }

  static JavaShell create(String name, ClassLoader parent, List<Path> classPath, ModuleLayer layer)
      throws ShellUnavailableException {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(parent, "parent");
    List<Path> jars = List.copyOf(classPath);
    if (!available(layer)) {
      throw new ShellUnavailableException(UNAVAILABLE_MESSAGE);
    }
    OutputRouting.install();
    try {
      return new JavaShell(EngineFactory.start(name, parent, jars));
    } catch (IllegalStateException | UnsupportedOperationException e) {
      throw new ShellUnavailableException("the Java shell could not start: " + e.getMessage()
          + "; the runtime needs the jdk.jshell and jdk.compiler modules", e);
    }
  }

  /**
   * Evaluates Java source: one expression, or a sequence of statements and declarations
   * (imports, variables, methods, classes) across any number of lines. Stops at the first snippet
   * that does not compile or throws. Declarations stay for later calls.
   *
   * @return the value of the last snippet, the captured output, and the failure if any
   * @throws IllegalStateException when the shell is closed
   */
  public EvalResult evaluate(String source) {
    return engine.evaluate(Objects.requireNonNull(source, "source"));
  }

  /**
   * Runs a console on the given streams until {@code /exit} or the end of {@code in}, then
   * returns. Ending never exits the JVM and never stops an application. The prompt is {@code
   * name> }; values print as {@code $1 ==> value}; errors go to {@code err}. The streams are not
   * closed.
   *
   * @param banner printed first, on its own line; empty for none
   * @throws IOException when reading {@code in} fails
   * @throws IllegalStateException when the shell is closed
   */
  public void interactive(InputStream in, PrintStream out, PrintStream err, String banner)
      throws IOException {
    engine.interactive(Objects.requireNonNull(in, "in"), Objects.requireNonNull(out, "out"),
        Objects.requireNonNull(err, "err"), Objects.requireNonNull(banner, "banner"));
  }

  /** Closes JShell and drops the snippets' classes. Idempotent. */
  @Override
  public void close() {
    engine.close();
  }
}
