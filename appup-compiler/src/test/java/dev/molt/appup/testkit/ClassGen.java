package dev.molt.appup.testkit;

import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Builds one class file with ASM for tests: a name, hierarchy, fields, and methods that return an
 * int constant (so a "body change" is a different constant). Mutable builder; not thread-safe.
 */
public final class ClassGen {
  private record Field(int access, String name, String desc, Object value, String annotation) {}

  private record Method(int access, String name, String desc, int returns, String annotation,
      int line) {}

  private final String name;
  private int access = Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER;
  private String superName = "java/lang/Object";
  private final List<String> interfaces = new ArrayList<>();
  private final List<Field> fields = new ArrayList<>();
  private final List<Method> methods = new ArrayList<>();
  private Integer clinitValue;
  private String classAnnotation;
  private String sourceFile;
  private final List<String> extraConstants = new ArrayList<>();

  private ClassGen(String binaryName) {
    this.name = binaryName.replace('.', '/');
  }

  /** A public class extending Object with a public no-arg constructor. */
  public static ClassGen of(String binaryName) {
    return new ClassGen(binaryName);
  }

  public String binaryName() {
    return name.replace('/', '.');
  }

  public ClassGen access(int access) {
    this.access = access;
    return this;
  }

  public ClassGen extend(String binaryName) {
    this.superName = binaryName.replace('.', '/');
    return this;
  }

  public ClassGen implement(String binaryName) {
    interfaces.add(binaryName.replace('.', '/'));
    return this;
  }

  public ClassGen field(int access, String name, String desc) {
    fields.add(new Field(access, name, desc, null, null));
    return this;
  }

  public ClassGen constant(String name, int value) {
    fields.add(new Field(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_FINAL, name, "I", value, null));
    return this;
  }

  public ClassGen annotatedField(int access, String name, String desc, String annotationDesc) {
    fields.add(new Field(access, name, desc, null, annotationDesc));
    return this;
  }

  /** A method {@code ()I} (or any descriptor returning int) that returns {@code returns}. */
  public ClassGen method(int access, String name, String desc, int returns) {
    methods.add(new Method(access, name, desc, returns, null, 0));
    return this;
  }

  /** Like {@link #method}, with a line number table entry at {@code line}. */
  public ClassGen methodAtLine(int access, String name, String desc, int returns, int line) {
    methods.add(new Method(access, name, desc, returns, null, line));
    return this;
  }

  /** Like {@link #method}, with a runtime-visible (or, with a leading '!', invisible) annotation. */
  public ClassGen annotatedMethod(int access, String name, String desc, int returns, String annotation) {
    methods.add(new Method(access, name, desc, returns, annotation, 0));
    return this;
  }

  public ClassGen staticInit(int value) {
    this.clinitValue = value;
    return this;
  }

  public ClassGen annotated(String annotationDesc) {
    this.classAnnotation = annotationDesc;
    return this;
  }

  public ClassGen source(String file) {
    this.sourceFile = file;
    return this;
  }

  /** Adds an unused constant-pool entry (first), which shifts the pool without changing behaviour. */
  public ClassGen poolNoise(String text) {
    extraConstants.add(text);
    return this;
  }

  public byte[] bytes() {
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
    cw.visit(Opcodes.V17, access, name, null, superName, interfaces.toArray(String[]::new));
    extraConstants.forEach(cw::newUTF8);
    if (sourceFile != null) {
      cw.visitSource(sourceFile, null);
    }
    if (classAnnotation != null) {
      cw.visitAnnotation(classAnnotation, true).visitEnd();
    }
    for (Field f : fields) {
      var fv = cw.visitField(f.access(), f.name(), f.desc(), null, f.value());
      if (f.annotation() != null) {
        fv.visitAnnotation(f.annotation(), true).visitEnd();
      }
      fv.visitEnd();
    }
    if ((access & Opcodes.ACC_INTERFACE) == 0) {
      constructor(cw);
    }
    methods.forEach(m -> method(cw, m));
    if (clinitValue != null) {
      MethodVisitor mv = cw.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
      mv.visitCode();
      mv.visitLdcInsn(clinitValue);
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/Integer", "valueOf", "(I)Ljava/lang/Integer;", false);
      mv.visitInsn(Opcodes.POP);
      mv.visitInsn(Opcodes.RETURN);
      mv.visitMaxs(0, 0);
      mv.visitEnd();
    }
    cw.visitEnd();
    return cw.toByteArray();
  }

  private void constructor(ClassWriter cw) {
    MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
    mv.visitCode();
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitMethodInsn(Opcodes.INVOKESPECIAL, superName, "<init>", "()V", false);
    mv.visitInsn(Opcodes.RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private static void method(ClassWriter cw, Method m) {
    MethodVisitor mv = cw.visitMethod(m.access(), m.name(), m.desc(), null, null);
    if (m.annotation() != null) {
      boolean visible = !m.annotation().startsWith("!");
      mv.visitAnnotation(visible ? m.annotation() : m.annotation().substring(1), visible).visitEnd();
    }
    if ((m.access() & Opcodes.ACC_ABSTRACT) != 0) {
      mv.visitEnd();
      return;
    }
    mv.visitCode();
    if (m.line() > 0) {
      Label start = new Label();
      mv.visitLabel(start);
      mv.visitLineNumber(m.line(), start);
    }
    mv.visitLdcInsn(m.returns());
    mv.visitInsn(Opcodes.IRETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }
}
