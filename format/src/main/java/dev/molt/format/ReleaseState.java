package dev.molt.format;

import java.util.Locale;

/** The state of an installed release in RELEASES.json, as in OTP's release_handler. */
public enum ReleaseState {
  /** Unpacked into the release root, not yet running. */
  UNPACKED,
  /** Running (after an upgrade), not yet made permanent: a reboot goes back to the permanent one. */
  CURRENT,
  /** The release the node boots. */
  PERMANENT,
  /** Was permanent once; kept for downgrades. */
  OLD;

  /** The lower-case name used in the JSON file. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }
}
