package dev.molt.format;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One step of an appup or relup. Appup steps belong to the appup's application; relup steps carry
 * the application in {@link RelupStep}. Class names are binary names ({@code a.b.Outer$Inner}).
 *
 * <p>Every variant is an immutable record; lists are copied, never null.
 */
public sealed interface Instruction {

  /** The {@code op} of the JSON form, e.g. {@code "redefine"}. */
  String op();

  /** Swap the bodies of already loaded classes in place (java.lang.instrument redefineClasses). */
  record Redefine(List<String> classes) implements Instruction {
    public Redefine {
      classes = ClassNames.requireAll(classes, "redefine");
    }

    @Override
    public String op() {
      return "redefine";
    }
  }

  /** Define new classes into the app's existing loader, before the redefines that use them. */
  record Define(List<String> classes) implements Instruction {
    public Define {
      classes = ClassNames.requireAll(classes, "define");
    }

    @Override
    public String op() {
      return "define";
    }
  }

  /**
   * Replace a stateful service whose implementation changed structurally: construct the new
   * implementation in a new loader for its unit, suspend the service's handle, export, migrate and
   * import its state, swap, resume.
   *
   * @param service the implementation class (a {@code dev.molt.api.StatefulService})
   * @param unit the unit of replacement: the package that holds the implementation, its helpers
   *     and its migration, loaded by a loader of its own (see docs/services.md)
   * @param migration the class implementing {@code dev.molt.api.StateMigration} to run, if any;
   *     it belongs to the unit
   */
  record Update(String service, String unit, Optional<String> migration) implements Instruction {
    public Update {
      ClassNames.require(service, "update service");
      if (unit == null || unit.isEmpty()) {
        throw new IllegalArgumentException("update " + service + ": the unit is the unnamed "
            + "package; put the implementation in a package of its own");
      }
      ClassNames.require(unit, "update unit");
      Objects.requireNonNull(migration, "migration");
      migration.ifPresent(m -> ClassNames.require(m, "update migration"));
      requireInUnit(service, unit, "service");
      migration.ifPresent(m -> requireInUnit(m, unit, "migration"));
    }

    /** An update whose unit is the implementation's own package (the usual case). */
    public Update(String service, Optional<String> migration) {
      this(service, packageOf(service), migration);
    }

    /** The package of a binary class name; {@code ""} for the unnamed package. */
    public static String packageOf(String className) {
      int dot = className == null ? -1 : className.lastIndexOf('.');
      return dot < 0 ? "" : className.substring(0, dot);
    }

    private static void requireInUnit(String className, String unit, String what) {
      if (!packageOf(className).equals(unit)) {
        throw new IllegalArgumentException("update " + what + " " + className
            + " is not in its unit " + unit + ": the unit is the package loaded anew, and the "
            + what + " must be one of its classes");
      }
    }

    @Override
    public String op() {
      return "update";
    }
  }

  /** Stop the app, give it a new loader with its new version, start it. State is not kept. */
  record RestartApplication() implements Instruction {
    @Override
    public String op() {
      return "restart_application";
    }
  }

  /** Load and start an app the old release did not have. */
  record AddApplication() implements Instruction {
    @Override
    public String op() {
      return "add_application";
    }
  }

  /** Stop an app the new release does not have and drop its loader. */
  record RemoveApplication() implements Instruction {
    @Override
    public String op() {
      return "remove_application";
    }
  }

  /** Run {@code public static void method()} of a class of the app as a step. */
  record Apply(String className, String method) implements Instruction {
    private static final Pattern METHOD = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");

    public Apply {
      ClassNames.require(className, "apply class");
      if (method == null || !METHOD.matcher(method).matches()) {
        throw new IllegalArgumentException("apply method must be a Java method name, not '" + method + "'");
      }
    }

    @Override
    public String op() {
      return "apply";
    }
  }

  /** Drop the app's old class loader (or old service loaders) and prove it was collected. */
  record Purge() implements Instruction {
    @Override
    public String op() {
      return "purge";
    }
  }

  /** Restart the JVM gracefully into the new release (the kernel or the runtime changed). */
  record RestartJvm(String reason) implements Instruction {
    public RestartJvm {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String op() {
      return "restart_jvm";
    }
  }

  /**
   * Relups only: the steps before it are undone in-process on failure; after it, only restarting
   * the JVM into the permanent release goes back.
   */
  record PointOfNoReturn() implements Instruction {
    @Override
    public String op() {
      return "point_of_no_return";
    }
  }
}
