package dev.molt.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class CheckJdkClassNamesStepTest {
  @TempDir Path dir;

  /** {@code static void run() { "s1"; "s2"; ... }}: each string an ldc, as a Class.forName argument is. */
  static byte[] namingStrings(String name, String... strings) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name.replace('.', '/'), null, "java/lang/Object", null);
    MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "run", "()V", null, null);
    mv.visitCode();
    for (String s : strings) {
      mv.visitLdcInsn(s);
      mv.visitInsn(Opcodes.POP);
    }
    mv.visitInsn(Opcodes.RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  @Test
  void classNames_stringConstantsShapedLikeClassNames_only() throws Exception {
    Path jar = TestJars.jar(dir.resolve("lib.jar"), Map.of("lib.Probe", namingStrings("lib.Probe",
        "java.beans.Introspector", "java.awt.headless", "hello world", "javax.naming.Context",
        "lib.Other$Inner")));

    assertThat(CheckJdkClassNamesStep.classNames(jar))
        .containsExactly("java.beans.Introspector", "javax.naming.Context", "lib.Other$Inner");
  }

  @Test
  void missing_classesOfJdkModulesNotLinked_byModule_withTheAppNamingThem() throws Exception {
    Path jar = TestJars.jar(dir.resolve("lib.jar"), Map.of("lib.Probe", namingStrings("lib.Probe",
        "java.beans.Introspector", "java.beans.PropertyEditor", "java.util.List",
        "javax.naming.InitialContext", "org.example.NotJdk")));
    List<AppInput> apps = List.of(new AppInput("lib", "1.0", Optional.empty(), List.of(jar),
        List.of(), Optional.empty()));
    Map<String, String> jdk = CheckJdkClassNamesStep.jdkPackages();

    assertThat(CheckJdkClassNamesStep.missing(apps, Set.of("java.base", "java.naming"), jdk))
        .isEqualTo(Map.of("java.desktop", Map.of("java.beans.Introspector", "lib",
            "java.beans.PropertyEditor", "lib")));
    assertThat(CheckJdkClassNamesStep.missing(apps,
        Set.of("java.base", "java.naming", "java.desktop"), jdk)).isEmpty();
  }

  /** A class file whose one constant, a string, points at a constant pool index past its end. */
  static byte[] stringPastTheConstantPool() {
    ByteBuffer b = ByteBuffer.allocate(64);
    b.putInt(0xCAFEBABE).putShort((short) 0).putShort((short) 61);
    b.putShort((short) 2); // constant pool count: one entry
    b.put((byte) 8).putShort((short) 9); // CONSTANT_String -> #9, which is not there
    b.putShort((short) 0x21).putShort((short) 0).putShort((short) 0); // flags, this, super
    b.putShort((short) 0).putShort((short) 0).putShort((short) 0).putShort((short) 0);
    byte[] out = new byte[b.position()];
    b.flip().get(out);
    return out;
  }

  @Test
  void classNames_aMalformedClassIsSkipped_theOthersStillRead() throws Exception {
    Path jar = TestJars.jar(dir.resolve("lib.jar"), Map.of(
        "lib.Broken", stringPastTheConstantPool(),
        "lib.Probe", namingStrings("lib.Probe", "java.beans.Introspector")));

    assertThat(CheckJdkClassNamesStep.classNames(jar)).containsExactly("java.beans.Introspector");
  }

  @Test
  void classNames_aClassEntryLargerThanTheHeap_isSkippedUnread() throws Exception {
    Path jar = dir.resolve("big.jar");
    try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("lib/Huge.class"));
      zip.write(new byte[96 * 1024 * 1024]);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("lib/Probe.class"));
      zip.write(namingStrings("lib.Probe", "java.beans.Introspector"));
      zip.closeEntry();
    }
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx64m", "-cp", System.getProperty("java.class.path"),
        CheckJdkClassNamesStepTest.class.getName(), jar.toString()).redirectErrorStream(true).start();
    try {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("classNames finished").isTrue();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      assertThat(p.exitValue()).as(out).isZero();
      assertThat(out).isEqualTo("[java.beans.Introspector]");
    } finally {
      p.destroyForcibly();
    }
  }

  /** Prints the class names of the jar {@code args[0]}, in a JVM of the test's choosing. */
  public static void main(String[] args) throws Exception {
    System.out.println(CheckJdkClassNamesStep.classNames(Path.of(args[0])));
  }
}
