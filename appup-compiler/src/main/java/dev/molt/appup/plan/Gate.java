package dev.molt.appup.plan;

/**
 * A CI gate: a plan fails the gate when it needs this kind of step or a more disruptive one
 * ({@code update} &lt; {@code restart} &lt; {@code restart_jvm}).
 */
public enum Gate {
  /** Fails on update, add_application, remove_application, restart_application or restart_jvm. */
  UPDATE("update"),
  /** Fails on restart_application or restart_jvm. */
  RESTART("restart"),
  /** Fails on restart_jvm only. */
  RESTART_JVM("restart_jvm");

  private final String cli;

  Gate(String cli) {
    this.cli = cli;
  }

  /** The name used on the command line. */
  public String cli() {
    return cli;
  }

  /** The gate named {@code text} on the command line. */
  public static Gate parse(String text) {
    for (Gate g : values()) {
      if (g.cli.equals(text)) {
        return g;
      }
    }
    throw new IllegalArgumentException("unknown gate '" + text + "'; use update, restart or restart_jvm");
  }
}
