package dev.molt.appup.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;

import dev.molt.appup.error.CorruptClassException;
import dev.molt.appup.testkit.ClassGen;
import dev.molt.appup.testkit.JarGen;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One class pair per classification rule. */
class AppDifferTest {
  private static final String C = "a.Foo";

  @TempDir Path dir;

  /** The base class every test changes one thing in. */
  private static ClassGen base() {
    return ClassGen.of(C).field(ACC_PRIVATE, "count", "J").method(ACC_PUBLIC, "run", "()I", 1)
        .method(ACC_PUBLIC, "size", "()I", 2);
  }

  private AppDiff diff(ClassGen before, ClassGen after) throws Exception {
    Path a = JarGen.jar().add(before).write(dir.resolve("1/app.jar"));
    Path b = JarGen.jar().add(after).write(dir.resolve("2/app.jar"));
    return AppDiffer.diff("app", "1", List.of(a), "2", List.of(b));
  }

  private ClassChange only(UnaryOperator<ClassGen> change) throws Exception {
    AppDiff d = diff(base(), change.apply(base()));
    assertThat(d.changes()).hasSize(1);
    return d.changes().get(0);
  }

  @Test
  void diff_identicalClass_isUnchanged() throws Exception {
    AppDiff d = diff(base(), base());
    assertThat(d.changes()).isEmpty();
    assertThat(d.unchangedClasses()).isEqualTo(1);
  }

  @Test
  void diff_onlyDebugInfoAndLineNumbersDiffer_isUnchanged() throws Exception {
    ClassGen before = ClassGen.of(C).methodAtLine(ACC_PUBLIC, "run", "()I", 1, 10);
    ClassGen after = ClassGen.of(C).source("Foo.java").methodAtLine(ACC_PUBLIC, "run", "()I", 1, 42);
    assertThat(diff(before, after).changes()).isEmpty();
  }

  @Test
  void diff_constantPoolOrderDiffers_isUnchanged() throws Exception {
    AppDiff d = diff(base(), base().poolNoise("zzz").poolNoise("aaa"));
    assertThat(d.changes()).isEmpty();
  }

  @Test
  void diff_methodBodyChanged_isBodyOnlyNamingTheMethod() throws Exception {
    ClassGen after = ClassGen.of(C).field(ACC_PRIVATE, "count", "J").method(ACC_PUBLIC, "run", "()I", 7)
        .method(ACC_PUBLIC, "size", "()I", 2);
    ClassChange c = diff(base(), after).changes().get(0);
    assertThat(c.kind()).isEqualTo(ChangeKind.BODY_ONLY);
    assertThat(c.changedMethods()).containsExactly("run()I");
    assertThat(c.reasons()).isEmpty();
    assertThat(c.staticInitializerChanged()).isFalse();
  }

  @Test
  void diff_fieldAdded_isStructuralNamingTheField() throws Exception {
    ClassChange c = only(g -> g.field(ACC_PRIVATE, "perPath", "Ljava/util/Map;"));
    assertThat(c.kind()).isEqualTo(ChangeKind.STRUCTURAL);
    assertThat(c.addedFields()).containsExactly("perPath:Ljava/util/Map;");
    assertThat(c.reasons()).anyMatch(r -> r.contains("field perPath:Ljava/util/Map; added"));
  }

  @Test
  void diff_fieldTypeChanged_isStructuralWithFieldDroppedAndAdded() throws Exception {
    ClassGen after = ClassGen.of(C).field(ACC_PRIVATE, "count", "I").method(ACC_PUBLIC, "run", "()I", 1)
        .method(ACC_PUBLIC, "size", "()I", 2);
    ClassChange c = diff(base(), after).changes().get(0);
    assertThat(c.kind()).isEqualTo(ChangeKind.STRUCTURAL);
    assertThat(c.removedFields()).containsExactly("count:J");
    assertThat(c.addedFields()).containsExactly("count:I");
  }

  @Test
  void diff_fieldModifiersChanged_isStructural() throws Exception {
    ClassGen after = ClassGen.of(C).field(ACC_PRIVATE | ACC_FINAL, "count", "J")
        .method(ACC_PUBLIC, "run", "()I", 1).method(ACC_PUBLIC, "size", "()I", 2);
    ClassChange c = diff(base(), after).changes().get(0);
    assertThat(c.kind()).isEqualTo(ChangeKind.STRUCTURAL);
    assertThat(c.reasons()).containsExactly("modifiers of field count:J changed from private to private final");
  }

