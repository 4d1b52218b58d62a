package dev.molt.kernel.testing;

import dev.molt.api.Application;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/** Builds small jars for tests by compiling Java sources with the JDK's compiler. */
public final class JarBuilder {
  private final Path work;
  private final String jarName;
  private final Map<Integer, Map<String, String>> sources = new TreeMap<>();
  private final Map<String, String> resources = new TreeMap<>();
  private final Manifest manifest = new Manifest();
  private final List<Path> classpath = new ArrayList<>();

  private JarBuilder(Path work, String jarName) {
    this.work = work;
    this.jarName = jarName;
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    classpath.add(codeSource(Application.class));
  }

  /** A jar named {@code jarName}, built under {@code work}. */
  public static JarBuilder jar(Path work, String jarName) {
    return new JarBuilder(work, jarName);
  }

  public JarBuilder source(String className, String code) {
    return versionedSource(0, className, code);
  }

  /** A class under {@code META-INF/versions/<version>/}; marks the jar Multi-Release. */
  public JarBuilder versionedSource(int version, String className, String code) {
    sources.computeIfAbsent(version, v -> new TreeMap<>()).put(className, code);
    if (version > 0) {
      manifest.getMainAttributes().putValue("Multi-Release", "true");
    }
    return this;
  }

  public JarBuilder resource(String path, String text) {
    resources.put(path, text);
    return this;
  }

  public JarBuilder manifest(String name, String value) {
    manifest.getMainAttributes().putValue(name, value);
    return this;
  }

  public JarBuilder classpath(Path... entries) {
    classpath.addAll(List.of(entries));
    return this;
  }

  /** Compiles and writes the jar; returns its path. */
  public Path build() throws IOException {
    Path classes = Files.createTempDirectory(work, "classes-");
    for (Map.Entry<Integer, Map<String, String>> group : sources.entrySet()) {
      int version = group.getKey();
      Path out = version == 0 ? classes : classes.resolve("META-INF/versions/" + version);
      Files.createDirectories(out);
      List<Path> cp = new ArrayList<>(classpath);
      cp.add(classes);
      compile(group.getValue(), out, cp);
    }
    for (Map.Entry<String, String> r : resources.entrySet()) {
      Path file = classes.resolve(r.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, r.getValue());
    }
    Path jar = work.resolve(jarName);
    Files.createDirectories(jar.getParent());
    writeJar(classes, jar);
    return jar;
  }

  /** The jar or directory a class was loaded from. */
  public static Path codeSource(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void compile(Map<String, String> sources, Path out, List<Path> cp) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<JavaFileObject> units = new ArrayList<>();
    sources.forEach((name, code) -> units.add(new Source(name, code)));
    String path = cp.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
    StringWriter diagnostics = new StringWriter();
    boolean ok = javac.getTask(diagnostics, null, null,
        List.of("-d", out.toString(), "-classpath", path, "-proc:none", "-nowarn"), null, units)
        .call();
    if (!ok) {
      throw new IllegalStateException("test sources do not compile:\n" + diagnostics);
    }
  }

  private void writeJar(Path classes, Path jar) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest);
        Stream<Path> walk = Files.walk(classes)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
        out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(p));
        out.closeEntry();
      }
    }
  }

  private static final class Source extends SimpleJavaFileObject {
    private final String code;

    Source(String className, String code) {
      super(URI.create("string:///" + className.replace('.', '/') + ".java"), Kind.SOURCE);
      this.code = code;
    }

    @Override
    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
      return code;
    }
  }
}
