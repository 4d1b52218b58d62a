package dev.molt.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelJarsTest {
  @TempDir Path dir;

  @Test
  void fromClassPath_picksKernelJarsAgentFirst() throws Exception {
    Path jackson = TestJars.library(dir.resolve("jackson-databind-2.23.0.jar"), "j.X");
    Path format = TestJars.library(dir.resolve("molt-format-0.1.0-SNAPSHOT.jar"), "f.X");
    Path loader = TestJars.library(dir.resolve("molt-runtime-loader-0.1.0-SNAPSHOT.jar"), "k.X");
    Path picocli = TestJars.library(dir.resolve("picocli-4.7.7.jar"), "p.X");
    String cp = String.join(File.pathSeparator, jackson.toString(), picocli.toString(),
        format.toString(), dir.resolve("classes").toString(), loader.toString());
    KernelInput k = KernelJars.fromClassPath(cp);
    assertThat(k.version()).isEqualTo("0.1.0-SNAPSHOT");
    assertThat(k.jars()).containsExactly(loader, format, jackson);
  }

  @Test
  void fromClassPath_picksServicesAndAsm_notOtherAsmJars() throws Exception {
    Path loader = TestJars.library(dir.resolve("molt-runtime-loader-0.1.0.jar"), "k.X");
    Path services = TestJars.library(dir.resolve("molt-services-0.1.0.jar"), "s.X");
    Path asm = TestJars.library(dir.resolve("asm-9.11.1.jar"), "o.X");
    Path asmTree = TestJars.library(dir.resolve("asm-tree-9.11.1.jar"), "t.X");
    String cp = String.join(File.pathSeparator, asmTree.toString(), asm.toString(),
        services.toString(), loader.toString());
    assertThat(KernelJars.fromClassPath(cp).jars()).containsExactly(loader, services, asm);
  }

  @Test
  void fromClassPath_picksWhatUnpackNeeds_archiveSignatureAndCommonsCompressWithItsDependencies()
      throws Exception {
    Path loader = TestJars.library(dir.resolve("molt-runtime-loader-0.1.0.jar"), "k.X");
    Path archive = TestJars.library(dir.resolve("molt-archive-0.1.0.jar"), "a.X");
    Path signature = TestJars.library(dir.resolve("molt-signature-0.1.0.jar"), "s.X");
    Path compress = TestJars.library(dir.resolve("commons-compress-1.28.0.jar"), "c.X");
    Path io = TestJars.library(dir.resolve("commons-io-2.22.0.jar"), "i.X");
    Path lang = TestJars.library(dir.resolve("commons-lang3-3.18.0.jar"), "l.X");
    Path codec = TestJars.library(dir.resolve("commons-codec-1.19.0.jar"), "d.X");
    String cp = String.join(File.pathSeparator, codec.toString(), lang.toString(), io.toString(),
        compress.toString(), signature.toString(), archive.toString(), loader.toString());
    assertThat(KernelJars.fromClassPath(cp).jars())
        .containsExactly(loader, archive, signature, compress, io, lang);
  }

  @Test
  void fromClassPath_withoutRuntimeLoader_fails() throws Exception {
    Path format = TestJars.library(dir.resolve("molt-format-0.1.0.jar"), "f.X");
    assertThatThrownBy(() -> KernelJars.fromClassPath(format.toString()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no molt-runtime-loader-<version>.jar");
  }

  @Test
  void fromDirectory_readsTheFolder() throws Exception {
    TestJars.library(dir.resolve("molt-runtime-loader-1.2.jar"), "k.X");
    TestJars.library(dir.resolve("molt-api-1.2.jar"), "a.X");
    assertThat(KernelJars.fromDirectory(dir).jars()).extracting(p -> p.getFileName().toString())
        .containsExactly("molt-runtime-loader-1.2.jar", "molt-api-1.2.jar");
  }
}
