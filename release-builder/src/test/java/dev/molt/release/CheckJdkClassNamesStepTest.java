package dev.molt.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
}
