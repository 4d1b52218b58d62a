package dev.molt.upgrade.step;

import dev.molt.kernel.loader.AppClassLoader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;

/**
 * {@code apply}: runs {@code public static void method()} of a class of the app, with the app's
 * loader as the thread context class loader (a data migration, a cache warm-up). What it did is
 * not undone by this step: the other direction's plan carries its own {@code apply}.
 */
public final class ApplyStep implements Step {
  private final String app;
  private final String className;
  private final String method;
  private final AppClassLoader loader;

  public ApplyStep(String app, String className, String method, AppClassLoader loader) {
    this.app = app;
    this.className = className;
    this.method = method;
    this.loader = loader;
  }

  @Override
  public String describe() {
    return "apply " + app + ": " + className + "." + method + "()";
  }

  @Override
  public void run() throws StepException {
    Thread thread = Thread.currentThread();
    ClassLoader saved = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      Method m = Class.forName(className, true, loader).getDeclaredMethod(method);
      if (!Modifier.isStatic(m.getModifiers())) {
        throw new StepException(describe() + ": the method is not static; make it static");
      }
      m.setAccessible(true);
      m.invoke(null);
    } catch (InvocationTargetException e) {
      throw new StepException(describe() + " threw " + e.getCause(), e.getCause());
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      throw new StepException(describe() + " failed: " + e, e);
    } finally {
      thread.setContextClassLoader(saved);
    }
  }

  @Override
  public void undo() {
    // forward only: see the class comment
  }
}