  @Test
  void diff_constantValueChanged_isStructural() throws Exception {
    AppDiff d = diff(ClassGen.of(C).constant("LIMIT", 5), ClassGen.of(C).constant("LIMIT", 6));
    assertThat(d.changes().get(0).kind()).isEqualTo(ChangeKind.STRUCTURAL);
    assertThat(d.changes().get(0).reasons()).anyMatch(r -> r.startsWith("constant value of field LIMIT:I"));
  }

  @Test
  void diff_methodAdded_isStructural() throws Exception {
    ClassChange c = only(g -> g.method(ACC_PUBLIC, "extra", "()I", 3));
    assertThat(c.kind()).isEqualTo(ChangeKind.STRUCTURAL);
    assertThat(c.reasons()).containsExactly("method extra()I added");
  }

  @Test
  void diff_methodSignatureChanged_isStructural() throws Exception {
    ClassGen after = ClassGen.of(C).field(ACC_PRIVATE, "count", "J")
        .method(ACC_PUBLIC, "run", "(Ljava/lang/String;)I", 1).method(ACC_PUBLIC, "size", "()I", 2);
    ClassChange c = diff(base(), after).changes().get(0);
    assertThat(c.kind()).isEqualTo(ChangeKind.STRUCTURAL);
    assertThat(c.reasons()).contains("method run()I removed", "method run(Ljava/lang/String;)I added");
  }

  @Test
  void diff_methodModifiersChanged_isStructural() throws Exception {
    ClassGen after = ClassGen.of(C).field(ACC_PRIVATE, "count", "J")
        .method(ACC_PUBLIC | ACC_FINAL, "run", "()I", 1).method(ACC_PUBLIC, "size", "()I", 2);
    assertThat(diff(base(), after).changes().get(0).reasons())
        .containsExactly("modifiers of method run()I changed from public to public final");
  }

  @Test
  void diff_superclassChanged_isStructural() throws Exception {
    ClassChange c = only(g -> g.extend("java.lang.Number"));
    assertThat(c.reasons()).anyMatch(r -> r.startsWith("superclass changed"));
  }

  @Test
  void diff_interfaceAdded_isStructural() throws Exception {
    ClassChange c = only(g -> g.implement("java.lang.Runnable"));
    assertThat(c.kind()).isEqualTo(ChangeKind.STRUCTURAL);
    assertThat(c.reasons()).containsExactly("interfaces changed from [] to [java/lang/Runnable]");
  }

  @Test
  void diff_classModifiersChanged_isStructural() throws Exception {
    ClassChange c = only(g -> g.access(ACC_PUBLIC | ACC_SUPER | ACC_FINAL));
    assertThat(c.reasons()).containsExactly("class modifiers changed from public to public final");
  }

  @Test
  void diff_runtimeVisibleAnnotationAdded_isStructural() throws Exception {
    AppDiff d = diff(ClassGen.of(C).method(ACC_PUBLIC, "run", "()I", 1),
        ClassGen.of(C).annotatedMethod(ACC_PUBLIC, "run", "()I", 1, "Lx/Path;"));
    assertThat(d.changes().get(0).kind()).isEqualTo(ChangeKind.STRUCTURAL);
    assertThat(d.changes().get(0).reasons()).anyMatch(r -> r.startsWith("annotations of method run()I"));
  }

  @Test
  void diff_classAnnotationAdded_isStructural() throws Exception {
    assertThat(only(g -> g.annotated("Lx/Service;")).reasons())
        .anyMatch(r -> r.startsWith("class annotations changed"));
  }

  @Test
  void diff_invisibleAnnotationAdded_isUnchanged() throws Exception {
    AppDiff d = diff(ClassGen.of(C).method(ACC_PUBLIC, "run", "()I", 1),
        ClassGen.of(C).annotatedMethod(ACC_PUBLIC, "run", "()I", 1, "!Lx/Generated;"));
    assertThat(d.changes()).isEmpty();
  }

  @Test
  void diff_staticInitializerChanged_isBodyOnlyAndFlagged() throws Exception {
    AppDiff d = diff(ClassGen.of(C).staticInit(1), ClassGen.of(C).staticInit(2));
    ClassChange c = d.changes().get(0);
    assertThat(c.kind()).isEqualTo(ChangeKind.BODY_ONLY);
    assertThat(c.staticInitializerChanged()).isTrue();
    assertThat(c.changedMethods()).isEmpty();
  }

