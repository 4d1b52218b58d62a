package dev.molt.control;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The server side of an interactive stream. {@code in()} yields what the client types and ends
 * (returns -1) when the client closes its input or disconnects. {@code out()} and {@code err()}
 * autoflush and may be used from any thread; writes after the client left are dropped.
 */
public interface ConsoleStream {
  InputStream in();

  PrintStream out();

  PrintStream err();
}
