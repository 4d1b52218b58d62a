package dev.molt.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ModuleVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The modules a modular jar says it needs at run time: the {@code requires} of its module-info
 * without {@code static} (Jackson, for one, only optionally uses java.desktop, java.sql and java.xml,
 * which jdeps cannot tell from a hard dependency and which would add ~10 MB to the runtime).
 */
final class ModuleRequires {
  private static final Pattern VERSIONED = Pattern.compile("META-INF/versions/(\\d+)/module-info\\.class");

  private ModuleRequires() {}

  /** The non-static requires of the jar's module-info for {@code feature}; empty if not modular. */
  static Optional<Set<String>> of(Path jar, int feature) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      JarEntry best = file.getJarEntry("module-info.class");
      int bestVersion = 0;
      for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements(); ) {
        JarEntry entry = e.nextElement();
        Matcher m = VERSIONED.matcher(entry.getName());
        if (m.matches() && Integer.parseInt(m.group(1)) <= feature
            && Integer.parseInt(m.group(1)) > bestVersion) {
          best = entry;
          bestVersion = Integer.parseInt(m.group(1));
        }
      }
      if (best == null) {
        return Optional.empty();
      }
      try (InputStream in = file.getInputStream(best)) {
        Set<String> requires = new TreeSet<>();
        new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
          @Override
          public ModuleVisitor visitModule(String name, int access, String version) {
            return new ModuleVisitor(Opcodes.ASM9) {
              @Override
              public void visitRequire(String module, int flags, String v) {
                if ((flags & Opcodes.ACC_STATIC_PHASE) == 0) {
                  requires.add(module);
                }
              }
            };
          }
        }, 0);
        return Optional.of(requires);
      }
    }
  }
}
