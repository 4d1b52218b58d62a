package dev.molt.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * Finds the plain jar behind a project artifact that spring-boot-maven-plugin's {@code repackage}
 * goal replaced with an executable fat jar (its classes under {@code BOOT-INF/classes/}, its
 * libraries under {@code BOOT-INF/lib/}, started by Spring Boot's own launcher). A release needs
 * the plain jar, which repackage keeps beside it as {@code <jar>.original}; the libraries are the
 * project's dependencies anyway. The plain jar is copied to {@code target/molt-plain/<jar>} so that
 * it is a {@code .jar} again. The fat jar's {@code Start-Class} is the application's main class.
 */
final class RepackagedJars {
  static final String START_CLASS = "Start-Class";
  static final String BOOT_CLASSES = "Spring-Boot-Classes";
  static final String PLAIN_DIR = "molt-plain";

  private RepackagedJars() {}

  /** The project to build the release from, and the main class it starts with. */
  record Source(MavenProject project, Optional<String> mainClass) {}

  /**
   * The project itself when its jar is a plain jar; else a copy whose artifact is the original
   * jar, the main class defaulting to the fat jar's {@code Start-Class}. The project is not changed
   * (install and deploy still publish the fat jar).
   */
  static Source plain(MavenProject project, Optional<String> mainClass, Log log)
      throws MojoFailureException {
    File jar = project.getArtifact().getFile();
    Optional<Attributes> boot = bootAttributes(jar);
    if (boot.isEmpty()) {
      return new Source(project, mainClass);
    }
    File original = new File(jar.getPath() + ".original");
    if (!original.isFile()) {
      throw new MojoFailureException(jar + " is a Spring Boot executable jar (made by"
          + " spring-boot-maven-plugin's repackage goal) and the plain jar it replaced, "
          + original.getName() + ", is missing; run molt:release in the same build as package"
          + " (mvn package molt:release), or give the repackage execution"
          + " <classifier>exec</classifier> so that the plain jar stays the project's artifact");
    }
    Path plain = Path.of(project.getBuild().getDirectory(), PLAIN_DIR, jar.getName());
    try {
      Files.createDirectories(plain.getParent());
      Files.copy(original.toPath(), plain, StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.COPY_ATTRIBUTES);
    } catch (IOException e) {
      throw new MojoFailureException("cannot copy " + original + " to " + plain + ": " + e
          + "; check the permissions of " + project.getBuild().getDirectory(), e);
    }
    log.info(jar.getName() + " is a Spring Boot executable jar; the release uses the plain jar "
        + original.getName() + " (copied to " + PLAIN_DIR + "/)");
    MavenProject copy = project.clone();
    copy.getArtifact().setFile(plain.toFile());
    Optional<String> start = Optional.ofNullable(boot.get().getValue(START_CLASS));
    return new Source(copy, mainClass.or(() -> start));
  }

  private static Optional<Attributes> bootAttributes(File jar) throws MojoFailureException {
    if (jar == null || !jar.isFile() || !jar.getName().endsWith(".jar")) {
      return Optional.empty();
    }
    try (JarFile file = new JarFile(jar)) {
      Manifest manifest = file.getManifest();
      if (manifest == null || manifest.getMainAttributes().getValue(BOOT_CLASSES) == null) {
        return Optional.empty();
      }
      return Optional.of(manifest.getMainAttributes());
    } catch (IOException e) {
      throw new MojoFailureException("cannot read the manifest of " + jar + ": " + e.getMessage()
          + "; rebuild the jar with mvn package", e);
    }
  }
}
