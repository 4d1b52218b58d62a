package dev.molt.appup;

import dev.molt.appup.error.AppupException;
import dev.molt.appup.error.InvalidReleaseException;
import dev.molt.appup.error.InvalidRequestException;
import dev.molt.appup.input.LoadedRelease;
import dev.molt.appup.input.ReleaseLoader;
import dev.molt.appup.input.Versions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The releases of one request, opened and checked to belong together; closing deletes extractions. */
final class Releases implements AutoCloseable {
  private final List<LoadedRelease> from;
  private final LoadedRelease to;

  private Releases(List<LoadedRelease> from, LoadedRelease to) {
    this.from = from;
    this.to = to;
  }

  static Releases open(PlanRequest request) throws AppupException {
    if (request.from().isEmpty()) {
      throw new InvalidRequestException("no earlier release given; pass at least one with --from <dir|tarball>");
    }
    List<LoadedRelease> opened = new ArrayList<>();
    try {
      LoadedRelease to = ReleaseLoader.load(request.to());
      opened.add(to);
      List<LoadedRelease> from = new ArrayList<>();
      for (Path p : request.from()) {
        LoadedRelease f = ReleaseLoader.load(p);
        opened.add(f);
        from.add(f);
      }
      check(from, to);
      return new Releases(from, to);
    } catch (AppupException | RuntimeException e) {
      closeAll(opened, e);
      throw e;
    }
  }

  private static void check(List<LoadedRelease> from, LoadedRelease to) throws InvalidReleaseException {
    Set<String> versions = new HashSet<>();
    for (LoadedRelease f : from) {
      if (!f.name().equals(to.name())) {
        throw new InvalidReleaseException("cannot plan an upgrade between different releases: "
            + f.source() + " is release " + f.name() + " " + f.version() + ", " + to.source()
            + " is release " + to.name() + " " + to.version() + "; pass two versions of one release");
      }
      if (Versions.ORDER.compare(f.version(), to.version()) >= 0) {
        throw new InvalidReleaseException("the release to upgrade to (" + to.version() + ", "
            + to.source() + ") is not newer than the release to upgrade from (" + f.version() + ", "
            + f.source() + "); swap --from and --to, or bump the new release's version");
      }
      if (!versions.add(f.version())) {
        throw new InvalidReleaseException("release " + f.version() + " is given twice as --from");
      }
    }
  }

  List<LoadedRelease> from() {
    return from;
  }

  LoadedRelease to() {
    return to;
  }

  @Override
  public void close() throws InvalidReleaseException {
    List<LoadedRelease> all = new ArrayList<>(from);
    all.add(to);
    InvalidReleaseException failure = new InvalidReleaseException("cannot delete temporary extractions");
    closeAll(all, failure);
    if (failure.getSuppressed().length > 0) {
      throw failure;
    }
  }

  private static void closeAll(List<LoadedRelease> releases, Exception primary) {
    for (LoadedRelease r : releases) {
      try {
        r.close();
      } catch (IOException e) {
        primary.addSuppressed(e);
      }
    }
  }
}
