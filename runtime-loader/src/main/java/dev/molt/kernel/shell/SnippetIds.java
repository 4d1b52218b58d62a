package dev.molt.kernel.shell;

import jdk.jshell.Snippet;

/**
 * Numbers snippets as the jshell tool does: the default imports get {@code s1}, {@code s2}, ...
 * and the user's snippets count from 1, so that {@code /list} starts at 1.
 */
final class SnippetIds {
  private boolean startup = true;
  private int startupCount;

  synchronized String next(Snippet snippet, Integer sequence) {
    if (startup) {
      startupCount = sequence;
      return "s" + sequence;
    }
    return String.valueOf(sequence - startupCount);
  }

  synchronized void startupDone() {
    startup = false;
  }
}
