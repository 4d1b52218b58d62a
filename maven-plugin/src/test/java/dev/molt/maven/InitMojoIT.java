package dev.molt.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.testsupport.maven.SampleProject;
import dev.molt.testsupport.maven.SampleProject.Build;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InitMojoIT {

  @Test
  void init_writesRelFolder_andNeverOverwritesEditedFiles(@TempDir Path work) throws Exception {
    SampleProject project = SampleProject.copy("init", work);
    Path rel = project.dir().resolve("rel");
    String editedOptions = Files.readString(rel.resolve("jvm.options"));

    Build first = project.mvn("molt:init");

    assertThat(first.exitCode()).as("%s", first).isZero();
    assertThat(rel.resolve("molt.json")).content().contains("\"starter\"");
    assertThat(rel.resolve("config.json")).isRegularFile();
    assertThat(rel.resolve("hooks/README.md")).isRegularFile();
    assertThat(rel.resolve("commands/README.md")).isRegularFile();
    assertThat(rel.resolve("trusted-keys/README.md")).content().contains("releases/<vsn>/trusted-keys/");
    assertThat(rel.resolve("jvm.options")).content().isEqualTo(editedOptions);
    assertThat(first.output()).contains("wrote rel/molt.json", "kept  rel/jvm.options",
        "added <project.build.outputTimestamp>");

    Files.writeString(rel.resolve("config.json"), "{ \"edited\": true }\n");
    Build second = project.mvn("molt:init");

    assertThat(second.exitCode()).as("%s", second).isZero();
    assertThat(rel.resolve("config.json")).content().isEqualTo("{ \"edited\": true }\n");
    assertThat(rel.resolve("jvm.options")).content().isEqualTo(editedOptions);
    assertThat(second.output()).contains("kept  rel/config.json", "kept  rel/molt.json",
            "kept  project.build.outputTimestamp")
        .doesNotContain("wrote rel/");
  }
}
