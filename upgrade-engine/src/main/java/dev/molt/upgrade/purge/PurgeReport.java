package dev.molt.upgrade.purge;

import java.util.List;

/** The one line a {@code purge} step adds to the upgrade's report, after {@code purge <app>}. */
public final class PurgeReport {
  private PurgeReport() {}

  /** E.g. {@code : old class loader collected}, or the first loader not collected and its holder. */
  public static String stepLine(List<PurgedLoader> purged) {
    if (purged.isEmpty()) {
      return ": no old class loader to drop";
    }
    StringBuilder out = new StringBuilder();
    List<PurgedLoader> leaked = purged.stream().filter(p -> !p.collected()).toList();
    if (leaked.isEmpty()) {
      out.append(purged.size() == 1 ? ": old class loader collected"
          : ": " + purged.size() + " old class loaders collected");
    } else {
      PurgedLoader first = leaked.get(0);
      out.append(": old class loader ").append(first.label()).append(" NOT collected within ")
          .append(LoaderPurge.BOUND.toSeconds()).append(" s, likely held by ")
          .append(first.likelyHolder());
      if (leaked.size() > 1) {
        out.append(" (and ").append(leaked.size() - 1).append(" more not collected)");
      }
      out.append("; bin/<name> describe lists what holds it");
    }
    for (PurgedLoader p : purged) {
      if (!p.drivers().isEmpty()) {
        out.append("; JDBC drivers ").append(p.label()).append(" left registered, deregistered: ")
            .append(String.join(", ", p.drivers()));
      }
    }
    return out.toString();
  }
}
