package dev.molt.release;

import dev.molt.format.EntryPoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Finds how an app jar is started, without loading its classes: the named class (or the jar's
 * {@code Main-Class}) is an {@code application} when it implements {@code dev.molt.api.Application}
 * (directly, or through superclasses and interfaces in the same jar), else a {@code main} when it
 * has {@code public static void main(String[])}. Stateless and thread-safe.
 */
public final class EntryPoints {
  static final String APPLICATION = "dev/molt/api/Application";

  private EntryPoints() {}

  /**
   * @param appJar the app's jar
   * @param mainClass the class to start; empty to use the manifest's {@code Main-Class}
   * @return the entry point
   * @throws InvalidInputException when no class is named, the class is not in the jar, or it is
   *     neither an Application nor has a main method
   */
  public static EntryPoint detect(Path appJar, Optional<String> mainClass) throws ReleaseBuildException {
    return detect(List.of(appJar), mainClass);
  }

  /**
   * Finds the entry point among an application's jars in class path order, as {@code java -cp}
   * would: the class may be in a library (a framework's launcher, say).
   *
   * @param classPath the app's own jar first (its manifest gives {@code Main-Class}), then its
   *     libraries' jars
   * @param mainClass the class to start; empty to use the first jar's {@code Main-Class}
   */
  public static EntryPoint detect(List<Path> classPath, Optional<String> mainClass)
      throws ReleaseBuildException {
    List<JarFile> jars = new ArrayList<>();
    try {
      for (Path path : classPath) {
        jars.add(open(path));
      }
      String cls = mainClass.isPresent() ? mainClass.get() : manifestMainClass(jars.get(0), classPath.get(0));
      ClassInfo info = read(jars, cls).orElseThrow(() -> new InvalidInputException("entry class "
          + cls + " is not in " + classPath.get(0) + (classPath.size() > 1 ? " nor in its "
          + (classPath.size() - 1) + " libraries" : "") + "; check the class name (mainClass)"));
      if (implementsApplication(jars, info)) {
        return new EntryPoint(EntryPoint.Kind.APPLICATION, cls);
      }
      if (info.hasMain) {
        return new EntryPoint(EntryPoint.Kind.MAIN, cls);
      }
      throw new InvalidInputException("entry class " + cls + " neither implements "
          + "dev.molt.api.Application nor has public static void main(String[]); add one of them "
          + "or name another class (mainClass)");
    } catch (IOException e) {
      throw new InvalidInputException("cannot read " + classPath + ": " + e.getMessage()
          + "; rebuild the jar", e);
    } finally {
      for (JarFile jar : jars) {
        closeQuietly(jar);
      }
    }
  }

  private static JarFile open(Path path) throws InvalidInputException {
    try {
      return new JarFile(path.toFile());
    } catch (IOException e) {
      throw new InvalidInputException(path + " is not a readable jar (" + e.getMessage()
          + "); rebuild or re-download it", e);
    }
  }

  private static void closeQuietly(JarFile jar) {
    try {
      jar.close();
    } catch (IOException e) {
      // read-only; nothing was written that a failed close could lose
    }
  }

  private static String manifestMainClass(JarFile jar, Path appJar) throws IOException, InvalidInputException {
    Manifest m = jar.getManifest();
    String main = m == null ? null : m.getMainAttributes().getValue("Main-Class");
    if (main == null || main.isBlank()) {
      throw new InvalidInputException("no entry point for " + appJar + ": no class was named and its "
          + "manifest has no Main-Class; set mainClass (--main-class) to the class that starts the app");
    }
    return main.strip();
  }

  /** Walks superclasses and interfaces found in the jars; classes outside them are not followed. */
  private static boolean implementsApplication(List<JarFile> jars, ClassInfo start) throws IOException {
    Deque<ClassInfo> todo = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    todo.add(start);
    while (!todo.isEmpty()) {
      ClassInfo c = todo.poll();
      for (String type : c.supertypes) {
        if (type.equals(APPLICATION)) {
          return true;
        }
        if (seen.add(type)) {
          read(jars, type.replace('/', '.')).ifPresent(todo::add);
        }
      }
    }
    return false;
  }

  private static Optional<ClassInfo> read(List<JarFile> jars, String className) throws IOException {
    for (JarFile jar : jars) {
      ZipEntry e = jar.getEntry(className.replace('.', '/') + ".class");
      if (e != null) {
        try (InputStream in = jar.getInputStream(e)) {
          ClassInfo info = new ClassInfo();
          new ClassReader(in).accept(info, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG);
          return Optional.of(info);
        }
      }
    }
    return Optional.empty();
  }

  /** What one class file says about its supertypes and main method. */
  private static final class ClassInfo extends ClassVisitor {
    final Set<String> supertypes = new HashSet<>();
    boolean hasMain;

    ClassInfo() {
      super(Opcodes.ASM9);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
        String[] interfaces) {
      if (superName != null) {
        supertypes.add(superName);
      }
      if (interfaces != null) {
        supertypes.addAll(Set.of(interfaces));
      }
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
        String[] exceptions) {
      int ps = Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC;
      if (name.equals("main") && descriptor.equals("([Ljava/lang/String;)V") && (access & ps) == ps) {
        hasMain = true;
      }
      return null;
    }
  }
}
