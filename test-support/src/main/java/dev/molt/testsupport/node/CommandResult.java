package dev.molt.testsupport.node;

/** What a finished command printed and returned. */
public record CommandResult(String command, int exitCode, String stdout, String stderr) {

  /** Both streams, for assertions on messages that may go to either. */
  public String output() {
    return stdout + stderr;
  }

  @Override
  public String toString() {
    return command + " -> exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
  }
}
