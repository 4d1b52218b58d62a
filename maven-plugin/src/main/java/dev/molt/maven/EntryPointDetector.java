package dev.molt.maven;

import dev.molt.format.EntryPoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.apache.maven.plugin.MojoFailureException;
import org.objectweb.asm.ClassReader;

/**
 * Finds how the main app starts: the configured class or the jar's Main-Class, as an {@code
 * Application} when it (or a superclass in the jar) implements {@code dev.molt.api.Application},
 * else as a plain {@code main} class.
 */
final class EntryPointDetector {
  private static final String APPLICATION = "dev/molt/api/Application";

  private EntryPointDetector() {}

  static EntryPoint detect(Path jar, Optional<String> configured) throws MojoFailureException {
    try (JarFile file = new JarFile(jar.toFile())) {
      Optional<String> manifestMain = Optional.ofNullable(file.getManifest())
          .map(m -> m.getMainAttributes().getValue("Main-Class"))
          .map(String::trim)
          .filter(s -> !s.isEmpty());
      String className = configured.filter(s -> !s.isBlank()).or(() -> manifestMain)
          .orElseThrow(() -> new MojoFailureException("no entry point for " + jar.getFileName()
              + ": set <mainClass> in the molt-maven-plugin configuration (or -Dmolt.mainClass)"
              + " or Main-Class in the jar manifest"));
      return new EntryPoint(implementsApplication(file, className)
          ? EntryPoint.Kind.APPLICATION : EntryPoint.Kind.MAIN, className);
    } catch (IOException e) {
      throw new MojoFailureException("cannot read " + jar + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("bad entry point in " + jar.getFileName() + ": "
          + e.getMessage() + "; set <mainClass> to a class name");
    }
  }

  private static boolean implementsApplication(JarFile jar, String className)
      throws IOException, MojoFailureException {
    String internal = className.replace('.', '/');
    for (int depth = 0; depth < 32 && internal != null; depth++) {
      ZipEntry entry = jar.getEntry(internal + ".class");
      if (entry == null) {
        if (depth == 0) {
          throw new MojoFailureException("entry point class " + className + " is not in "
              + jar.getName() + "; check <mainClass>");
        }
        return false;
      }
      try (InputStream in = jar.getInputStream(entry)) {
        ClassReader reader = new ClassReader(in);
        if (Arrays.asList(reader.getInterfaces()).contains(APPLICATION)) {
          return true;
        }
        internal = reader.getSuperName();
      }
    }
    return false;
  }
}
