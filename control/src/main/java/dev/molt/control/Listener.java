package dev.molt.control;

import java.io.Closeable;
import java.io.IOException;

/** A bound server endpoint that hands out connections; {@code close} unblocks {@code accept}. */
interface Listener extends Closeable {
  Connection accept() throws IOException;

  String transport();

  @Override
  void close();
}
