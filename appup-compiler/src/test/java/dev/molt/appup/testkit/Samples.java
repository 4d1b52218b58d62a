package dev.molt.appup.testkit;

import static org.objectweb.asm.Opcodes.ACC_PUBLIC;

/** The small classes most planner tests share. */
public final class Samples {
  private Samples() {}

  /** The app's entry class; {@code v} changes the body of start(). */
  public static ClassGen main(int v) {
    return ClassGen.of("a.Main").implement("dev.molt.api.Application").method(ACC_PUBLIC, "start", "()I", v);
  }

  /** A plain class; {@code v} changes the body of handle(). */
  public static ClassGen handler(int v) {
    return ClassGen.of("a.Handler").method(ACC_PUBLIC, "handle", "()I", v);
  }
}
