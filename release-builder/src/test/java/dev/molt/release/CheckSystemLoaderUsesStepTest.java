package dev.molt.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

class CheckSystemLoaderUsesStepTest {
  @TempDir Path dir;

  /** {@code static void run() { ClassLoader.getSystemClassLoader(); System.getProperty("java.class.path"); }} */
  private static byte[] userOfTheSystemLoader(String name) {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, name.replace('.', '/'), null, "java/lang/Object", null);
    MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "run", "()V", null, null);
    mv.visitCode();
    mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/ClassLoader", "getSystemClassLoader",
        "()Ljava/lang/ClassLoader;", false);
    mv.visitInsn(Opcodes.POP);
    mv.visitLdcInsn("java.class.path");
    mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "getProperty",
        "(Ljava/lang/String;)Ljava/lang/String;", false);
    mv.visitInsn(Opcodes.POP);
    mv.visitInsn(Opcodes.RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
    cw.visitEnd();
    return cw.toByteArray();
  }

  @Test
  void uses_systemClassLoaderAndClassPathProperty_areNamedWithTheClass() throws Exception {
    Path jar = TestJars.jar(dir.resolve("app.jar"), Map.of("shop.Plugins",
        userOfTheSystemLoader("shop.Plugins"), "shop.Main", TestJars.type("shop.Main",
            "java/lang/Object", true)));
    assertThat(CheckSystemLoaderUsesStep.uses(jar)).containsExactly(
        "shop.Plugins calls ClassLoader.getSystemClassLoader()",
        "shop.Plugins reads the java.class.path property");
  }

  @Test
  void build_appUsingTheSystemLoader_warnsWithTheRemedy_andStillBuilds() throws Exception {
    ReleaseRequest r = TestReleases.request(dir, "bare");
    Path app = TestJars.jar(dir.resolve("in/shop-1.0.jar"), Map.of(
        "shop.Main", TestJars.type("shop.Main", "java/lang/Object", true),
        "shop.Plugins", userOfTheSystemLoader("shop.Plugins")));
    StringBuilder progress = new StringBuilder();
    new ReleaseBuilder(line -> progress.append(line).append('\n')).build(r);
    assertThat(app).exists();
    assertThat(progress.toString())
        .contains("warning: app shop: shop.Plugins calls ClassLoader.getSystemClassLoader();")
        .contains("use YourClass.class.getClassLoader() or the thread's context class loader");
  }
}
