package dev.molt.appup.plan;

import dev.molt.appup.diff.ClassFiles;
import dev.molt.appup.error.CorruptClassException;
import java.util.List;

/**
 * The classes of the applications that depend on an app (directly or not), in the older and the
 * newer release: the unit rules check that they do not name a unit class either. Read only when
 * an app has a unit to update.
 */
interface Dependents {
  /** No dependents (an app nobody depends on, or a test). */
  Dependents NONE = (app, newer) -> List.of();

  /** The dependents of {@code app} in the newer release ({@code newer}) or the older one. */
  List<ClassFiles> of(String app, boolean newer) throws CorruptClassException;
}
