package dev.molt.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.molt.format.Formats;
import dev.molt.format.ReleaseDescriptor;
import dev.molt.testsupport.jdk.Temurin25;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.ModuleVisitor;
import org.objectweb.asm.Opcodes;

/** Prod releases with a jlink runtime: modules, reproducible tarball, running on the embedded Java. */
class RuntimeLinkIT {
  @TempDir Path dir;
  final List<Path> pidFiles = new ArrayList<>();
  KernelInput kernel;

  @AfterEach
  void killNodes() throws Exception {
    for (Path pid : pidFiles) {
      if (Files.exists(pid)) {
        ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  private ReleaseResult build(Path out, Optional<Path> jdk) throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "prod");
    if (kernel == null) {
      kernel = FakeKernel.build(dir); // once: the same kernel jar bytes for every build of a test
    }
    List<String> progress = new ArrayList<>();
    ReleaseResult result = new ReleaseBuilder(progress::add).build(new ReleaseRequest(r.name(), r.version(),
        "prod", r.relDir(), out, r.apps(), kernel, jdk));
    System.out.printf("prod build with jlink (%s): %d ms, tarball %d bytes%n",
        jdk.map(Path::toString).orElse("running JDK"), result.elapsed().toMillis(), Files.size(result.tarball().get()));
    return result;
  }

  @Test
  void prod_linksRuntimeAndTarballIsReproducible() throws Exception {
    ReleaseResult a = build(dir.resolve("a"), Optional.empty());
    ReleaseResult b = build(dir.resolve("b"), Optional.empty());
    ReleaseDescriptor d = Formats.readRelease(a.releaseDir().resolve("releases/1.0/release.json"));
    assertThat(d.runtime().embedded()).isTrue();
    assertThat(d.runtime().javaVersion()).startsWith(Runtime.version().feature() + ".");
    assertThat(d.runtime().modules()).contains("java.base", "java.instrument").isSorted();
    assertThat(a.releaseDir().resolve("runtime/bin/java")).isExecutable();
    assertThat(Files.readString(a.releaseDir().resolve("releases/1.0/release.env"))).contains("RUNTIME_CDS='true'");
    assertThat(b.tarball().get()).hasSameBinaryContentAs(a.tarball().get());
    List<String> names = ReleaseBuilderTest.entries(a.tarball().get()).stream().map(TarArchiveEntry::getName).toList();
    assertThat(names).contains("shop/runtime/bin/java").noneMatch(n -> n.endsWith(".jsa"));
    assertThat(ReleaseBuilderTest.entries(a.tarball().get()))
        .filteredOn(e -> e.getName().equals("shop/runtime/bin/java") || e.getName().equals("shop/runtime/lib/jspawnhelper"))
        .hasSize(2).allMatch(e -> (e.getMode() & 0777) == 0755);
  }

  @Test
  void jdeps_modularJarRequiringAModuleTheAppLacks_analysesItsClassesAsOnTheClassPath()
      throws Exception {
    // As jakarta.transaction-api (Spring Data JPA) requires jakarta.cdi, which the app lacks: jdeps
    // given the jar as a module failed with FindException in spite of --ignore-missing-deps.
    ClassWriter info = new ClassWriter(0);
    info.visit(Opcodes.V9, Opcodes.ACC_MODULE, "module-info", null, null, null);
    ModuleVisitor module = info.visitModule("lib.tx", 0, null);
    module.visitRequire("java.base", Opcodes.ACC_MANDATED, null);
    module.visitRequire("absent.cdi", Opcodes.ACC_TRANSITIVE, null);
    module.visitExport("lib/tx", 0);
    module.visitEnd();
    info.visitEnd();
    ClassWriter tx = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    tx.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "lib/tx/Tx", null, "java/lang/Object", null);
    MethodVisitor m = tx.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "timeout", "()I", null, null);
    m.visitCode();
    m.visitMethodInsn(Opcodes.INVOKESTATIC, "java/sql/DriverManager", "getLoginTimeout", "()I", false);
    m.visitInsn(Opcodes.IRETURN);
    m.visitMaxs(0, 0);
    m.visitEnd();
    tx.visitEnd();
    Path jar = TestJars.jar(dir.resolve("lib-tx.jar"),
        Map.of("module-info", info.toByteArray(), "lib.tx.Tx", tx.toByteArray()));
    JdkTools jdk = new JdkTools(Path.of(System.getProperty("java.home")));

    Set<String> modules = LinkRuntimeStep.jdeps(jdk, Runtime.version().feature(), List.of(jar),
        new TreeSet<>(jdk.modules()));

    assertThat(modules).contains("java.sql");
    assertThat(jar).exists();   // the copy without module-info was jdeps's, not the jar itself
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
      assertThat(file.getJarEntry("module-info.class")).isNotNull();
    }
  }

  @Test
  void prod_onTemurin25_linksFromTheRuntimeImage() throws Exception {
    ReleaseResult a = build(dir.resolve("a"), Optional.of(Temurin25.home()));
    assertThat(a.descriptor().runtime().javaVersion()).startsWith("25");
    assertThat(a.releaseDir().resolve("runtime/bin/java")).isExecutable();
    // Temurin's image has symlinks under legal/: they must stay symlinks in the tarball.
    assertThat(ReleaseBuilderTest.entries(a.tarball().get())).anyMatch(TarArchiveEntry::isSymbolicLink);
  }

  @Test
  void unpackedTarball_startsOnTheEmbeddedRuntimeWithoutJava() throws Exception {
    ReleaseResult a = build(dir.resolve("a"), Optional.empty());
    Path install = dir.resolve("install");
    Files.createDirectories(install);
    Process tar = new ProcessBuilder("tar", "xzf", a.tarball().get().toString(), "-C", install.toString())
        .inheritIO().start();
    assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(tar.exitValue()).isZero();
    Path root = install.resolve("shop");
    assertThat(root.resolve("releases/COOKIE")).doesNotExist();
    assertThat(root.resolve("runtime/lib/server/classes.jsa")).doesNotExist();
    pidFiles.add(root.resolve("tmp/shop.pid"));
    Map<String, String> env = new HashMap<>();
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    Sh sh = new Sh(dir, env);
    Sh.Result start = sh.run(root.resolve("bin/shop"), "start");
    assertThat(start.code()).as(start.err()).isZero();
    assertThat(Files.readString(root.resolve("var/log/shop.log")))
        .contains("molt: using embedded runtime " + root.resolve("runtime/bin/java"), "booted 1.0");
    assertThat(root.resolve("releases/COOKIE")).exists();
    assertThat(root.resolve("runtime/lib/server/classes.jsa")).exists();
    assertThat(sh.run(root.resolve("bin/shop"), "stop").code()).isZero();
  }
}
