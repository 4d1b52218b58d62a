package dev.molt.appup.plan;

import dev.molt.appup.diff.AppDiff;
import dev.molt.appup.diff.ChangeKind;
import dev.molt.appup.diff.ClassChange;
import dev.molt.appup.diff.ClassFiles;
import dev.molt.appup.diff.UnitClasses;
import dev.molt.appup.diff.UnitScan;
import dev.molt.appup.error.CorruptClassException;
import dev.molt.format.AppSpec;
import dev.molt.format.Instruction;
import dev.molt.format.ShortNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Decides, for each <em>unit</em> of a changed app (a package holding a stateful service whose
 * classes need a new loader: a structural change, a class added or removed, a changed static
 * initializer), whether an {@code update} of that unit is safe (docs/services.md, "What forces a
 * restart instead of an update"): the implementation is published through a contract that does
 * not change, nothing outside the unit names a unit class but the class literal given to
 * {@code publish}, unit code needs nothing non-public from other packages, and both versions of
 * the implementation can be constructed by the kernel. Otherwise the app restarts, and the
 * reasons say which rule failed.
 */
final class ServiceUnits {
  /**
   * The plan of one unit: an update with its notes, or the reasons to restart the app.
   *
   * @param changes every change of the unit's classes: an update covers all of them
   */
  record Outcome(String unit, List<ClassChange> changes, Optional<Instruction.Update> update,
      List<String> restartReasons, List<Note> notes) {}

  private final AppSpec from;
  private final AppSpec to;
  private final AppDiff diff;
  private final ClassFiles older;
  private final ClassFiles newer;
  private final ShortNames names;

  private ServiceUnits(AppSpec from, AppSpec to, AppDiff diff, ShortNames names) {
    this.from = from;
    this.to = to;
    this.diff = diff;
    this.older = diff.from().orElseThrow();
    this.newer = diff.to().orElseThrow();
    this.names = names;
  }

  /** The outcome of each unit of the app that needs a new loader, by package. */
  static List<Outcome> plan(AppSpec from, AppSpec to, AppDiff diff, Dependents dependents,
      ShortNames names) throws CorruptClassException {
    return new ServiceUnits(from, to, diff, names).plan(dependents);
  }

  private List<Outcome> plan(Dependents dependents) throws CorruptClassException {
    Map<String, List<ClassChange>> units = units();
    if (units.isEmpty()) {
      return List.of();
    }
    Scans scans = new Scans(scan(older, dependents.of(from.name(), false), units.keySet()),
        scan(newer, dependents.of(to.name(), true), units.keySet()));
    List<Outcome> out = new ArrayList<>();
    for (Map.Entry<String, List<ClassChange>> u : units.entrySet()) {
      out.add(unit(u.getKey(), u.getValue(), scans));
    }
    return out;
  }

  /** The packages with a stateful service in either version whose classes need a new loader. */
  private Map<String, List<ClassChange>> units() throws CorruptClassException {
    Map<String, List<ClassChange>> byPackage = new TreeMap<>();
    Set<String> needLoader = new TreeSet<>();
    for (ClassChange c : diff.changes()) {
      String pkg = UnitScan.packageOf(c.className());
      byPackage.computeIfAbsent(pkg, p -> new ArrayList<>()).add(c);
      if (c.kind() != ChangeKind.BODY_ONLY || c.staticInitializerChanged()) {
        needLoader.add(pkg);
      }
    }
    Map<String, List<ClassChange>> units = new LinkedHashMap<>();
    for (String pkg : needLoader) {
      if (!pkg.isEmpty() && (!services(older, pkg).isEmpty() || !services(newer, pkg).isEmpty())) {
        units.put(pkg, byPackage.get(pkg));
      }
    }
    return units;
  }

  private static List<String> services(ClassFiles files, String unit) throws CorruptClassException {
    List<String> out = new ArrayList<>();
    for (String c : UnitClasses.inUnit(files, unit)) {
      if (Services.isStatefulService(files, c)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Publish calls and references into the units, of the app and its dependents. */
  private record Scans(UnitScan.Result older, UnitScan.Result newer) {}

  private static UnitScan.Result scan(ClassFiles app, List<ClassFiles> dependents, Set<String> units)
      throws CorruptClassException {
    List<UnitScan.PublishSite> sites = new ArrayList<>();
    List<UnitScan.Reference> references = new ArrayList<>();
    List<ClassFiles> all = new ArrayList<>(List.of(app));
    all.addAll(dependents);
    for (ClassFiles files : all) {
      UnitScan.Result r = UnitScan.scan(files, units);
      sites.addAll(r.sites());
      references.addAll(r.references());
    }
    return new UnitScan.Result(sites, references);
  }

  private Outcome unit(String unit, List<ClassChange> changes, Scans scans)
      throws CorruptClassException {
    List<String> reasons = new ArrayList<>();
    List<String> before = services(older, unit);
    List<String> after = services(newer, unit);
    Optional<String> service = sameService(unit, before, after, reasons);
    entryPoint(unit, reasons);
    if (service.isEmpty()) {
      return restart(unit, changes, reasons);
    }
    String s = service.get();
    Optional<String> contract = contract(unit, s, scans, reasons);
    if (contract.isPresent()) {
      checkContract(unit, contract.get(), reasons);
    }
    references(unit, s, scans, contract, reasons);
    List<String> reached = UnitClasses.nonPublicAccesses(newer, unit);
    if (!reached.isEmpty()) {
      reasons.add("unit " + unit + " uses what is not public in other packages, which its own "
          + "loader cannot reach: " + listed(reached));
    }
    UnitClasses.constructorProblem(newer, s).ifPresent(p -> reasons.add("the new " + names.of(s)
        + " " + p + ", so the kernel cannot construct it"));
    UnitClasses.constructorProblem(older, s).ifPresent(p -> reasons.add("the old " + names.of(s)
        + " " + p + ", so a downgrade cannot construct it"));
    if (!reasons.isEmpty()) {
      return restart(unit, changes, reasons);
    }
    return update(unit, s, contract.orElseThrow(), changes);
  }

  private Optional<String> sameService(String unit, List<String> before, List<String> after,
      List<String> reasons) {
    if (before.size() > 1 || after.size() > 1) {
      Set<String> all = new TreeSet<>(before);
      all.addAll(after);
      reasons.add("unit " + unit + " holds several stateful services (" + listed(all.stream()
          .map(names::of).toList()) + "): give each a package of its own to update it alone");
    } else if (before.isEmpty()) {
      reasons.add("structural change in " + names.of(after.get(0)) + ": it is a StatefulService "
          + "only in the new version, published when the app starts");
    } else if (after.isEmpty()) {
      reasons.add("stateful service " + names.of(before.get(0)) + " is not in unit " + unit
          + " of the new version (removed, renamed or moved)");
    } else if (!before.get(0).equals(after.get(0))) {
      reasons.add("stateful service " + names.of(before.get(0)) + " is renamed to "
          + names.of(after.get(0)) + "; a handle follows one implementation class");
    } else {
      return Optional.of(after.get(0));
    }
    return Optional.empty();
  }

  private void entryPoint(String unit, List<String> reasons) {
    for (AppSpec spec : List.of(from, to)) {
      spec.entry().map(e -> e.className()).filter(e -> UnitScan.packageOf(e).equals(unit))
          .ifPresent(e -> reasons.add("unit " + unit + " holds the entry point " + e + " of "
              + spec.version() + ", which the app's loader keeps: put the service in a package "
              + "of its own"));
    }
  }

  /** The contract both versions publish {@code s} under. */
  private Optional<String> contract(String unit, String s, Scans scans, List<String> reasons) {
    Optional<String> before = publishedAs(s, scans.older(), from.version(), reasons);
    Optional<String> after = publishedAs(s, scans.newer(), to.version(), reasons);
    if (before.isEmpty() || after.isEmpty()) {
      return Optional.empty();
    }
    if (!before.equals(after)) {
      reasons.add(names.of(s) + " is published as " + before.get() + " in " + from.version()
          + " but as " + after.get() + " in " + to.version() + ": the contract changed");
      return Optional.empty();
    }
    if (UnitScan.packageOf(after.get()).equals(unit)) {
      reasons.add("contract " + after.get() + " is in unit " + unit + ", which is loaded anew; "
          + "move the contract out of the implementation's package");
      return Optional.empty();
    }
    return after;
  }

  private Optional<String> publishedAs(String s, UnitScan.Result scan, String version,
      List<String> reasons) {
    List<UnitScan.PublishSite> sites = scan.sites().stream()
        .filter(p -> p.implementation().equals(s)).toList();
    if (sites.isEmpty()) {
      reasons.add(names.of(s) + " is not published in " + version + " by a call Services.publish("
          + "Contract.class, " + names.of(s) + ".class) of the app or its dependents, so its "
          + "callers do not hold a handle");
      return Optional.empty();
    }
    Set<Optional<String>> contracts = new TreeSet<>((a, b) -> a.orElse("").compareTo(b.orElse("")));
    sites.forEach(p -> contracts.add(p.contract()));
    if (contracts.size() != 1 || contracts.iterator().next().isEmpty()) {
      reasons.add("the contract " + names.of(s) + " is published under in " + version
          + " is not one class literal (" + sites.size() + " publish call(s))");
      return Optional.empty();
    }
    return contracts.iterator().next();
  }

  /** The contract and the application types crossing it must not change structurally. */
  private void checkContract(String unit, String contract, List<String> reasons)
      throws CorruptClassException {
    structural(contract).ifPresent(r -> reasons.add("contract " + names.of(contract)
        + " changed structurally (" + r + "); its callers were linked against the old one"));
    for (String t : UnitClasses.crossing(newer, contract).types()) {
      if (UnitScan.packageOf(t).equals(unit)) {
        reasons.add("type " + names.of(t) + " crosses contract " + names.of(contract)
            + " but is in unit " + unit + ", which is loaded anew");
      } else {
        structural(t).ifPresent(r -> reasons.add("type " + names.of(t) + " crossing contract "
            + names.of(contract) + " changed structurally (" + r + ")"));
      }
    }
  }

  private Optional<String> structural(String className) {
    return diff.changes().stream().filter(c -> c.className().equals(className))
        .filter(c -> c.kind() == ChangeKind.STRUCTURAL || c.kind() == ChangeKind.REMOVED)
        .findFirst().map(c -> c.kind() == ChangeKind.REMOVED ? "removed" : c.reasons().get(0));
  }

  private void references(String unit, String s, Scans scans, Optional<String> contract,
      List<String> reasons) {
    Set<String> refs = new TreeSet<>();
    for (UnitScan.Result r : List.of(scans.older(), scans.newer())) {
      r.references().stream().filter(x -> UnitScan.packageOf(x.to()).equals(unit))
          .forEach(x -> refs.add(names.of(x.from()) + " -> " + names.of(x.to())));
    }
    if (!refs.isEmpty()) {
      reasons.add("classes outside unit " + unit + " name its classes other than as the class "
          + "literal given to Services.publish, so they would link to the old ones: "
          + listed(List.copyOf(refs)) + "; callers must hold the contract"
          + contract.map(k -> " " + names.of(k)).orElse(""));
    }
  }

  private Outcome update(String unit, String s, String contract, List<ClassChange> changes)
      throws CorruptClassException {
    Optional<String> migration = Services.migrationOf(newer, s);
    Instruction.Update update = new Instruction.Update(s, unit, migration);
    List<Note> notes = UnitNotes.of(unit, s, contract, migration, changes, newer, names);
    return new Outcome(unit, changes, Optional.of(update), List.of(), notes);
  }

  private Outcome restart(String unit, List<ClassChange> changes, List<String> reasons) {
    List<String> prefixed = reasons.stream().map(r -> "cannot update unit " + unit + ": " + r)
        .toList();
    return new Outcome(unit, changes, Optional.empty(), prefixed, List.of());
  }

  private static String listed(java.util.Collection<String> items) {
    return UnitNotes.listed(List.copyOf(items));
  }
}
