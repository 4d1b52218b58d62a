package dev.molt.appup.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Writes jars for tests: class files by binary name, and raw entries. Not thread-safe. */
public final class JarGen {
  private final Map<String, byte[]> entries = new TreeMap<>();
  private long time = 1_700_000_000_000L;

  public static JarGen jar() {
    return new JarGen();
  }

  public JarGen add(ClassGen... classes) {
    for (ClassGen cls : classes) {
      entry(cls.binaryName().replace('.', '/') + ".class", cls.bytes());
    }
    return this;
  }

  /** Class files by path ({@code a/B.class}), e.g. from {@link Javac#compile}. */
  public JarGen entries(Map<String, byte[]> classFiles) {
    entries.putAll(classFiles);
    return this;
  }

  public JarGen entry(String path, byte[] bytes) {
    entries.put(path, bytes);
    return this;
  }

  /** The same entries stamped with another time: a rebuild from unchanged sources. */
  public JarGen rebuiltAt(long millis) {
    JarGen copy = new JarGen();
    copy.entries.putAll(entries);
    copy.time = millis;
    return copy;
  }

  /** Writes the jar with fixed entry times, so equal contents give equal bytes. */
  public Path write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        ZipEntry ze = new ZipEntry(e.getKey());
        ze.setTime(time);
        zip.putNextEntry(ze);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return file;
  }
}
