package dev.molt.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Warns where an application's own code counts on what a node cannot give it: the JVM's system
 * class loader and {@code java.class.path} hold the kernel, not the application (docs/class-loading.md,
 * "Where the promise ends"). Only the applications' own jars are read: libraries use these calls
 * as fallbacks behind the context class loader. Warnings only; nothing is refused.
 */
final class CheckSystemLoaderUsesStep implements Step {
  private static final Set<String> SYSTEM_LOADER_METHODS = Set.of("getSystemClassLoader",
      "getSystemResource", "getSystemResources", "getSystemResourceAsStream");

  @Override
  public String describe(BuildContext c) {
    return "Checking the applications' own code for the system class loader";
  }

  @Override
  public void run(BuildContext c) throws IOException {
    for (AppInput app : c.apps) {
      if (app.entry().isEmpty()) {
        continue;
      }
      for (Path jar : app.jars()) {
        for (String use : uses(jar)) {
          c.progress.accept("warning: app " + app.name() + ": " + use + "; in a Molt node the"
              + " system class loader and java.class.path are the kernel's, not the app's: use"
              + " YourClass.class.getClassLoader() or the thread's context class loader"
              + " (docs/class-loading.md)");
        }
      }
    }
  }

  /** "pkg.Class calls ClassLoader.getSystemClassLoader()"-style lines, sorted, one per use. */
  static Set<String> uses(Path jar) throws IOException {
    Set<String> uses = new TreeSet<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/")) {
          try (InputStream in = file.getInputStream(entry)) {
            new ClassReader(in).accept(new Finder(uses), ClassReader.SKIP_DEBUG);
          }
        }
      }
    }
    return uses;
  }

  /** Records calls to the system loader methods and loads of the "java.class.path" constant. */
  private static final class Finder extends ClassVisitor {
    private final Set<String> uses;
    private String owner = "";

    Finder(Set<String> uses) {
      super(Opcodes.ASM9);
      this.uses = uses;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
        String[] interfaces) {
      owner = name.replace('/', '.');
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
        String[] exceptions) {
      return new MethodVisitor(Opcodes.ASM9) {
        @Override
        public void visitMethodInsn(int opcode, String target, String method, String desc,
            boolean isInterface) {
          if (target.equals("java/lang/ClassLoader") && SYSTEM_LOADER_METHODS.contains(method)) {
            uses.add(owner + " calls ClassLoader." + method + "()");
          }
        }

        @Override
        public void visitLdcInsn(Object value) {
          if ("java.class.path".equals(value)) {
            uses.add(owner + " reads the java.class.path property");
          }
        }
      };
    }
  }
}
