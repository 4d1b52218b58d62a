package dev.molt.kernel.loader;

import static dev.molt.kernel.testing.JarBuilder.jar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.molt.api.Application;
import java.net.URL;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppClassLoaderTest {
  private static final JdkAndApiLoader PARENT = JdkAndApiLoader.create();
  private static final String PROBE = """
      package probe;
      public class Probe {
        public static boolean canLoad(String name) {
          try {
            Class.forName(name, false, Probe.class.getClassLoader());
            return true;
          } catch (ClassNotFoundException e) {
            return false;
          }
        }
      }
      """;

  @TempDir static Path shared;
  static Path probeJar;
  static Path greeterV1;
  static Path greeterV2;

  @TempDir Path dir;
  private final List<AppClassLoader> opened = new java.util.ArrayList<>();

  @BeforeAll
  static void buildJars() throws Exception {
    probeJar = jar(shared, "probe/probe.jar").source("probe.Probe", PROBE)
        .resource("probe/data.txt", "probe").build();
    greeterV1 = jar(shared, "v1/greeter.jar").source("lib.Greeter", greeter("v1")).build();
    greeterV2 = jar(shared, "v2/greeter.jar").source("lib.Greeter", greeter("v2")).build();
  }

  @AfterEach
  void close() throws Exception {
    for (AppClassLoader loader : opened) {
      loader.close();
    }
  }

  @Test
  void loadClass_kernelAndItsDependencies_notFound() throws Exception {
    AppClassLoader app = loader("probe-1", List.of(probeJar));

    assertThat(canLoad(app, ObjectMapper.class.getName())).isFalse();
    assertThat(canLoad(app, AppClassLoader.class.getName())).isFalse();
    assertThat(canLoad(app, "dev.molt.format.Formats")).isFalse();
    assertThat(canLoad(app, "org.junit.jupiter.api.Test")).isFalse();
    assertThatThrownBy(() -> app.loadClass(ObjectMapper.class.getName()))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void loadClass_jdkModulesOfEveryLoaderAndTheApi_found() throws Exception {
    AppClassLoader app = loader("probe-1", List.of(probeJar));

    assertThat(canLoad(app, "java.sql.Connection")).isTrue(); // platform loader
    assertThat(canLoad(app, "jdk.jshell.JShell")).isTrue(); // application loader
    assertThat(canLoad(app, "javax.tools.ToolProvider")).isTrue();
    assertThat(canLoad(app, "java.lang.String")).isTrue(); // bootstrap
    assertThat(app.loadClass(Application.class.getName())).isSameAs(Application.class);
  }

  @Test
  void getResource_kernelResources_hiddenJdkAndOwnVisible() throws Exception {
    AppClassLoader app = loader("probe-1", List.of(probeJar));

    assertThat(app.getResource("com/fasterxml/jackson/databind/ObjectMapper.class")).isNull();
    assertThat(app.getResource("java/lang/Object.class")).isNotNull();
    assertThat(app.getResource("dev/molt/api/Application.class")).isNotNull();
    assertThat(app.getResource("probe/data.txt")).isNotNull();
    List<URL> manifests = Collections.list(app.getResources("META-INF/MANIFEST.MF"));
    assertThat(manifests).singleElement().asString().contains("probe.jar");
  }

  @Test
  void loadClass_twoAppsOnTwoLibraryVersions_eachSeesItsOwn() throws Exception {
    AppClassLoader v1 = loader("greeter-1.0", List.of(greeterV1));
    AppClassLoader v2 = loader("greeter-2.0", List.of(greeterV2));
    AppClassLoader one = loader("one-1", List.of(caller("one")), v1);
    AppClassLoader two = loader("two-1", List.of(caller("two")), v2);

    assertThat(call(one, "caller.one.Caller", "greet")).isEqualTo("v1");
    assertThat(call(two, "caller.two.Caller", "greet")).isEqualTo("v2");
    assertThat(one.loadClass("lib.Greeter").getClassLoader()).isSameAs(v1);
    assertThat(two.loadClass("lib.Greeter").getClassLoader()).isSameAs(v2);
  }

  @Test
  void loadClass_transitiveDependency_foundBreadthFirst() throws Exception {
    AppClassLoader lib = loader("greeter-1.0", List.of(greeterV1));
    AppClassLoader middle = loader("middle-1", List.of(probeJar), lib);
    AppClassLoader top = loader("top-1", List.of(caller("top")), middle);

    assertThat(call(top, "caller.top.Caller", "greet")).isEqualTo("v1");
    assertThat(top.loadClass("probe.Probe").getClassLoader()).isSameAs(middle);
    assertThat(top.loadClass("lib.Greeter")).isSameAs(lib.loadClass("lib.Greeter"));
  }

  @Test
  void loadClass_classInOwnJarAndDependency_ownWins() throws Exception {
    AppClassLoader v1 = loader("greeter-1.0", List.of(greeterV1));
    AppClassLoader app = loader("app-2", List.of(greeterV2), v1);

    assertThat(call(app, "lib.Greeter", "greet")).isEqualTo("v2");
    assertThat(app.loadClass("lib.Greeter").getClassLoader()).isSameAs(app);
  }

  @Test
  void getResources_ownAndDependencies_ownFirst() throws Exception {
    Path depJar = jar(dir, "dep.jar").resource("conf/molt.txt", "dep").build();
    Path appJar = jar(dir, "app.jar").resource("conf/molt.txt", "app").build();
    AppClassLoader dep = loader("dep-1", List.of(depJar));
    AppClassLoader app = loader("app-1", List.of(appJar), dep);

    List<URL> urls = Collections.list(app.getResources("conf/molt.txt"));

    assertThat(urls).hasSize(2);
    assertThat(urls.get(0).toString()).contains("app.jar");
    assertThat(urls.get(1).toString()).contains("dep.jar");
    assertThat(app.getResource("conf/molt.txt").toString()).contains("app.jar");
    assertThat(dep.getResource("conf/molt.txt").toString()).contains("dep.jar");
  }

  @Test
  void loadClass_multiReleaseJar_usesVersionedClasses() throws Exception {
    Path mr = jar(dir, "mr.jar")
        .source("mr.Version", "package mr; public class Version {"
            + " public static String get() { return \"base\"; } }")
        .versionedSource(11, "mr.Version", "package mr; public class Version {"
            + " public static String get() { return \"11\"; } }")
        .versionedSource(11, "mr.only.Extra", "package mr.only; public class Extra {"
            + " public static String get() { return \"extra\"; } }")
        .build();
    AppClassLoader lib = loader("mr-1", List.of(mr));
    AppClassLoader app = loader("app-1", List.of(probeJar), lib);

    assertThat(call(app, "mr.Version", "get")).isEqualTo("11");
    assertThat(call(app, "mr.only.Extra", "get")).isEqualTo("extra");
  }

  @Test
  void defineClass_packageFromManifestAndCodeSourceFromJar() throws Exception {
    Path versioned = jar(dir, "versioned.jar")
        .manifest("Implementation-Title", "greeter")
        .manifest("Implementation-Version", "3.1")
        .source("lib.Greeter", greeter("v3"))
        .build();
    AppClassLoader app = loader("greeter-3.1", List.of(versioned));

    Class<?> greeter = app.loadClass("lib.Greeter");

    assertThat(greeter.getPackage().getImplementationVersion()).isEqualTo("3.1");
    assertThat(greeter.getProtectionDomain().getCodeSource().getLocation())
        .isEqualTo(versioned.toUri().toURL());
    assertThat(app.getName()).isEqualTo("greeter-3.1");
  }

  @Test
  void constructor_notAJar_failsNamingTheFile() throws Exception {
    Path bogus = java.nio.file.Files.writeString(dir.resolve("bogus.jar"), "not a zip");

    assertThatThrownBy(() -> loader("bogus-1", List.of(bogus)))
        .isInstanceOf(java.io.IOException.class)
        .hasMessageContaining("bogus.jar");
  }

  private AppClassLoader loader(String name, List<Path> jars, AppClassLoader... deps)
      throws Exception {
    AppClassLoader loader = new AppClassLoader(name, jars, List.of(deps), PARENT);
    opened.add(loader);
    return loader;
  }

  private Path caller(String name) throws Exception {
    return jar(dir, name + ".jar").classpath(greeterV1).source("caller." + name + ".Caller",
        "package caller." + name + "; public class Caller {"
            + " public static String greet() { return lib.Greeter.greet(); } }").build();
  }

  private static String greeter(String version) {
    return "package lib; public class Greeter { public static String greet() { return \""
        + version + "\"; } }";
  }

  private static boolean canLoad(ClassLoader app, String name) throws Exception {
    return (Boolean) app.loadClass("probe.Probe").getMethod("canLoad", String.class)
        .invoke(null, name);
  }

  private static Object call(ClassLoader loader, String className, String method)
      throws Exception {
    return loader.loadClass(className).getMethod(method).invoke(null);
  }
}
