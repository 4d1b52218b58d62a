package dev.molt.upgrade.extension;

import dev.molt.control.Request;
import dev.molt.control.Response;
import dev.molt.upgrade.ExitCodes;
import dev.molt.upgrade.UpgradeEngine;
import dev.molt.upgrade.UpgradeException;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** The control commands {@code unpack <file> [--max-bytes N] [--verbose]} and {@code remove <vsn>}. */
final class InstallCommands {
  private InstallCommands() {}

  static Response unpack(UpgradeEngine engine, Request request) {
    String usage = "usage: unpack <package or release tarball> [--max-bytes BYTES] [--verbose]";
    List<String> args = request.args();
    Path file;
    OptionalLong maxBytes = OptionalLong.empty();
    boolean verbose = false;
    try {
      if (args.isEmpty()) {
        throw new IllegalArgumentException(usage);
      }
      for (int i = 1; i < args.size(); i++) {
        if (args.get(i).equals("--verbose") && !verbose) {
          verbose = true;
        } else if (args.get(i).equals("--max-bytes") && maxBytes.isEmpty() && i + 1 < args.size()) {
          maxBytes = OptionalLong.of(positive(args.get(++i), usage));
        } else {
          throw new IllegalArgumentException(usage);
        }
      }
      file = Path.of(args.get(0));
    } catch (IllegalArgumentException e) {
      return Response.failed(ExitCodes.USAGE, "molt: " + e.getMessage() + "\n");
    }
    try {
      return Response.ok(String.join("\n", engine.unpack(file, maxBytes).lines(verbose)) + "\n");
    } catch (UpgradeException e) {
      return EngineCommands.failure(e);
    }
  }

  static Response remove(UpgradeEngine engine, Request request) {
    if (request.args().size() != 1) {
      return Response.failed(ExitCodes.USAGE, "molt: usage: remove <vsn>\n");
    }
    try {
      return Response.ok(String.join("\n", engine.remove(request.args().get(0))) + "\n");
    } catch (UpgradeException e) {
      return EngineCommands.failure(e);
    }
  }

  private static long positive(String text, String usage) {
    try {
      long n = Long.parseLong(text);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("--max-bytes needs a positive number of bytes, not '"
        + text + "'; " + usage);
  }
}
