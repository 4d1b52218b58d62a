package dev.molt.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.molt.format.EntryPoint;
import dev.molt.release.AppInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DefaultArtifact;
import org.apache.maven.artifact.handler.DefaultArtifactHandler;
import org.apache.maven.model.Model;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectAppsTest {
  @TempDir Path dir;

  @Test
  void apps_runtimeDependencies_becomeLibrariesWithEdges_apiAndTestLeftOut() throws Exception {
    MavenProject project = project(mainJar());
    project.setArtifacts(new LinkedHashSet<>(List.of(
        artifact("org.example", "lib", "2.0", "compile"),
        artifact("org.example", "rt", "1.1", "runtime"),
        artifact("org.example", "junit", "5", "test"),
        artifact("dev.molt", "molt-api", "0.1.0", "compile"))));
    Map<String, Set<String>> edges = Map.of(
        "g:app", Set.of("org.example:lib", "dev.molt:molt-api"),
        "org.example:lib", Set.of("org.example:rt"));

    List<AppInput> apps =
        new ProjectApps(project, new SystemStreamLog()).apps(Optional.of(SampleMain.class.getName()), edges);

    assertThat(apps).extracting(AppInput::name).containsExactly("app", "lib", "rt");
    assertThat(apps.get(0).dependsOn()).containsExactly("lib");
    assertThat(apps.get(0).entry())
        .contains(new EntryPoint(EntryPoint.Kind.MAIN, SampleMain.class.getName()));
    assertThat(apps.get(1).dependsOn()).containsExactly("rt");
    assertThat(apps.get(1).version()).isEqualTo("2.0");
    assertThat(apps.get(1).coordinates()).contains("org.example:lib:2.0");
    assertThat(apps.get(2).entry()).isEmpty();
  }

  @Test
  void apps_twoArtifactsWithOneArtifactId_failsNamingBoth() throws Exception {
    MavenProject project = project(mainJar());
    project.setArtifacts(new LinkedHashSet<>(List.of(
        artifact("org.one", "util", "1", "compile"), artifact("org.two", "util", "1", "compile"))));

    assertThatThrownBy(() -> new ProjectApps(project, new SystemStreamLog())
            .apps(Optional.of(SampleMain.class.getName()), Map.of()))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("org.one:util").hasMessageContaining("org.two:util");
  }

  @Test
  void apps_plainAndClassifiedJarOfOneArtifact_becomeTwoLibrariesAtTheirOwnVersions()
      throws Exception {
    MavenProject project = project(mainJar());
    project.setArtifacts(new LinkedHashSet<>(List.of(
        artifact("org.example", "util", "3.0", "compile"),
        artifact("org.example", "util", "3.1", "natives", "compile"))));
    Map<String, Set<String>> edges = Map.of("g:app", Set.of("org.example:util"));

    List<AppInput> apps =
        new ProjectApps(project, new SystemStreamLog()).apps(Optional.of(SampleMain.class.getName()), edges);

    // One version each passes the release build; two versions are refused there, naming both
    // (ClassPathInputsTest.build_twoVersionsOfOneArtifactInOneApplication_namesBothAndChangesNothing).
    assertThat(apps).extracting(AppInput::name).containsExactly("app", "util", "util-natives");
    assertThat(apps.get(0).classPath()).containsExactly("util", "util-natives");
    assertThat(apps.get(0).dependsOn()).containsExactly("util");
    assertThat(apps).extracting(a -> a.coordinates().orElseThrow())
        .containsExactly("g:app:1.0.0", "org.example:util:3.0", "org.example:util:3.1");
  }

  @Test
  void apps_dependencyJarNotAZip_failsNamingTheJarAndTheRemedy() throws Exception {
    MavenProject project = project(mainJar());
    Artifact broken = artifact("org.example", "lib", "2.0", "compile");
    Files.writeString(broken.getFile().toPath(), "<html>not found</html>");
    project.setArtifacts(new LinkedHashSet<>(List.of(broken)));

    assertThatThrownBy(() -> new ProjectApps(project, new SystemStreamLog())
            .apps(Optional.of(SampleMain.class.getName()), Map.of()))
        .hasMessageContaining(broken.getFile() + " is not a readable jar")
        .hasMessageContaining("rebuild or re-download it");
  }

  @Test
  void apps_mainClassInADependency_isFoundAlongTheClassPath() throws Exception {
    Path ownJar = dir.resolve("own.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(ownJar))) {
      out.putNextEntry(new JarEntry("own.txt"));
    }
    MavenProject project = project(ownJar);
    Artifact launcher = artifact("org.example", "launcher", "1.0", "compile");
    writeSampleMain(launcher.getFile().toPath());
    project.setArtifacts(new LinkedHashSet<>(List.of(launcher)));

    List<AppInput> apps = new ProjectApps(project, new SystemStreamLog())
        .apps(Optional.of(SampleMain.class.getName()), Map.of());

    assertThat(apps.get(0).jars()).containsExactly(ownJar);
    assertThat(apps.get(0).classPath()).containsExactly("launcher");
    assertThat(apps.get(0).entry())
        .contains(new EntryPoint(EntryPoint.Kind.MAIN, SampleMain.class.getName()));
  }

  @Test
  void apps_mainClassInNoJar_failsNamingTheClassAndTheLibrariesLookedAt() throws Exception {
    MavenProject project = project(mainJar());
    project.setArtifacts(new LinkedHashSet<>(List.of(
        artifact("org.example", "lib", "2.0", "compile"))));

    assertThatThrownBy(() -> new ProjectApps(project, new SystemStreamLog())
            .apps(Optional.of("com.example.Missing"), Map.of()))
        .hasMessageContaining("entry class com.example.Missing is not in " + dir.resolve("app-1.0.0.jar")
            + " nor in its 1 libraries; check the class name (mainClass)");
  }

  @Test
  void apps_projectNotPackaged_failsAskingForPackage() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("target/classes"));
    MavenProject project = project(classes);

    assertThatThrownBy(() -> new ProjectApps(project, new SystemStreamLog())
            .apps(Optional.empty(), Map.of()))
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("g:app:jar:1.0.0")
        .hasMessageContaining("run the goal after package: mvn package molt:release");
  }

  private MavenProject project(Path file) {
    Model model = new Model();
    model.setGroupId("g");
    model.setArtifactId("app");
    model.setVersion("1.0.0");
    MavenProject project = new MavenProject(model);
    Artifact main = new DefaultArtifact("g", "app", "1.0.0", null, "jar", null, jarHandler());
    main.setFile(file.toFile());
    project.setArtifact(main);
    return project;
  }

  private Artifact artifact(String group, String id, String version, String scope)
      throws IOException {
    return artifact(group, id, version, null, scope);
  }

  private Artifact artifact(String group, String id, String version, String classifier,
      String scope) throws IOException {
    Artifact artifact =
        new DefaultArtifact(group, id, version, scope, "jar", classifier, jarHandler());
    Path jar = dir.resolve(group + "." + id + "-" + version
        + (classifier == null ? "" : "-" + classifier) + ".jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("empty.txt"));
    }
    artifact.setFile(jar.toFile());
    return artifact;
  }

  private static DefaultArtifactHandler jarHandler() {
    DefaultArtifactHandler handler = new DefaultArtifactHandler("jar");
    handler.setAddedToClasspath(true);
    handler.setLanguage("java");
    return handler;
  }

  /** A jar holding {@link SampleMain}, a plain main class. */
  private Path mainJar() throws IOException {
    return writeSampleMain(dir.resolve("app-1.0.0.jar"));
  }

  /** Writes a jar holding {@link SampleMain} to {@code jar}. */
  private static Path writeSampleMain(Path jar) throws IOException {
    String entry = SampleMain.class.getName().replace('.', '/') + ".class";
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file);
        InputStream in = SampleMain.class.getResourceAsStream("/" + entry)) {
      out.putNextEntry(new JarEntry(entry));
      in.transferTo(out);
    }
    return jar;
  }

  /** The entry point of the test jar. */
  public static final class SampleMain {
    private SampleMain() {}

    public static void main(String[] args) {
      System.out.println("sample");
    }
  }
}
