package dev.molt.services;

import java.util.List;

/**
 * A call still in flight when a drain timed out: the thread that made it and where it was.
 *
 * @param threadName the thread's name
 * @param threadId the thread's id
 * @param stack the thread's stack when the drain gave up, innermost frame first
 */
public record StuckCall(String threadName, long threadId, List<StackTraceElement> stack) {
  public StuckCall {
    stack = List.copyOf(stack);
  }

  @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+; getId() is the same on 17.
  static StuckCall of(Thread thread) {
    return new StuckCall(thread.getName(), thread.getId(), List.of(thread.getStackTrace()));
  }

  /** The thread and its stack, one frame a line, as a thread dump shows them. */
  String describe() {
    StringBuilder text = new StringBuilder("thread '").append(threadName).append("' (id ")
        .append(threadId).append(')');
    for (StackTraceElement frame : stack) {
      text.append("\n\tat ").append(frame);
    }
    return text.toString();
  }
}
