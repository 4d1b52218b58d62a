package dev.molt.kernel.shell;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.execution.LoaderDelegate;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.spi.ExecutionControl.ClassInstallException;

/**
 * Defines the classes JShell compiles from snippets in one {@link SnippetClassLoader} whose parent
 * is the loader given to the shell, so that snippets link against the running applications'
 * classes (the live ones, with their static state) and not against copies.
 *
 * <p>Unlike the JDK's {@code DefaultLoaderDelegate}, it never changes the calling thread's
 * context class loader and never adds jars to its loader: {@link #addToClasspath} is refused,
 * because jars added there would define second copies of application classes.
 */
final class SnippetLoaderDelegate implements LoaderDelegate {
  private final SnippetClassLoader loader;
  private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();

  SnippetLoaderDelegate(ClassLoader parent) {
    this.loader = new SnippetClassLoader(parent);
  }

  @Override
  public void load(ClassBytecodes[] classes) throws ClassInstallException {
    boolean[] installed = new boolean[classes.length];
    for (ClassBytecodes c : classes) {
      loader.declare(c.name(), c.bytecodes());
    }
    try {
      for (int i = 0; i < classes.length; i++) {
        Class<?> type = loader.loadClass(classes[i].name());
        loaded.put(classes[i].name(), type);
        installed[i] = true;
        type.getDeclaredMethods(); // links the class now, so that a bad class fails here
      }
    } catch (ClassNotFoundException | LinkageError e) {
      throw new ClassInstallException("load: " + e, installed);
    }
  }

  @Override
  public void classesRedefined(ClassBytecodes[] classes) {
    for (ClassBytecodes c : classes) {
      loader.declare(c.name(), c.bytecodes());
    }
  }

  @Override
  public void addToClasspath(String path) {
    throw new UnsupportedOperationException("the shell's class path is fixed when it is created;"
        + " classes come from the node's loaders, not from " + path);
  }

  @Override
  public Class<?> findClass(String name) throws ClassNotFoundException {
    Class<?> type = loaded.get(name);
    if (type == null) {
      throw new ClassNotFoundException(name + " is not a class loaded from a snippet");
    }
    return type;
  }

  /** Parent-first loader for snippet classes (JShell puts them in the package {@code REPL}). */
  static final class SnippetClassLoader extends ClassLoader {
    static {
      ClassLoader.registerAsParallelCapable();
    }

    /** The runtime support of snippet code: it must be jdk.jshell's own classes. */
    private static final String JSHELL_SPI = "jdk.jshell.spi.";

    private final Map<String, byte[]> declared = new ConcurrentHashMap<>();

    SnippetClassLoader(ClassLoader parent) {
      super("molt-shell-snippets", parent);
    }

    void declare(String name, byte[] bytes) {
      declared.put(name, bytes.clone());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      // Generated code throws jdk.jshell.spi.SPIResolutionException for unresolved references;
      // the execution control recognises it by class, so it must come from jdk.jshell itself
      // whatever the parent exposes.
      if (name.startsWith(JSHELL_SPI)) {
        return Class.forName(name, false, LoaderDelegate.class.getClassLoader());
      }
      return super.loadClass(name, resolve);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      byte[] bytes = declared.get(name);
      if (bytes == null) {
        throw new ClassNotFoundException(name);
      }
      return defineClass(name, bytes, 0, bytes.length);
    }
  }
}
