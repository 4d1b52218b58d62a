package dev.molt.appup.report;

import java.util.Objects;

/**
 * How a {@link PlanReport} shows the apps a path leaves as they are: a release of a framework
 * application holds dozens of libraries, and one line each would bury the few that change.
 *
 * @param listed true to list each unchanged app by name and version, false to print their count
 * @param howToList what the count line tells the reader to run to see the list (e.g. {@code
 *     --verbose}); blank for no hint
 */
public record UnchangedApps(boolean listed, String howToList) {
  public UnchangedApps {
    Objects.requireNonNull(howToList, "howToList");
  }

  /** Every unchanged app on a line of its own. */
  public static UnchangedApps list() {
    return new UnchangedApps(true, "");
  }

  /** One line per path with the number of unchanged apps and, unless blank, how to list them. */
  public static UnchangedApps count(String howToList) {
    return new UnchangedApps(false, howToList);
  }
}
