package dev.molt.upgrade.step;

import dev.molt.kernel.loader.AppClassLoader;
import java.util.List;
import java.util.Map;

/**
 * {@code define}: adds the new release's new classes to the app's existing loader, before the
 * redefined classes that use them run. A class cannot be taken out of a loader again, so undo
 * leaves it there, unused by the old code; a retry of the same upgrade finds it and goes on.
 */
public final class DefineStep implements Step {
  private final String app;
  private final List<String> classes;
  private final List<AppClassLoader> loaders;
  private final Map<String, byte[]> bytes;

  public DefineStep(String app, List<String> classes, List<AppClassLoader> loaders,
      Map<String, byte[]> bytes) {
    this.app = app;
    this.classes = List.copyOf(classes);
    this.loaders = List.copyOf(loaders);
    this.bytes = Map.copyOf(bytes);
  }

  @Override
  public String describe() {
    return "define " + app + ": " + Names.simple(classes);
  }

  @Override
  public void run() throws StepException {
    for (AppClassLoader loader : loaders) {
      for (String name : classes) {
        if (loader.hasDefined(name)) {
          continue; // defined by an earlier attempt that was rolled back
        }
        try {
          loader.defineUpgradeClass(name, bytes.get(name));
        } catch (LinkageError e) {
          throw new StepException("define " + name + " in " + loader + " failed: " + e
              + "; list new classes after the new classes they extend", e);
        }
      }
    }
  }

  @Override
  public void undo() {
    // nothing to undo: see the class comment
  }
}
