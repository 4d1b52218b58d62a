package dev.molt.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.testsupport.maven.SampleProject;
import dev.molt.testsupport.maven.SampleProject.Build;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two builds of the same sources give the same release tarball once molt:init has run. */
class ReproducibleReleaseIT {
  /** Zip entry times have a 2-second resolution: builds further apart differ without the fix. */
  static final long APART_MILLIS = 2_500;

  static byte[] prodTarball(SampleProject project) throws Exception {
    Build build = project.mvn("clean", "package", "-Dmolt.env=prod");
    assertThat(build.exitCode()).as("%s", build).isZero();
    return Files.readAllBytes(project.dir().resolve("target/starter-1.0.0.tar.gz"));
  }

  @Test
  void package_twiceAfterInit_givesByteIdenticalTarballs(@TempDir Path work) throws Exception {
    SampleProject project = SampleProject.copy("init", work);
    Build init = project.mvn("molt:init");
    assertThat(init.exitCode()).as("%s", init).isZero();
    assertThat(init.output()).contains("added <project.build.outputTimestamp>");
    assertThat(project.dir().resolve("pom.xml")).content().contains("<project.build.outputTimestamp>");

    byte[] first = prodTarball(project);
    Thread.sleep(APART_MILLIS);
    byte[] second = prodTarball(project);

    assertThat(second).isEqualTo(first);
  }

  @Test
  void package_withoutOutputTimestamp_warnsNamingTheJarAndTheRemedy(@TempDir Path work) throws Exception {
    SampleProject project = SampleProject.copy("plain-app", work);
    Build build = project.mvn("package");
    assertThat(build.exitCode()).as("%s", build).isZero();
    assertThat(build.output()).contains("[WARNING] hello-1.0.0.jar is not reproducible",
        "add <project.build.outputTimestamp>", "mvn molt:init does it");
  }
}
