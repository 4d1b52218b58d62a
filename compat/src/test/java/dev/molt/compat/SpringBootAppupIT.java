package dev.molt.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.testkit.SampleProject;
import dev.molt.testkit.SampleProject.Build;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upgrade plan stays right for a framework app: two builds of projects/bootweb (1.0.0 and
 * 1.0.1) that differ only in the body of a controller method plan as one redefine of that class.
 */
class SpringBootAppupIT {
  @TempDir Path work;

  @Test
  void plan_controllerBodyChange_isARedefineOfThatControllerOnly() throws Exception {
    SampleProject project = SampleProject.copy("bootweb", work);
    ProjectRelease.mvnOk(project, "molt:init");
    ProjectRelease.mvnOk(project, "package", "molt:release", "-Dmolt.env=prod");
    Path prev = Files.createDirectories(project.dir().resolve("prev"));
    Files.copy(project.dir().resolve("target/bootweb-1.0.0.tar.gz"),
        prev.resolve("bootweb-1.0.0.tar.gz"));
    replace(project.dir().resolve("src/main/java/com/example/bootweb/GreetingController.java"),
        "\"Hello from Spring Boot, H2 says \"", "\"Hi from Spring Boot, H2 says \"");
    replace(project.dir().resolve("pom.xml"), "<version>1.0.0</version>",
        "<version>1.0.1</version>");

    Build build = ProjectRelease.mvnOk(project, "package", "molt:release", "-Dmolt.env=prod",
        "molt:plan", "-Dmolt.upfrom=prev/bootweb-1.0.0.tar.gz");

    List<String> up = section(build.output(), "Up (1.0.0 -> 1.0.1):");
    assertThat(build.output()).contains("Release bootweb 1.0.0 -> 1.0.1");
    assertThat(up).as("%s", build.output())
        .containsExactly("1. redefine bootweb GreetingController");
  }

  /** The numbered steps under {@code title} in the plan mvn printed (markers left out). */
  private static List<String> section(String output, String title) {
    List<String> lines = output.lines().map(l -> l.replaceFirst("^\\[INFO\\]\\s*", "")).toList();
    int start = lines.indexOf(title);
    assertThat(start).as("no '%s' in the plan:%n%s", title, output).isNotNegative();
    return lines.subList(start + 1, lines.size()).stream()
        .takeWhile(l -> l.matches("\\d+\\. .*|-- point_of_no_return --"))
        .filter(l -> !l.startsWith("--"))
        .toList();
  }

  private static void replace(Path file, String from, String to) throws Exception {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }
}
