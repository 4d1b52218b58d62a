package dev.molt.upgrade.step;

import dev.molt.format.ShortNames;
import dev.molt.kernel.loader.AppClassLoader;
import dev.molt.services.unit.UnitLoader;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@code define}: adds the new release's new classes to the app's existing loader, before the
 * redefined classes that use them run. A class cannot be taken out of a loader again, so undo
 * leaves it there, unused by the old code. A retry of the same upgrade finds it and redefines it
 * with this attempt's bytes, so a class fixed since the failed attempt runs as fixed (a fix that
 * changes more than method bodies needs a reboot of the node first: the step says so).
 */
public final class DefineStep implements Step {
  private final String app;
  private final List<String> classes;
  private final ShortNames names;
  private final List<AppClassLoader> loaders;
  private final Map<String, byte[]> bytes;
  private final Optional<Instrumentation> instrumentation;
  private final BiFunction<AppClassLoader, String, ClassLoader> view;

  /**
   * @param instrumentation to bring a class an earlier attempt defined up to these bytes
   * @param view which loader holds a class of an application loader's app now: a new class of a
   *     live service unit's package is defined by that unit's loader
   * @param names how the plan names its classes (shortest unambiguous among all of the plan's)
   */
  public DefineStep(String app, List<String> classes, List<AppClassLoader> loaders,
      Map<String, byte[]> bytes, Optional<Instrumentation> instrumentation,
      BiFunction<AppClassLoader, String, ClassLoader> view, ShortNames names) {
    this.view = view;
    this.app = app;
    this.classes = List.copyOf(classes);
    this.names = names;
    this.loaders = List.copyOf(loaders);
    this.bytes = Map.copyOf(bytes);
    this.instrumentation = instrumentation;
  }

  @Override
  public String describe() {
    return "define " + app + ": " + names.join(classes);
  }

  @Override
  public void run() throws StepException {
    for (AppClassLoader appLoader : loaders) {
      for (String name : classes) {
        ClassLoader loader = view.apply(appLoader, name);
        UnitLoader unit = loader instanceof UnitLoader u ? u : null;
        if (unit != null ? unit.hasDefined(name) : appLoader.hasDefined(name)) {
          redefineEarlier(loader, name); // defined by an earlier attempt that was rolled back
          continue;
        }
        try {
          if (unit != null) {
            unit.defineUpgradeClass(name, bytes.get(name));
          } else {
            appLoader.defineUpgradeClass(name, bytes.get(name));
          }
        } catch (LinkageError e) {
          throw new StepException("define " + name + " in " + loader + " failed: " + e
              + "; list new classes after the new classes they extend", e);
        }
      }
    }
  }

  private void redefineEarlier(ClassLoader loader, String name) throws StepException {
    if (instrumentation.isEmpty() || !instrumentation.get().isRedefineClassesSupported()) {
      return;
    }
    try {
      Class<?> earlier = Class.forName(name, false, loader);
      instrumentation.get().redefineClasses(new ClassDefinition(earlier, bytes.get(name)));
    } catch (ClassNotFoundException | UnmodifiableClassException | RuntimeException
        | LinkageError e) {
      throw new StepException("define " + name + " in " + loader + ": an earlier attempt of this"
          + " upgrade defined it, and its new bytes cannot replace those (" + e + "); reboot the"
          + " node (bin/<name> reboot) to drop it, then run the command again", e);
    }
  }

  @Override
  public void undo() {
    // nothing to undo: see the class comment
  }
}
