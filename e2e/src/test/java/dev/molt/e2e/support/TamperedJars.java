package dev.molt.e2e.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Changes an installed release's application jar the way a faulty build could, and records the
 * jar's new SHA-256 in that release's release.json, so the node's checksum check passes and the
 * fault is met later: a class added (compiled here from source), or a class's bytes rewritten.
 */
public final class TamperedJars {
  private TamperedJars() {}

  /** {@code lib/<app>-<version>/<app>-<version>.jar} of a release root. */
  public static Path appJar(Path root, String app, String version) {
    return root.resolve("lib").resolve(app + "-" + version).resolve(app + "-" + version + ".jar");
  }

  /**
   * Compiles {@code source} (one public class {@code className}, JDK only) and adds it to the jar
   * of {@code app} in release {@code version} under {@code root}.
   */
  public static void addClass(Path root, String app, String version, String className,
      String source) {
    addClass(root, app, version, className, source, List.of());
  }

  /**
   * As {@link #addClass(Path, String, String, String, String)}, compiled against {@code classPath}
   * (e.g. the app's own jar and molt-api's, for a class that uses them).
   */
  public static void addClass(Path root, String app, String version, String className,
      String source, List<Path> classPath) {
    try {
      Path work = Files.createTempDirectory("molt-e2e-class-");
      Path file = work.resolve(className.substring(className.lastIndexOf('.') + 1) + ".java");
      Files.writeString(file, source);
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      String path = classPath.stream().map(Path::toString)
          .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
      int rc = javac.run(null, null, null, "--release", "17", "-cp", path, "-d",
          work.toString(), file.toString());
      if (rc != 0) {
        throw new AssertionError("javac failed (" + rc + ") on " + file);
      }
      byte[] bytes = Files.readAllBytes(work.resolve(className.replace('.', '/') + ".class"));
      rewrite(root, app, version, entries -> {
        entries.put(className.replace('.', '/') + ".class", bytes);
        return entries;
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Rewrites the first class of {@code classes} that declares at least two fields, with its first
   * two fields swapped: reflection sees the same fields, the JVM a changed field layout, which
   * {@code redefineClasses} refuses.
   *
   * @return the class rewritten
   */
  public static String swapFirstTwoFields(Path root, String app, String version,
      List<String> classes) {
    String[] done = new String[1];
    rewrite(root, app, version, entries -> {
      for (String name : classes) {
        String entry = name.replace('.', '/') + ".class";
        Optional<byte[]> swapped = Optional.ofNullable(entries.get(entry))
            .flatMap(TamperedJars::swapFirstTwoFields);
        if (swapped.isPresent()) {
          entries.put(entry, swapped.get());
          done[0] = name;
          return entries;
        }
      }
      throw new AssertionError("none of " + classes + " declares two fields");
    });
    return done[0];
  }

  /**
   * Rewrites {@code className} with a {@code NestMembers} attribute naming a class that does not
   * exist: the class loads and links as before and reflection shows the same fields and methods,
   * but {@code redefineClasses} refuses a change of the nest.
   */
  public static void addNestMember(Path root, String app, String version, String className) {
    rewrite(root, app, version, entries -> {
      String entry = className.replace('.', '/') + ".class";
      byte[] bytes = entries.get(entry);
      if (bytes == null) {
        throw new AssertionError(entry + " is not in the jar of " + app + " " + version);
      }
      entries.put(entry, withNestMember(bytes, className.replace('.', '/') + "$Tampered"));
      return entries;
    });
  }

  private static void rewrite(Path root, String app, String version,
      UnaryOperator<Map<String, byte[]>> change) {
    Path jar = appJar(root, app, version);
    try {
      Map<String, byte[]> entries = new LinkedHashMap<>();
      Manifest manifest;
      try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
        manifest = in.getManifest();
        for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
          entries.put(e.getName(), in.readAllBytes());
        }
      }
      String before = sha256(jar);
      Map<String, byte[]> next = change.apply(entries);
      Path temp = jar.resolveSibling(jar.getFileName() + ".tmp");
      try (JarOutputStream out = manifest == null
          ? new JarOutputStream(Files.newOutputStream(temp))
          : new JarOutputStream(Files.newOutputStream(temp), manifest)) {
        for (Map.Entry<String, byte[]> e : next.entrySet()) {
          out.putNextEntry(new JarEntry(e.getKey()));
          out.write(e.getValue());
          out.closeEntry();
        }
      }
      Files.move(temp, jar, StandardCopyOption.REPLACE_EXISTING);
      Path releaseJson = root.resolve("releases").resolve(version).resolve("release.json");
      String json = Files.readString(releaseJson);
      if (!json.contains(before)) {
        throw new AssertionError(releaseJson + " does not record " + jar + " as " + before);
      }
      Files.writeString(releaseJson, json.replace(before, sha256(jar)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The class file with its first two field_info entries swapped; empty with fewer fields. */
  static Optional<byte[]> swapFirstTwoFields(byte[] classFile) {
    ByteBuffer b = ByteBuffer.wrap(classFile);
    b.position(8);
    int constants = b.getShort() & 0xffff;
    skipConstants(b, constants);
    b.position(b.position() + 6); // access, this, super
    int interfaces = b.getShort() & 0xffff;
    b.position(b.position() + 2 * interfaces);
    int fields = b.getShort() & 0xffff;
    if (fields < 2) {
      return Optional.empty();
    }
    int first = b.position();
    skipField(b);
    int second = b.position();
    skipField(b);
    int end = b.position();
    ByteArrayOutputStream out = new ByteArrayOutputStream(classFile.length);
    out.write(classFile, 0, first);
    out.write(classFile, second, end - second);
    out.write(classFile, first, second - first);
    out.write(classFile, end, classFile.length - end);
    return Optional.of(out.toByteArray());
  }

  /** The class file with a NestMembers attribute naming {@code member}, appended. */
  static byte[] withNestMember(byte[] classFile, String member) {
    ByteBuffer b = ByteBuffer.wrap(classFile);
    b.position(8);
    int constants = b.getShort() & 0xffff;
    skipConstants(b, constants);
    int constantsEnd = b.position();
    b.position(b.position() + 6);
    int interfaces = b.getShort() & 0xffff;
    b.position(b.position() + 2 * interfaces);
    for (int members = 0; members < 2; members++) { // fields, then methods: the same layout
      int count = b.getShort() & 0xffff;
      for (int i = 0; i < count; i++) {
        skipField(b);
      }
    }
    int attributesAt = b.position();
    int attributes = b.getShort() & 0xffff;
    ByteBuffer out = ByteBuffer.allocate(classFile.length + 64 + member.length());
    out.put(classFile, 0, 8).putShort((short) (constants + 3));
    out.put(classFile, 10, constantsEnd - 10);
    byte[] attributeName = "NestMembers".getBytes(StandardCharsets.UTF_8);
    byte[] memberName = member.getBytes(StandardCharsets.UTF_8);
    out.put((byte) 1).putShort((short) attributeName.length).put(attributeName);
    out.put((byte) 1).putShort((short) memberName.length).put(memberName);
    out.put((byte) 7).putShort((short) (constants + 1));
    out.put(classFile, constantsEnd, attributesAt - constantsEnd);
    out.putShort((short) (attributes + 1));
    out.put(classFile, attributesAt + 2, classFile.length - attributesAt - 2);
    out.putShort((short) constants).putInt(4).putShort((short) 1)
        .putShort((short) (constants + 2));
    return Arrays.copyOf(out.array(), out.position());
  }

  private static void skipConstants(ByteBuffer b, int constants) {
    for (int i = 1; i < constants; i++) {
      int tag = b.get();
      switch (tag) {
        case 1 -> {
          int length = b.getShort() & 0xffff;
          b.position(b.position() + length);
        }
        case 3, 4, 9, 10, 11, 12, 17, 18 -> b.position(b.position() + 4);
        case 5, 6 -> {
          b.position(b.position() + 8);
          i++;
        }
        case 7, 8, 16, 19, 20 -> b.position(b.position() + 2);
        case 15 -> b.position(b.position() + 3);
        default -> throw new IllegalArgumentException("constant pool tag " + tag);
      }
    }
  }

  private static void skipField(ByteBuffer b) {
    b.position(b.position() + 6); // access, name, descriptor
    int attributes = b.getShort() & 0xffff;
    for (int a = 0; a < attributes; a++) {
      b.position(b.position() + 2);
      int length = b.getInt();
      b.position(b.position() + length);
    }
  }
}
