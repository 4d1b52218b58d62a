package dev.molt.release;

import java.util.TreeSet;

/** Reads {@code rel/molt.json} and picks the requested environment. */
final class ReadRelConfigStep implements Step {
  @Override
  public String describe(BuildContext c) {
    return "Reading " + c.request.relDir().resolve("molt.json");
  }

  @Override
  public void run(BuildContext c) throws ReleaseBuildException {
    c.config = RelConfigReader.read(c.request.relDir().resolve("molt.json"));
    c.env = c.config.environments().get(c.request.environment());
    if (c.env == null) {
      throw new InvalidRelConfigException("environment '" + c.request.environment()
          + "' is not defined in " + c.request.relDir().resolve("molt.json") + "; known environments: "
          + new TreeSet<>(c.config.environments().keySet()));
    }
  }
}
