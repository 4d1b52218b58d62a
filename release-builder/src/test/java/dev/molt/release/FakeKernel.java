package dev.molt.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles src/test/resources/fake-kernel/Main.java into an agent jar named like the kernel's. */
final class FakeKernel {
  private FakeKernel() {}

  static KernelInput build(Path dir) throws IOException {
    Path src = dir.resolve("fake-src/dev/molt/kernel/Main.java");
    Files.createDirectories(src.getParent());
    try (InputStream in = FakeKernel.class.getResourceAsStream("/fake-kernel/Main.java")) {
      Files.write(src, in.readAllBytes());
    }
    Path classes = dir.resolve("fake-classes");
    Path control = controlJar(dir);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc = javac.run(null, null, null, "-nowarn", "-XDignore.symbol.file", "-cp", control.toString(),
        "-d", classes.toString(), src.toString());
    if (rc != 0) {
      throw new IllegalStateException("cannot compile the fake kernel");
    }
    Manifest mf = manifest();
    mf.getMainAttributes().putValue("Premain-Class", "dev.molt.kernel.Main");
    Path jar = writeJar(dir.resolve("fake-kernel/molt-runtime-loader-0.0.1.jar"), classes, mf);
    return new KernelInput("0.0.1", List.of(jar, control));
  }

  /** The real molt-control (the bin script's client and the fake's server), as a versioned jar. */
  private static Path controlJar(Path dir) throws IOException {
    Path jar = dir.resolve("fake-kernel/molt-control-0.0.1.jar");
    Files.createDirectories(jar.getParent());
    Path source;
    try {
      source = Path.of(dev.molt.control.ControlServer.class.getProtectionDomain().getCodeSource()
          .getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
    if (Files.isRegularFile(source)) {
      Files.copy(source, jar);
      return jar;
    }
    return writeJar(jar, source, manifest());
  }

  private static Manifest manifest() {
    Manifest mf = new Manifest();
    mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    return mf;
  }

  /** A jar of every file under {@code tree}, with {@code mf}, entries at a fixed time. */
  private static Path writeJar(Path jar, Path tree, Manifest mf) throws IOException {
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out);
        Stream<Path> files = Files.walk(tree)) {
      JarEntry m = new JarEntry("META-INF/MANIFEST.MF");
      m.setTime(0);
      j.putNextEntry(m);
      mf.write(j);
      j.closeEntry();
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String name = tree.relativize(f).toString().replace('\\', '/');
        if (name.equals("META-INF/MANIFEST.MF")) {
          continue;
        }
        JarEntry e = new JarEntry(name);
        e.setTime(0);
        j.putNextEntry(e);
        j.write(Files.readAllBytes(f));
        j.closeEntry();
      }
    }
    return jar;
  }
}
