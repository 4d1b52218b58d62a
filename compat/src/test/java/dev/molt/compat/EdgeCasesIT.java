package dev.molt.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.testsupport.maven.SampleProject;
import dev.molt.testsupport.node.Http;
import dev.molt.testsupport.node.Node;
import dev.molt.testsupport.node.Ports;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Class path behaviours of {@code java -cp} across jar boundaries (projects/edges: api, impl that
 * depends on api, app that depends on both and H2). The app runs each check once in main and
 * serves one line per check on {@code /checks}; the expected values are what {@code java -cp}
 * prints for the same jars in Maven's order (app, api, impl, h2).
 */
class EdgeCasesIT {
  @TempDir static Path work;
  private static Node node;
  private static String checks;

  @BeforeAll
  static void buildAndStart() throws Exception {
    SampleProject project = SampleProject.copy("edges", work);
    // A multi-module build: the release is the app module's, molt:release bound to its package.
    ProjectRelease.mvnOk(project, "-f", "app/pom.xml", "molt:init");
    ProjectRelease.mvnOk(project, "package", "-Dmolt.env=prod");
    node = new Node(project.dir().resolve("app/target/rel/edges"), "edges");
    int port = Ports.free();
    node.startAndAwait(Node.envWithPort(port), port, "/checks");
    HttpResponse<String> response = Http.get(port, "/checks");
    assertThat(response.statusCode()).isEqualTo(200);
    checks = response.body();
  }

  @AfterAll
  static void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void splitPackage_packagePrivateAccessAcrossTwoJars() {
    assertThat(checks).contains("split=package-private in edges-api\n");
  }

  @Test
  void classForName_fromALibrary_findsAClassOfAJarItDoesNotDependOn() {
    assertThat(checks).contains("forName=edge.impl.HelloGreeter\n");
  }

  @Test
  void driverManager_findsH2WithoutClassForName() {
    assertThat(checks).contains("jdbc=H2 JDBC Driver 42\n");
  }

  @Test
  void serviceLoader_calledInTheApiJar_throughContextLoader_findsProviderOfDependentJar() {
    assertThat(checks).contains("serviceViaContextLoader=HelloGreeter\n");
  }

  @Test
  void serviceLoader_calledInTheApiJar_throughItsOwnLoader_findsProviderOfDependentJar() {
    assertThat(checks).contains("serviceViaOwnLoader=HelloGreeter\n");
  }

  @Test
  void getResources_findsTheSameNameInBothJars_inClassPathOrder() {
    assertThat(checks).contains("resources=api,impl\n");
  }

  @Test
  void contextClassLoader_ofMainAndOfAThreadItStarts_isTheAppsLoader() {
    assertThat(checks).contains("contextLoaderInMain=the app's loader\n",
        "contextLoaderInThread=the app's loader\n");
  }
}
