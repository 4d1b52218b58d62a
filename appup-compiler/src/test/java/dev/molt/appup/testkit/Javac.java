package dev.molt.appup.testkit;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.DiagnosticCollector;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles Java sources in memory for tests, against small stand-ins for {@code dev.molt.api}
 * (enough to compile services; the stand-ins are not in the result, as the real API is not in an
 * app's jar). Sources are keyed by binary class name; the result maps class file paths
 * ({@code a/b/C.class}) to bytes, ready for {@link JarGen#entry}.
 */
public final class Javac {
  private static final Map<String, String> API = Map.of(
      "dev.molt.api.StatefulService", """
          package dev.molt.api;
          public interface StatefulService {
            java.util.Map<String, Object> exportState();
            void importState(java.util.Map<String, Object> state);
          }""",
      "dev.molt.api.StateMigration", """
          package dev.molt.api;
          public interface StateMigration {
            java.util.Map<String, Object> up(String from, java.util.Map<String, Object> state);
            java.util.Map<String, Object> down(String to, java.util.Map<String, Object> state);
          }""",
      "dev.molt.api.ServiceContext", """
          package dev.molt.api;
          public interface ServiceContext {
            <R> R resource(Class<R> type);
            String version();
          }""",
      "dev.molt.api.Services", """
          package dev.molt.api;
          public interface Services {
            <T> T publish(Class<T> contract, Class<? extends T> implementation);
            <R> void provide(Class<R> type, R resource);
          }""");

  private Javac() {}

  /** Compilations already made: tests compile the same versions again and again. */
  private static final Map<Map<String, String>, Map<String, byte[]>> CACHE =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Compiles {@code sources} (binary name to source text); fails the test on an error. */
  public static Map<String, byte[]> compile(Map<String, String> sources) {
    return CACHE.computeIfAbsent(Map.copyOf(sources), Javac::compileNow);
  }

  private static Map<String, byte[]> compileNow(Map<String, String> sources) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> units = new ArrayList<>();
    API.forEach((name, text) -> units.add(source(name, text)));
    sources.forEach((name, text) -> units.add(source(name, text)));
    Map<String, ByteArrayOutputStream> out = new TreeMap<>();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaFileManager files = new ForwardingJavaFileManager<>(
        javac.getStandardFileManager(diagnostics, null, null)) {
      @Override
      public JavaFileObject getJavaFileForOutput(JavaFileManager.Location location, String className,
          JavaFileObject.Kind kind, FileObject sibling) {
        return new SimpleJavaFileObject(URI.create("mem:///" + className.replace('.', '/')
            + kind.extension), kind) {
          @Override
          public OutputStream openOutputStream() {
            return out.computeIfAbsent(className, c -> new ByteArrayOutputStream());
          }
        };
      }
    };
    boolean ok = javac.getTask(null, files, diagnostics, List.of("--release", "17", "-g:none"),
        null, units).call();
    if (!ok) {
      throw new IllegalArgumentException("test sources do not compile: " + diagnostics.getDiagnostics());
    }
    Map<String, byte[]> classes = new TreeMap<>();
    out.forEach((name, bytes) -> {
      if (!name.startsWith("dev.molt.api.")) {
        classes.put(name.replace('.', '/') + ".class", bytes.toByteArray());
      }
    });
    return java.util.Collections.unmodifiableMap(classes);
  }

  private static JavaFileObject source(String binaryName, String text) {
    return new SimpleJavaFileObject(URI.create("string:///" + binaryName.replace('.', '/')
        + JavaFileObject.Kind.SOURCE.extension), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    };
  }
}
