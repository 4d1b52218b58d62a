package dev.molt.kernel.spi;

import java.util.List;

/**
 * Lines a {@link NodeExtension} adds to the node's live {@code describe} output, after the
 * kernel's own (the upgrade engine reports the old class loaders it purged). Called on a control
 * connection thread each time {@code describe} runs, possibly on several at once: it must be
 * quick, thread-safe, and must not run app code. It returns the lines to print, never null; an
 * empty list adds nothing. A {@link RuntimeException} it throws is shown as one line naming the
 * section's class, and {@code describe} still answers.
 */
@FunctionalInterface
public interface DescribeSection {
  /** The lines, each printed as it is (indent with two spaces under a {@code title:} line). */
  List<String> lines();
}
