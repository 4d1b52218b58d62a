package dev.molt.services.handle;

import java.lang.reflect.Method;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Writes the bytes of a handle class: {@code final class <Contract>$$MoltHandle implements
 * Contract} with a gate ({@code Supplier<Runnable>}) and a volatile target, and for every method of
 * the contract: enter the gate, call the target, run the exit, in a try/finally so that every
 * exception passes through unchanged. It names only the contract and JDK types, because it is
 * defined by the contract's loader, which may not see this module.
 */
final class HandleClassWriter {
  static final String GATE_FIELD = "gate";
  static final String TARGET_FIELD = "target";
  private static final String SUPPLIER = "java/util/function/Supplier";
  private static final String RUNNABLE = "java/lang/Runnable";

  private HandleClassWriter() {}

  static byte[] write(Class<?> contract, String handleName, List<Method> methods) {
    // The frames merge only the handle's own types, so no class needs loading to compute them.
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
      @Override
      protected String getCommonSuperClass(String type1, String type2) {
        return "java/lang/Object";
      }
    };
    String self = handleName.replace('.', '/');
    String contractName = Type.getInternalName(contract);
    cw.visit(Opcodes.V17, Opcodes.ACC_FINAL | Opcodes.ACC_SUPER | Opcodes.ACC_SYNTHETIC, self, null,
        "java/lang/Object", new String[] {contractName});
    cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, GATE_FIELD, "L" + SUPPLIER + ";", null,
        null).visitEnd();
    cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_VOLATILE, TARGET_FIELD, "L" + contractName
        + ";", null, null).visitEnd();
    writeConstructor(cw, self, contractName);
    for (Method method : methods) {
      writeForwarder(cw, self, contractName, method);
    }
    cw.visitEnd();
    return cw.toByteArray();
  }

  /** {@code (Supplier gate, Object target)}: Object, so the kernel needs no contract-typed handle. */
  private static void writeConstructor(ClassWriter cw, String self, String contractName) {
    MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>",
        "(L" + SUPPLIER + ";Ljava/lang/Object;)V", null, null);
    mv.visitCode();
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitVarInsn(Opcodes.ALOAD, 1);
    mv.visitFieldInsn(Opcodes.PUTFIELD, self, GATE_FIELD, "L" + SUPPLIER + ";");
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitVarInsn(Opcodes.ALOAD, 2);
    mv.visitTypeInsn(Opcodes.CHECKCAST, contractName);
    mv.visitFieldInsn(Opcodes.PUTFIELD, self, TARGET_FIELD, "L" + contractName + ";");
    mv.visitInsn(Opcodes.RETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private static void writeForwarder(ClassWriter cw, String self, String contractName,
      Method method) {
    String descriptor = Type.getMethodDescriptor(method);
    MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL, method.getName(),
        descriptor, null, exceptionNames(method));
    Label start = new Label();
    Label end = new Label();
    Label handler = new Label();
    mv.visitCode();
    mv.visitTryCatchBlock(start, end, handler, null);
    int exit = parametersSize(method) + 1;
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitFieldInsn(Opcodes.GETFIELD, self, GATE_FIELD, "L" + SUPPLIER + ";");
    mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, SUPPLIER, "get", "()Ljava/lang/Object;", true);
    mv.visitTypeInsn(Opcodes.CHECKCAST, RUNNABLE);
    mv.visitVarInsn(Opcodes.ASTORE, exit);
    mv.visitLabel(start);
    mv.visitVarInsn(Opcodes.ALOAD, 0);
    mv.visitFieldInsn(Opcodes.GETFIELD, self, TARGET_FIELD, "L" + contractName + ";");
    loadParameters(mv, method);
    mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, contractName, method.getName(), descriptor, true);
    mv.visitLabel(end);
    runExit(mv, exit);
    mv.visitInsn(Type.getReturnType(method).getOpcode(Opcodes.IRETURN));
    mv.visitLabel(handler);
    runExit(mv, exit);
    mv.visitInsn(Opcodes.ATHROW);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  private static void runExit(MethodVisitor mv, int exit) {
    mv.visitVarInsn(Opcodes.ALOAD, exit);
    mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, RUNNABLE, "run", "()V", true);
  }

  private static void loadParameters(MethodVisitor mv, Method method) {
    int slot = 1;
    for (Class<?> parameter : method.getParameterTypes()) {
      Type type = Type.getType(parameter);
      mv.visitVarInsn(type.getOpcode(Opcodes.ILOAD), slot);
      slot += type.getSize();
    }
  }

  private static int parametersSize(Method method) {
    int size = 0;
    for (Class<?> parameter : method.getParameterTypes()) {
      size += Type.getType(parameter).getSize();
    }
    return size;
  }

  private static String[] exceptionNames(Method method) {
    Class<?>[] exceptions = method.getExceptionTypes();
    String[] names = new String[exceptions.length];
    for (int i = 0; i < exceptions.length; i++) {
      names[i] = Type.getInternalName(exceptions[i]);
    }
    return names;
  }
}
