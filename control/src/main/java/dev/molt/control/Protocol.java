package dev.molt.control;

/**
 * Constants of the control protocol that both ends must agree on. See {@code
 * docs/control-channel.md} for the frame layout and the handshake.
 */
public final class Protocol {
  /**
   * The protocol version this library speaks; carried in every frame header. Version 2 added the
   * MAC on every frame after the handshake.
   */
  public static final int VERSION = 2;

  /** Default upper bound of a frame's payload after authentication: 1 MiB. */
  public static final int DEFAULT_MAX_FRAME_BYTES = 1 << 20;

  /** Hard ceiling for any configured limit (64 MiB), so a misconfiguration cannot ask for more. */
  public static final int MAX_FRAME_CEILING = 64 << 20;

  /** Payload limit before authentication: handshake frames are tiny, so a stranger gets 1 KiB. */
  static final int HANDSHAKE_MAX_FRAME_BYTES = 1024;

  /** Bytes in each nonce and each MAC. */
  static final int NONCE_BYTES = 32;

  /** Frame header: u32 length, u8 version, u8 type. */
  static final int HEADER_BYTES = 6;

  private Protocol() {}
}
