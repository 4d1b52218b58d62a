package dev.molt.services.update;

import dev.molt.services.ServiceHandle;
import dev.molt.services.app.AppServices;
import dev.molt.services.app.Units;
import dev.molt.services.unit.ClassView;
import dev.molt.services.unit.UnitLoader;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An {@code update} of one service of one application, unit and all: loads the unit (the
 * implementation's package) anew in a {@link UnitLoader} over the new version's jars, constructs
 * the new implementation there (outside the pause), runs the {@link ServiceUpdate}, and makes the
 * new unit loader the live one in the app's {@link ClassView}. Undo puts the old unit back;
 * {@link #retire} disposes the old implementation and hands back its loader, to be dropped.
 *
 * <p>The migration is the newer version's: at an upgrade from the new unit, at a downgrade from
 * the unit running now.
 */
public final class UnitUpdate {
  /** What an update needs to know. */
  public record Request(String service, String unit, Optional<String> migration,
      List<URL> newJars, String fromVersion, String toVersion, boolean upgrade, Duration drain,
      Duration budget) {}

  private final AppServices services;
  private final Request request;
  private UnitLoader previous;
  private UnitLoader next;
  private ServiceUpdate<?> update;

  public UnitUpdate(AppServices services, Request request) {
    this.services = services;
    this.request = request;
  }

  /** Describes the update, e.g. {@code BookService 0.2.0 -> 0.3.0 (unit a.b, BookServiceMigration)}. */
  public String label() {
    return simple(request.service()) + " " + request.fromVersion() + " -> "
        + request.toVersion() + " (unit " + request.unit()
        + request.migration().map(m -> ", " + simple(m)).orElse("") + ")";
  }

  /**
   * Why this update cannot run against the app as it runs now, or empty: the service is
   * published from its unit, and the unit is live.
   */
  public Optional<String> problem() {
    Optional<Units.Published> published = services.publishedAs(request.service());
    if (published.isEmpty()) {
      return Optional.of("no service with implementation " + request.service() + " is published"
          + " (published: " + services.published().stream().map(h -> h.target().getClass()
          .getName()).toList() + "); regenerate the relup");
    }
    if (published.get().unit().isEmpty()) {
      return Optional.of(request.service() + " is not in a unit of its own, so it cannot be"
          + " loaded anew: " + published.get().noUnitReason()
          + "; the appup needs restart_application");
    }
    if (!published.get().unit().get().equals(request.unit())) {
      return Optional.of(request.service() + " runs in unit " + published.get().unit().get()
          + ", the relup names unit " + request.unit() + "; regenerate the relup");
    }
    return Optional.empty();
  }

  /**
   * Runs the update; on return the new implementation serves.
   *
   * @throws UpdateException when it failed before the swap: the old implementation serves, with
   *     its state, and the new unit loader was closed
   */
  public void run() throws UpdateException {
    Optional<String> problem = problem();
    if (problem.isPresent()) { // the app changed since the check
      throw new UpdateException("update " + label() + " cannot run: " + problem.get(), null);
    }
    Units.Published published = services.publishedAs(request.service()).orElseThrow();
    ClassView view = services.classes().orElseThrow();
    previous = view.unit(request.unit()).orElseThrow();
    next = new UnitLoader(request.unit(), request.toVersion(), request.newJars(),
        view.appLoader());
    try {
      update = prepare(published, view);
    } catch (RuntimeException | LinkageError | ReflectiveOperationException e) {
      close(next);
      throw new UpdateException("update " + label() + " abandoned before the pause, the old"
          + " version serves as before: " + e, e);
    }
    try {
      update.run();
    } catch (UpdateException e) {
      close(next);
      throw e;
    }
    view.swap(next);
  }

  private ServiceUpdate<?> prepare(Units.Published published, ClassView view)
      throws ReflectiveOperationException {
    Class<?> contract = published.contract();
    Class<?> implementation = Class.forName(request.service(), false, next);
    Migrator migrator = Migrator.none();
    if (request.migration().isPresent()) {
      // the newer version's migration: the new unit's going up, the running unit's going down
      String older = request.upgrade() ? request.fromVersion() : request.toVersion();
      migrator = Migrations.load(request.migration().get(), request.upgrade() ? next : previous,
          older, request.upgrade());
    }
    return create(published.handle(), contract, implementation, migrator);
  }

  private <T> ServiceUpdate<T> create(ServiceHandle<?> handle, Class<T> contract,
      Class<?> implementation, Migrator migrator) {
    @SuppressWarnings("unchecked") // published under contract
    ServiceHandle<T> typed = (ServiceHandle<T>) handle;
    T constructed = services.construct(contract, implementation, request.toVersion());
    return new ServiceUpdate<>(typed, constructed, migrator, label(), request.drain(),
        request.budget());
  }

  /** How long each phase inside the pause of the last run or undo took, in order. */
  public java.util.Map<String, Duration> lastPhases() {
    return update == null ? java.util.Map.of() : update.lastPhases();
  }

  /** How long callers were held at the gate by the last run or undo. */
  public Duration lastPause() {
    return update == null ? Duration.ZERO : update.lastPause();
  }

  /**
   * Moves back to the old implementation and its unit.
   *
   * @return what was lost (the backward migration threw), or empty
   */
  public String undo() throws UpdateException {
    String lost = update.undo();
    services.classes().orElseThrow().restore(previous);
    close(next);
    next = null;
    return lost;
  }

  /**
   * After the upgrade committed: disposes the old implementation and returns the old unit's
   * loader, which nothing of the app should reach any more.
   *
   * @return the retired loader; what {@code dispose} threw goes to {@code problems}
   */
  public UnitLoader retire(List<String> problems) {
    String failure = update.retire();
    if (!failure.isEmpty()) {
      problems.add(failure);
    }
    UnitLoader retired = previous;
    previous = null;
    return retired;
  }

  private static void close(UnitLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      // its jars stay open until it is collected
    }
  }

  private static String simple(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }
}
