package dev.molt.release;

import java.nio.file.Path;
import java.util.List;

/** What {@link ReleaseBuilder#init} did: files written, and files left as they were. */
public record InitResult(List<Path> written, List<Path> kept) {
  public InitResult {
    written = List.copyOf(written);
    kept = List.copyOf(kept);
  }
}
