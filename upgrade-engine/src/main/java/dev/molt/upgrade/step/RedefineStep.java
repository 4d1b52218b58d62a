package dev.molt.upgrade.step;

import dev.molt.format.ShortNames;
import dev.molt.kernel.loader.AppClassLoader;
import java.lang.instrument.ClassDefinition;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code redefine}: swaps the bodies of classes in place with
 * {@link Instrumentation#redefineClasses}, all classes of the step in every loader that holds
 * them in one call, so no thread sees half of a step. A class the loader has not loaded yet is
 * loaded first (from the loader's jars, not initialized) and then redefined: otherwise a later
 * first use would read the old release's bytes from the jars the loader still reads. Undo
 * redefines the same classes with the bytes they had.
 */
public final class RedefineStep implements Step {
  private final String app;
  private final List<String> classes;
  private final ShortNames names;
  private final List<AppClassLoader> loaders;
  private final Map<String, byte[]> next;
  private final Map<String, byte[]> previous;
  private final Instrumentation instrumentation;
  private final BiFunction<AppClassLoader, String, ClassLoader> view;

  /**
   * @param loaders the loaders holding the app's classes (one for an application, every
   *     application holding it for a library)
   * @param next the new bytes by class name
   * @param previous the bytes running now, by class name
   */
  public RedefineStep(String app, List<String> classes, List<AppClassLoader> loaders,
      Map<String, byte[]> next, Map<String, byte[]> previous, Instrumentation instrumentation) {
    this(app, classes, loaders, next, previous, instrumentation, (loader, name) -> loader,
        ShortNames.among(classes));
  }

  /**
   * @param view which loader holds a class of an application loader's app now (the app's class
   *     view: a class of a service's unit is its live unit loader's), asked when the step runs
   * @param names how the plan names its classes (shortest unambiguous among all of the plan's)
   */
  public RedefineStep(String app, List<String> classes, List<AppClassLoader> loaders,
      Map<String, byte[]> next, Map<String, byte[]> previous, Instrumentation instrumentation,
      BiFunction<AppClassLoader, String, ClassLoader> view, ShortNames names) {
    this.view = view;
    this.app = app;
    this.classes = List.copyOf(classes);
    this.names = names;
    this.loaders = List.copyOf(loaders);
    this.next = Map.copyOf(next);
    this.previous = Map.copyOf(previous);
    this.instrumentation = instrumentation;
  }

  @Override
  public String describe() {
    return "redefine " + app + ": " + names.join(classes);
  }

  @Override
  public void run() throws StepException {
    redefine(next, "");
  }

  @Override
  public void undo() throws StepException {
    redefine(previous, "undo ");
  }

  private void redefine(Map<String, byte[]> bytes, String what) throws StepException {
    List<ClassDefinition> definitions = new ArrayList<>();
    for (AppClassLoader loader : loaders) {
      for (String name : classes) {
        definitions.add(new ClassDefinition(load(loader, name), bytes.get(name)));
      }
    }
    try {
      instrumentation.redefineClasses(definitions.toArray(new ClassDefinition[0]));
    } catch (ClassNotFoundException | UnmodifiableClassException | RuntimeException | LinkageError e) {
      // redefineClasses is all or nothing: on failure no class of the call changed
      throw new StepException(what + describe() + " failed: " + e
          + "; the change is not body-only, so the appup needs update or restart_application"
          + " instead of redefine", e);
    }
  }

  private Class<?> load(AppClassLoader appLoader, String name) throws StepException {
    ClassLoader loader = view.apply(appLoader, name);
    try {
      Class<?> type = Class.forName(name, false, loader);
      if (type.getClassLoader() != loader) {
        throw new StepException("class " + name + " of " + app + " is defined by "
            + type.getClassLoader() + ", not by " + loader + "; redefine it in its own app");
      }
      return type;
    } catch (ClassNotFoundException | LinkageError e) {
      throw new StepException("cannot load class " + name + " of " + app + " in " + loader
          + " to redefine it: " + e, e);
    }
  }
}
