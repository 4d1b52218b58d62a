package dev.molt.format;

/**
 * A custom command of the release: {@code bin/<name> <command>} runs
 * {@code releases/<vsn>/commands/<script>}.
 */
public record CommandSpec(String name, String script, String description) {
  public CommandSpec {
    Names.requireName(name, "command name");
    if (script == null || script.isEmpty() || script.contains("/")) {
      throw new IllegalArgumentException("command " + name + ": script must be a file name");
    }
    if (description == null) {
      throw new NullPointerException("description");
    }
  }
}
