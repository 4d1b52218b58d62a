package dev.molt.kernel.node;

import static dev.molt.kernel.testing.JarBuilder.jar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.kernel.testing.ReleaseRoot;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inside one application, the libraries behave as under {@code java -cp}: the lookups below all
 * go against the dependency edges (the API library finds what the implementation library brings),
 * which a class loader per library cannot serve (docs/class-loading.md).
 */
class JavaCpParityTest {
  @TempDir static Path build;
  static Path apiJar;
  static Path implJar;
  static Path appJar;

  @TempDir Path root;

  @BeforeAll
  static void buildJars() throws Exception {
    apiJar = jar(build, "api.jar")
        .source("api.Greeter", "package api; public interface Greeter { String greet(); }")
        .source("api.Probe", """
            package api;
            import java.util.*;
            public class Probe {
              public static String services() {
                List<String> out = new ArrayList<>();
                ServiceLoader.load(Greeter.class, Probe.class.getClassLoader())
                    .forEach(g -> out.add(g.greet()));
                return String.join(",", out);
              }
              public static String byName() throws Exception {
                return Class.forName("impl.Hidden").getSimpleName();
              }
              public static String resources() throws Exception {
                List<String> out = new ArrayList<>();
                for (java.net.URL u : Collections.list(
                    Probe.class.getClassLoader().getResources("same.txt"))) {
                  out.add(new String(u.openStream().readAllBytes()).trim());
                }
                return String.join(",", out);
              }
            }""")
        .source("split.Base", "package split; public class Base { static String secret() { return \"base\"; } }")
        .resource("same.txt", "api")
        .build();
    implJar = jar(build, "impl.jar").classpath(apiJar)
        .source("impl.English", "package impl; public class English implements api.Greeter {"
            + " public String greet() { return \"hello\"; } }")
        .source("impl.Hidden", "package impl; public class Hidden {}")
        .source("split.Extra", "package split; public class Extra {"
            + " public static String reach() { return Base.secret() + \"+extra\"; } }")
        .resource("META-INF/services/api.Greeter", "impl.English\n")
        .resource("same.txt", "impl")
        .build();
    appJar = jar(build, "app.jar").source("app.Main",
        "package app; public class Main { public static void main(String[] a) {} }").build();
  }

  private ClassLoader appLoader() throws Exception {
    ReleaseRoot.at(root, "parity", "1.0")
        .library("api", "1.0", apiJar)
        .library("impl", "1.0", implJar, "api")
        .main("app", appJar, "app.Main", "impl")
        .write();
    Node node = Node.load(new BootRequest(root, "1.0", Map.of(), true));
    assertThat(node.app("api").orElseThrow().loader()).as("a library has no loader").isEmpty();
    return node.app("app").orElseThrow().loader().orElseThrow();
  }

  private static Object call(ClassLoader loader, String type, String method) throws Exception {
    return Class.forName(type, true, loader).getMethod(method).invoke(null);
  }

  @Test
  void serviceLoader_inTheApiLibrary_findsTheProviderOfALibraryThatDependsOnIt() throws Exception {
    assertThat(call(appLoader(), "api.Probe", "services")).isEqualTo("hello");
  }

  @Test
  void classForName_inALibrary_findsAClassOfALibraryItDoesNotDependOn() throws Exception {
    assertThat(call(appLoader(), "api.Probe", "byName")).isEqualTo("Hidden");
  }

  @Test
  void splitPackage_acrossTwoJars_isOneRuntimePackage_withPackagePrivateAccess() throws Exception {
    assertThat(call(appLoader(), "split.Extra", "reach")).isEqualTo("base+extra");
  }

  @Test
  void getResources_enumeratesEveryJar_inClassPathOrder() throws Exception {
    // the application's class path is impl, then api (breadth-first from app -> impl -> api)
    assertThat(call(appLoader(), "api.Probe", "resources")).isEqualTo("impl,api");
  }

  @Test
  void libraryClasses_areDefinedByTheApplicationsLoader() throws Exception {
    ClassLoader loader = appLoader();
    assertThat(Class.forName("api.Greeter", false, loader).getClassLoader()).isSameAs(loader);
    assertThat(Class.forName("impl.English", false, loader).getClassLoader()).isSameAs(loader);
  }
}
