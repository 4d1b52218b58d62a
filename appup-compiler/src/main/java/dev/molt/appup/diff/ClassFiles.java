package dev.molt.appup.diff;

import dev.molt.appup.error.CorruptClassException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * The classes and resources of one version of one app, indexed from the jars' zip directories in
 * class path order (the first jar holding a class wins, as in the app's loader). Class bytes are
 * read only when needed (a class whose CRC-32 and size equal its counterpart's is taken as
 * unchanged and never read); parsed {@link ClassInfo} is cached. Thread-safe after construction.
 */
public final class ClassFiles {
  /** Where a class is: its jar and entry, with the CRC-32 and size the zip directory records. */
  record Entry(Path jar, String entry, long crc, long size) {
    String jarName() {
      return jar.getFileName().toString();
    }
  }

  private final String app;
  private final String version;
  private final Map<String, Entry> classes;
  private final Map<String, String> resources;
  private final Map<String, ClassInfo> infos = new ConcurrentHashMap<>();

  private ClassFiles(String app, String version, Map<String, Entry> classes, Map<String, String> resources) {
    this.app = app;
    this.version = version;
    this.classes = classes;
    this.resources = resources;
  }

  /** Reads the jars of {@code app} at {@code version}. */
  public static ClassFiles read(String app, String version, List<Path> jars) throws CorruptClassException {
    Map<String, Entry> classes = new LinkedHashMap<>();
    Map<String, String> resources = new TreeMap<>();
    for (Path jar : jars) {
      readJar(app, version, jar, classes, resources);
    }
    return new ClassFiles(app, version, classes, resources);
  }

  private static void readJar(String app, String version, Path jar, Map<String, Entry> classes,
      Map<String, String> resources) throws CorruptClassException {
    String jarName = jar.getFileName().toString();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements(); ) {
        ZipEntry e = en.nextElement();
        String name = e.getName();
        if (e.isDirectory() || name.startsWith("META-INF/")) {
          continue; // manifests and Maven metadata carry versions and dates, not behaviour
        }
        if (name.endsWith(".class")) {
          if (name.equals("module-info.class") || name.endsWith("package-info.class")) {
            continue;
          }
          String className = name.substring(0, name.length() - 6).replace('/', '.');
          classes.putIfAbsent(className, new Entry(jar, name, e.getCrc(), e.getSize()));
        } else {
          resources.putIfAbsent(name, Long.toHexString(e.getCrc()) + ":" + e.getSize());
        }
      }
    } catch (ZipException e) {
      throw new CorruptClassException("app " + app + " " + version + ": jar " + jarName
          + " is not a valid jar (" + e.getMessage() + "); rebuild the release", e);
    } catch (IOException e) {
      throw new CorruptClassException("app " + app + " " + version + ": cannot read jar " + jar
          + " (" + e.getMessage() + "); check that the release is complete", e);
    }
  }

  /** The app's name. */
  public String app() {
    return app;
  }

  /** The app's version. */
  public String version() {
    return version;
  }

  /** Binary names of all classes. */
  public Set<String> classNames() {
    return Collections.unmodifiableSet(classes.keySet());
  }

  /** Resource paths (outside {@code META-INF/}) mapped to {@code crc:size}. */
  public Map<String, String> resources() {
    return Collections.unmodifiableMap(resources);
  }

  /** Whether the app has the class. */
  public boolean has(String className) {
    return classes.containsKey(className);
  }

  /** Hierarchy and members of a class of the app, or empty when the app has no such class. */
  public Optional<ClassInfo> info(String className) throws CorruptClassException {
    ClassInfo cached = infos.get(className);
    if (cached != null || !classes.containsKey(className)) {
      return Optional.ofNullable(cached);
    }
    ClassInfo info = ClassInfos.of(parse(className, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG));
    infos.put(className, info);
    return Optional.of(info);
  }

  /** Whether {@code other} holds this class with the same CRC-32 and size (then it is unchanged). */
  boolean sameEntry(String className, ClassFiles other) {
    Entry a = classes.get(className);
    Entry b = other.classes.get(className);
    return a.crc() == b.crc() && a.size() == b.size() && a.crc() != -1;
  }

  /** The bytes of a class of the app (which must have it). */
  byte[] bytes(String className) throws CorruptClassException {
    return bytes(classes.get(className));
  }

  private byte[] bytes(Entry e) throws CorruptClassException {
    try (ZipFile zip = new ZipFile(e.jar().toFile())) {
      ZipEntry z = zip.getEntry(e.entry());
      if (z == null) {
        throw new IOException("the entry is gone");
      }
      try (InputStream in = zip.getInputStream(z)) {
        return in.readAllBytes();
      }
    } catch (IOException x) {
      throw new CorruptClassException("app " + app + " " + version + ": jar " + e.jarName() + ", entry "
          + e.entry() + " cannot be read (" + x.getMessage() + "); rebuild the release", x);
    }
  }

  /** Parses a class into a tree, naming app, jar and entry when the bytes are not a class. */
  ClassNode parse(String className, int flags) throws CorruptClassException {
    Entry e = classes.get(className);
    ClassNode node = new ClassNode();
    try {
      new ClassReader(bytes(e)).accept(node, flags);
    } catch (RuntimeException x) {
      throw corrupt(e, "is not a valid class file (" + x + ")", x);
    }
    if (!node.name.replace('/', '.').equals(className)) {
      throw corrupt(e, "holds class " + node.name.replace('/', '.') + ", not " + className, null);
    }
    return node;
  }

  private CorruptClassException corrupt(Entry e, String problem, Throwable cause) {
    return new CorruptClassException("app " + app + " " + version + ": jar " + e.jarName() + ", entry "
        + e.entry() + " " + problem + "; rebuild the release", cause);
  }
}