  @Test
  void diff_staticInitializerAdded_isFlagged() throws Exception {
    assertThat(only(g -> g.staticInit(1)).staticInitializerChanged()).isTrue();
  }

  @Test
  void diff_classAddedAndRemoved_areReported() throws Exception {
    Path a = JarGen.jar().add(base(), ClassGen.of("a.Old")).write(dir.resolve("1/app.jar"));
    Path b = JarGen.jar().add(base(), ClassGen.of("a.New")).write(dir.resolve("2/app.jar"));
    AppDiff d = AppDiffer.diff("app", "1", List.of(a), "2", List.of(b));
    assertThat(d.changes()).extracting(ClassChange::className, ClassChange::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("a.New", ChangeKind.ADDED),
            org.assertj.core.groups.Tuple.tuple("a.Old", ChangeKind.REMOVED));
    assertThat(d.unchangedClasses()).isEqualTo(1);
  }

  @Test
  void diff_classMovedToAnotherJarOfTheApp_isUnchanged() throws Exception {
    Path a = JarGen.jar().add(base()).write(dir.resolve("1/one.jar"));
    Path a2 = JarGen.jar().entry("x.txt", new byte[] {1}).write(dir.resolve("1/two.jar"));
    Path b = JarGen.jar().entry("x.txt", new byte[] {1}).write(dir.resolve("2/one.jar"));
    Path b2 = JarGen.jar().add(base()).write(dir.resolve("2/two.jar"));
    AppDiff d = AppDiffer.diff("app", "1", List.of(a, a2), "2", List.of(b, b2));
    assertThat(d.isEmpty()).isTrue();
  }

  @Test
  void diff_resourceChanged_isReported() throws Exception {
    Path a = JarGen.jar().entry("config/app.properties", "x=1".getBytes()).entry("META-INF/MANIFEST.MF", "1".getBytes())
        .write(dir.resolve("1/app.jar"));
    Path b = JarGen.jar().entry("config/app.properties", "x=2".getBytes()).entry("META-INF/MANIFEST.MF", "2".getBytes())
        .write(dir.resolve("2/app.jar"));
    AppDiff d = AppDiffer.diff("app", "1", List.of(a), "2", List.of(b));
    assertThat(d.changedResources()).containsExactly("config/app.properties changed");
  }

  @Test
  void diff_corruptClass_namesAppJarAndEntry() throws Exception {
    Path a = JarGen.jar().add(base()).write(dir.resolve("1/app.jar"));
    byte[] broken = base().bytes();
    broken = java.util.Arrays.copyOf(broken, broken.length / 2);
    Path b = JarGen.jar().entry("a/Foo.class", broken).write(dir.resolve("2/app.jar"));
    assertThatThrownBy(() -> AppDiffer.diff("app", "1", List.of(a), "2", List.of(b)))
        .isInstanceOf(CorruptClassException.class)
        .hasMessageContaining("app app 2").hasMessageContaining("jar app.jar")
        .hasMessageContaining("entry a/Foo.class").hasMessageContaining("rebuild the release");
  }

  @Test
  void diff_corruptJar_namesAppAndJar() throws Exception {
    Path a = JarGen.jar().add(base()).write(dir.resolve("1/app.jar"));
    Path b = dir.resolve("2/app.jar");
    Files.createDirectories(b.getParent());
    Files.write(b, new byte[] {'P', 'K', 3, 4, 0, 0, 1});
    assertThatThrownBy(() -> AppDiffer.diff("app", "1", List.of(a), "2", List.of(b)))
        .isInstanceOf(CorruptClassException.class)
        .hasMessageContaining("app app 2: jar app.jar is not a valid jar");
  }

  @Test
  void info_serviceClass_reportsInterfacesAndStaticMethods() throws Exception {
    Path a = JarGen.jar().add(ClassGen.of(C).implement("dev.molt.api.StatefulService")
        .method(ACC_PUBLIC | ACC_STATIC, "seed", "()I", 1)).write(dir.resolve("1/app.jar"));
    ClassFiles files = ClassFiles.read("app", "1", List.of(a));
    ClassInfo info = files.info(C).orElseThrow();
    assertThat(info.interfaces()).containsExactly("dev.molt.api.StatefulService");
    assertThat(info.staticNoArgMethods()).containsExactly("seed");
    assertThat(files.info("a.Missing")).isEmpty();
  }
}
